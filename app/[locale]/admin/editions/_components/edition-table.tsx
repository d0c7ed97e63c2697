import { getTranslations } from "next-intl/server";
import { ArchiveForm, DeleteForm } from "./lifecycle-forms";
import { MakeCurrentForm } from "./make-current-form";
import { TableScroll } from "@/components/ui/table-scroll";

export type EditionRow = {
  id: number;
  name: string;
  slug: string;
  path: string;
  dates: string;
  timeZone: string;
  isCurrent: boolean;
  isArchived: boolean;
  isConsole: boolean;
};

/** Every edition, the latest first: which one the public sees, and which one the console works on. */
export async function EditionTable({ rows }: { rows: EditionRow[] }) {
  const t = await getTranslations("editionsAdmin");
  return (
    // On a phone the table scrolls sideways rather than squeezing the names to a word a line.
    <TableScroll className="mt-6">
    <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
      <caption className="sr-only">{t("listCaption")}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-2 pr-3">{t("columns.name")}</th>
          <th scope="col" className="py-2 pr-3">{t("columns.slug")}</th>
          <th scope="col" className="py-2 pr-3">{t("columns.dates")}</th>
          <th scope="col" className="py-2 pr-3">{t("columns.zone")}</th>
          <th scope="col" className="py-2 pr-3">{t("columns.state")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-b border-slate-200 align-top">
            <th scope="row" className="py-2 pr-3 font-semibold">
              {row.name}
              {row.isConsole && <span className="block text-xs font-normal text-slate-600">{t("workingOn")}</span>}
            </th>
            <td className="py-2 pr-3">
              {row.slug}
              <span className="block text-xs text-slate-600">/{row.path}</span>
            </td>
            <td className="py-2 pr-3">{row.dates}</td>
            <td className="py-2 pr-3">{row.timeZone}</td>
            <td className="space-y-2 py-2 pr-3">
              {row.isCurrent ? (
                <span className="rounded bg-brand-50 px-2 py-0.5 font-semibold text-brand-900">{t("current")}</span>
              ) : (
                <>
                  {row.isArchived ? (
                    <span className="block rounded bg-slate-100 px-2 py-0.5 font-semibold text-slate-800">{t("archived")}</span>
                  ) : (
                    <MakeCurrentForm id={row.id} name={row.name} />
                  )}
                  <ArchiveForm id={row.id} name={row.name} archived={row.isArchived} />
                  <DeleteForm id={row.id} name={row.name} />
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}
