import { getTranslations } from "next-intl/server";
import type { AttendeeRow } from "@/db/queries/attendees";
import { Link } from "@/i18n/navigation";
import type { AttendeeFilters } from "@/lib/attendees/filters";
import { formatDay } from "@/lib/time";
import { SortHeader } from "./sort-header";
import { TableScroll } from "@/components/ui/table-scroll";

/** `timeZone`: the edition's, in which the console shows when each registration came in. */
type Props = { rows: AttendeeRow[]; filters: AttendeeFilters; locale: string; timeZone: string };

export async function AttendeeTable({ rows, filters, locale, timeZone }: Props) {
  const t = await getTranslations("attendeesAdmin");
  const tr = await getTranslations("registration");
  const created = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <TableScroll className="mt-4">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr className="text-slate-600">
            <SortHeader column="code" label={t("columns.code")} filters={filters} />
            <SortHeader column="name" label={t("columns.name")} filters={filters} />
            <SortHeader column="organisation" label={t("columns.organisation")} filters={filters} />
            <SortHeader column="category" label={t("columns.category")} filters={filters} />
            <SortHeader column="status" label={t("columns.status")} filters={filters} />
            <th scope="col" className="pr-3 pb-2">{t("columns.days")}</th>
            <SortHeader column="created" label={t("columns.created")} filters={filters} />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-200 align-top">
              <td className="py-2 pr-3 font-mono whitespace-nowrap">
                <Link href={`/admin/attendees/${row.code}`} className="text-brand-700 underline">{row.code}</Link>
              </td>
              <th scope="row" className="py-2 pr-3 font-medium">
                {row.fullName}
                {row.altName && <span className="block font-normal text-slate-600">{row.altName}</span>}
                <span className="block font-normal text-slate-600">{row.email}</span>
              </th>
              <td className="py-2 pr-3">{row.organisation}</td>
              <td className="py-2 pr-3">{tr(`categories.${row.category}`)}</td>
              <td className="py-2 pr-3">
                {t(`statuses.${row.status}`)}
                {row.capacityOverride && <span className="block text-slate-600">{t("override")}</span>}
                {row.checkedInDays.length > 0 && (
                  <span className="block text-slate-600">
                    {t("checkedInOn", { days: row.checkedInDays.map((d) => formatDay(d, locale, "short")).join(", ") })}
                  </span>
                )}
              </td>
              <td className="py-2 pr-3">{row.days.map((d) => formatDay(d, locale, "short")).join(", ")}</td>
              <td className="py-2 whitespace-nowrap">{created.format(row.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
