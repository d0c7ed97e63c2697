import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { attendeeQuery, type AttendeeFilters, type SortColumn } from "@/lib/attendees/filters";

type Props = { column: SortColumn; label: string; filters: AttendeeFilters };

/** A column heading that sorts by it, and by it the other way round once it is the sort. */
export async function SortHeader({ column, label, filters }: Props) {
  const t = await getTranslations("attendeesAdmin");
  const current = filters.sort === column;
  const dir = current ? (filters.dir === "asc" ? "desc" : "asc") : column === "created" ? "desc" : "asc";
  return (
    <th scope="col" className="pr-3 pb-2" aria-sort={current ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={`/admin/attendees${attendeeQuery(filters, { sort: column, dir, page: 1 })}`} className="text-brand-700 underline">
        {label}
        {current && <span aria-hidden="true">{filters.dir === "asc" ? " ▲" : " ▼"}</span>}
        <span className="sr-only">{t(dir === "asc" ? "sortAsc" : "sortDesc")}</span>
      </Link>
    </th>
  );
}
