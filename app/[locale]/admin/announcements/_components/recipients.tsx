import { getTranslations } from "next-intl/server";
import type { Progress, RecipientRow } from "@/db/queries/announcements";
import { TableScroll } from "@/components/ui/table-scroll";

/** A sent announcement: how far the sending has come, and where each person's email stands. */
export async function Recipients({ progress, rows }: { progress: Progress; rows: RecipientRow[] }) {
  const t = await getTranslations("announcements");
  return (
    <section aria-labelledby="recipients-heading" className="mt-6">
      <h2 id="recipients-heading" className="text-xl font-semibold">
        {t("recipientsHeading")}
      </h2>
      <p role="status" className="mt-2 font-semibold">
        {t("progressLine", progress)}
      </p>
      <TableScroll className="mt-3">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-4">{t("columns.name")}</th>
            <th scope="col" className="py-2 pr-4">{t("columns.email")}</th>
            <th scope="col" className="py-2 pr-4">{t("columns.language")}</th>
            <th scope="col" className="py-2 pr-4">{t("columns.state")}</th>
            <th scope="col" className="py-2 pr-4 text-right">{t("columns.attempts")}</th>
            <th scope="col" className="py-2">{t("columns.error")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-200">
              <td className="py-2 pr-4">
                {r.name}
                {r.speaker && <span className="text-slate-600"> ({t("speaker")})</span>}
              </td>
              <td className="py-2 pr-4">{r.email}</td>
              <td className="py-2 pr-4">{t(`languages.${r.locale}`)}</td>
              <td className={`py-2 pr-4 ${r.status === "failed" ? "font-semibold text-red-800" : ""}`}>{t(`recipientState.${r.status}`)}</td>
              <td className="py-2 pr-4 text-right">{r.attempts}</td>
              <td className="py-2 break-all">{r.error ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </section>
  );
}
