import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { consoleEdition } from "@/auth/edition";
import { requirePageUser } from "@/auth/guard";
import { sessionsAwaitingReview } from "@/db/queries/material-proposals";
import { listSessionsWithMaterials } from "@/db/queries/materials";
import { Link } from "@/i18n/navigation";
import { pick } from "@/lib/localized";
import { TableScroll } from "@/components/ui/table-scroll";

type Props = PageProps<"/[locale]/admin/materials">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "materials.console" });
  return { title: t("title"), robots: { index: false } };
}

/** The edition's sessions, each with what it holds of slides and recording, and whether it is public. */
export default async function MaterialsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePageUser(locale, "agenda", "/admin/materials");
  const edition = await consoleEdition();
  const t = await getTranslations("materials.console");
  const rows = listSessionsWithMaterials(edition.id);
  const awaiting = sessionsAwaitingReview(edition.id);
  const tp = await getTranslations("speakerMaterials.review");
  const state = (has: boolean, published: boolean) =>
    !has ? t("none") : published ? t("published") : t("notPublished");
  return (
    <div className="max-w-5xl">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      <TableScroll className="mt-6">
      <table className="w-full border-collapse text-left text-sm">
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-4">
              {t("session")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("slides")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("recording")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-200">
              <td className="py-2 pr-4">
                <Link
                  href={`/admin/materials/${r.id}`}
                  className="text-brand-700 font-medium underline"
                >
                  {pick(locale, r.titleEn, r.titleZh)}
                </Link>
                {awaiting.has(r.id) && (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
                    {tp("awaiting")}
                  </span>
                )}
              </td>
              <td className="py-2 pr-4">
                {state(Boolean(r.materials?.slidesFile), Boolean(r.materials?.slidesPublished))}
              </td>
              <td className="py-2 pr-4">
                {state(
                  Boolean(r.materials?.recordingUrl || r.materials?.recordingFile),
                  Boolean(r.materials?.recordingPublished),
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </div>
  );
}
