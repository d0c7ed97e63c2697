import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/auth/guard";
import { consoleEdition } from "@/auth/edition";
import { portalForConsole } from "@/db/queries/speaker-portal";
import { getSpeakerForConsole } from "@/db/queries/speakers-admin";
import { Link } from "@/i18n/navigation";
import { photoUrl } from "@/lib/speakers/photo";
import { DeleteSpeakerForm } from "../_components/delete-speaker-form";
import { PhotoPanel } from "../_components/photo-panel";
import { PortalPanel } from "../_components/portal-panel";
import { SpeakerForm } from "../_components/speaker-form";

type Props = PageProps<"/[locale]/admin/speakers/[id]">;

const load = (id: string) => (/^[1-9]\d{0,9}$/.test(id) ? getSpeakerForConsole(Number(id)) : undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "speakersAdmin" });
  return { title: t("editTitle"), robots: { index: false } };
}

export default async function EditSpeakerPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requirePageUser(locale, "speakers");
  const found = load(id);
  if (!found) notFound();
  const { speaker: s, appearances, quoteCount } = found;
  const { created, portal: notice } = await searchParams;
  const portal = portalForConsole(s.id);
  const edition = await consoleEdition();
  const t = await getTranslations("speakersAdmin");
  const initial = {
    nameEn: s.nameEn,
    nameZh: s.nameZh ?? "",
    titleEn: s.titleEn,
    titleZh: s.titleZh,
    organisationEn: s.organisationEn,
    organisationZh: s.organisationZh,
    bioEn: s.bioEn,
    bioZh: s.bioZh,
    listed: s.listed,
  };
  return (
    <div className="max-w-4xl">
      <Link href="/admin/speakers" className="text-sm text-brand-700 underline">
        ← {t("back")}
      </Link>
      <h1 className="mt-3 text-3xl font-bold">{s.nameEn}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("hints.slug", { path: `/speakers/${s.slug}` })}</p>
      <p className="mt-2 flex flex-wrap gap-4 text-sm">
        {(s.listed || appearances.some((a) => a.status !== "draft")) && (
          <Link href={`/speakers/${s.slug}`} className="text-brand-700 underline">
            {t("viewPublic")}
          </Link>
        )}
        <Link href={`/admin/quotes/new?speaker=${s.id}`} className="text-brand-700 underline">
          {t("addQuote")}
        </Link>
      </p>
      <SpeakerForm locale={locale} id={s.id} initial={initial} created={Boolean(created)} />
      <PhotoPanel locale={locale} id={s.id} name={s.nameEn} photoUrl={s.photoPath ? photoUrl(s.photoPath, 240) : null} />
      {portal && <PortalPanel id={s.id} locale={locale} timeZone={edition.timeZone} portal={portal} notice={typeof notice === "string" ? notice : undefined} />}
      <section className="mt-8">
        <h2 className="text-xl font-semibold">{t("usage.title")}</h2>
        <p className="mt-1 text-slate-700">{t("usage.counts", { sessions: appearances.length, quotes: quoteCount })}</p>
        {appearances.length > 0 && (
          <ul className="mt-2 list-disc pl-6 text-slate-700">
            {appearances.map((a) => (
              <li key={a.slug}>{a.titleEn}</li>
            ))}
          </ul>
        )}
        {appearances.length === 0 && quoteCount === 0 ? (
          <DeleteSpeakerForm locale={locale} id={s.id} />
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t("usage.cannotDelete")}</p>
        )}
      </section>
    </div>
  );
}
