import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Citation } from "@/components/citation";
import { PersonPosition } from "@/components/person-position";
import { SpeakerSessions } from "@/components/edition-pages/speaker-sessions";
import { QuoteCard } from "@/components/quote-card";
import { SpeakerLinks } from "@/components/speaker-links";
import type { QuoteWithDetails } from "@/db/queries/quotes";
import { getSpeaker, listSpeakerSlugs } from "@/db/queries/speakers";
import { pageMetadata } from "@/i18n/metadata";
import { Link } from "@/i18n/navigation";
import { pick } from "@/lib/localized";
import { isSlug } from "@/lib/slug";
import { photoUrl } from "@/lib/speakers/photo";

type Props = PageProps<"/[locale]/speakers/[slug]">;

export function generateStaticParams() {
  return listSpeakerSlugs().map((slug) => ({ slug }));
}

const load = (slug: string) => (isSlug(slug) ? getSpeaker(slug) : undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const speaker = load(slug);
  if (!speaker) return {};
  return pageMetadata({
    locale,
    path: `/speakers/${slug}`,
    title: pick(locale, speaker.nameEn, speaker.nameZh),
    description: pick(locale, speaker.bioEn, speaker.bioZh),
    type: "profile",
  });
}

export default async function SpeakerPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const speaker = load(slug);
  if (!speaker) notFound();
  const t = await getTranslations("speakers");
  const agenda = await getTranslations("agenda");

  return (
    <article className="mx-auto max-w-3xl">
      <Link href="/speakers" className="text-sm text-brand-700 underline">
        ← {t("allSpeakers")}
      </Link>
      {speaker.photoPath && (
        // eslint-disable-next-line @next/next/no-img-element -- served already resized by /files/speakers
        <img
          src={photoUrl(speaker.photoPath, 240)}
          srcSet={`${photoUrl(speaker.photoPath, 240)} 1x, ${photoUrl(speaker.photoPath, 480)} 2x`}
          alt={pick(locale, speaker.nameEn, speaker.nameZh)}
          width={240}
          className="mt-4 h-auto w-40 rounded-lg border border-slate-200 sm:w-60"
        />
      )}
      <h1 className="mt-3 text-3xl font-bold">{pick(locale, speaker.nameEn, speaker.nameZh)}</h1>
      <p className="mt-1 text-lg text-slate-700">
        <PersonPosition person={speaker} />
      </p>
      <p className="mt-4 leading-relaxed text-slate-800">{pick(locale, speaker.bioEn, speaker.bioZh)}</p>
      <SpeakerLinks links={speaker} />

      {speaker.source ? (
        // A real person: what the source reports, and never a session.
        <>
          <div className="mt-4 space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-3 text-slate-800">
            <p>{t("quotedNote", { name: pick(locale, speaker.nameEn, speaker.nameZh) })}</p>
            <p className="text-sm">
              <Citation source={speaker.source} />
            </p>
          </div>
          <Quotes heading={t("reported")} quotes={speaker.quotes} empty={t("noQuotes")} />
        </>
      ) : (
        <>
          <section className="mt-8">
            <h2 className="text-xl font-bold">{t("sessions")}</h2>
            {speaker.appearances.length === 0 ? (
              <p className="mt-2 text-slate-700">{t("noSessions")}</p>
            ) : (
              <>
                <p className="mt-2 text-sm text-slate-600">{agenda("illustrative")}</p>
                <SpeakerSessions appearances={speaker.appearances} locale={locale} />
              </>
            )}
          </section>
          <Quotes heading={t("quotes")} quotes={speaker.quotes} empty={t("noQuotes")} />
        </>
      )}
    </article>
  );
}

function Quotes({ heading, quotes, empty }: { heading: string; quotes: QuoteWithDetails[]; empty: string }) {
  return (
    <section className="mt-8">
      <h2 className="text-xl font-bold">{heading}</h2>
      {quotes.length === 0 ? (
        <p className="mt-2 text-slate-700">{empty}</p>
      ) : (
        <ul className="mt-3 space-y-4">
          {quotes.map((q) => (
            <li key={q.id}>
              <QuoteCard quote={q} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
