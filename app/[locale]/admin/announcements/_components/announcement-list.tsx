import { getTranslations } from "next-intl/server";
import type { Announcement } from "@/db/schema";
import type { Progress } from "@/db/queries/announcements";
import { Link } from "@/i18n/navigation";
import { pick } from "@/lib/localized";
import { TableScroll } from "@/components/ui/table-scroll";

/** The edition's announcements, newest first, each with its state. */
export async function AnnouncementList({ locale, rows }: { locale: string; rows: (Announcement & { progress: Progress })[] }) {
  const t = await getTranslations("announcements");
  if (rows.length === 0) return <p className="mt-2 text-slate-700">{t("none")}</p>;
  return (
    <TableScroll className="mt-3">
    <table className="w-full text-left text-sm">
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-2 pr-4">{t("columns.subject")}</th>
          <th scope="col" className="py-2 pr-4">{t("columns.kind")}</th>
          <th scope="col" className="py-2 pr-4">{t("columns.status")}</th>
          <th scope="col" className="py-2">{t("columns.progress")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id} className="border-b border-slate-200">
            <td className="py-2 pr-4">
              <Link href={`/admin/announcements?id=${a.id}`} className="font-medium text-brand-700 underline">
                {pick(locale, a.subjectEn, a.subjectZh)}
              </Link>
            </td>
            <td className="py-2 pr-4">{t(`kindShort.${a.kind}`)}</td>
            <td className="py-2 pr-4">{t(`status.${a.status}`)}</td>
            <td className="py-2">{a.status === "sent" ? t("progressLine", a.progress) : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}
