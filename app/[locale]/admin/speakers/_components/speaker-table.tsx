import { getTranslations } from "next-intl/server";
import type { SpeakerRow } from "@/db/queries/speakers-admin";
import { Link } from "@/i18n/navigation";
import { pick } from "@/lib/localized";
import { photoUrl } from "@/lib/speakers/photo";
import { TableScroll } from "@/components/ui/table-scroll";

/** `awaiting`: the speakers whose proposed changes (from their portal) wait for review. */
export async function SpeakerTable({ speakers, locale, awaiting = new Set() }: { speakers: SpeakerRow[]; locale: string; awaiting?: Set<number> }) {
  const t = await getTranslations("speakersAdmin");
  const portal = await getTranslations("speakerPortalAdmin");
  return (
    <TableScroll className="mt-6">
      <table className="w-full text-left">
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr className="text-sm text-slate-600">
            <th scope="col" className="pr-3 pb-2">{t("columns.photo")}</th>
            <th scope="col" className="pr-3 pb-2">{t("columns.name")}</th>
            <th scope="col" className="pr-3 pb-2">{t("columns.address")}</th>
            <th scope="col" className="pr-3 pb-2">{t("columns.visibility")}</th>
            <th scope="col" className="pr-3 pb-2">{t("columns.sessions")}</th>
            <th scope="col" className="pb-2">{t("columns.quotes")}</th>
          </tr>
        </thead>
        <tbody>
          {speakers.map((s) => (
            <tr key={s.id} className="border-t border-slate-200">
              <td className="py-2 pr-3">
                {s.photoPath && (
                  // eslint-disable-next-line @next/next/no-img-element -- served already resized by /files/speakers
                  <img src={photoUrl(s.photoPath, 96)} alt="" width={48} height={48} className="size-12 rounded-full object-cover" />
                )}
              </td>
              <td className="py-2 pr-3">
                <Link href={`/admin/speakers/${s.id}`} className="font-medium text-brand-700 underline">
                  {pick(locale, s.nameEn, s.nameZh)}
                </Link>
                {awaiting.has(s.id) && <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950">{portal("awaiting")}</span>}
              </td>
              <td className="py-2 pr-3 font-mono text-sm">/speakers/{s.slug}</td>
              <td className="py-2 pr-3">
                {s.listed || s.sessionCount > 0 ? t("visibility.listed") : t("visibility.private")}
              </td>
              <td className="py-2 pr-3">{s.sourceId === null ? s.sessionCount : t("realPerson")}</td>
              <td className="py-2">{s.quoteCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
