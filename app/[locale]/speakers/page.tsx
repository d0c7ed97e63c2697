import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PersonPosition } from "@/components/person-position";
import { listPeople, type Person } from "@/db/queries/speakers";
import { pageMetadata } from "@/i18n/metadata";
import { Link } from "@/i18n/navigation";
import { pick } from "@/lib/localized";
import { photoUrl } from "@/lib/speakers/photo";
import { formatDay } from "@/lib/time";

export async function generateMetadata({ params }: PageProps<"/[locale]/speakers">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "speakers" });
  return pageMetadata({ locale, path: "/speakers", title: t("title"), description: t("description") });
}

/** The real people a source names apart from the program's people: they are quoted, not speakers. */
export default async function SpeakersPage({ params }: PageProps<"/[locale]/speakers">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("speakers");
  const { quoted, program } = listPeople();
  const source = quoted[0]?.source;
  return (
    <div>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">{t("description")}</p>
      {quoted.length > 0 && (
        <section aria-labelledby="quoted-heading" className="mt-8">
          <h2 id="quoted-heading" className="text-2xl font-bold">{t("quotedHeading")}</h2>
          {source && (
            <p className="mt-2 max-w-3xl text-slate-700">
              {t("quotedIntro", { title: source.title, date: formatDay(source.publishedOn, locale, "date") })}
            </p>
          )}
          <PeopleList people={quoted} locale={locale} />
        </section>
      )}
      {program.length > 0 && (
        <section aria-labelledby="program-heading" className="mt-10">
          <h2 id="program-heading" className="text-2xl font-bold">{t("programHeading")}</h2>
          <p className="mt-2 max-w-3xl text-slate-700">{t("programIntro")}</p>
          <PeopleList people={program} locale={locale} />
        </section>
      )}
    </div>
  );
}

function PeopleList({ people, locale }: { people: Person[]; locale: string }) {
  return (
    <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {people.map((s) => (
        <li key={s.id} className="rounded-xl border border-slate-200 bg-white p-5">
          {s.photoPath && (
            // eslint-disable-next-line @next/next/no-img-element -- served already resized by /files/speakers
            <img
              src={photoUrl(s.photoPath, 96)}
              srcSet={`${photoUrl(s.photoPath, 96)} 1x, ${photoUrl(s.photoPath, 240)} 2x`}
              alt={pick(locale, s.nameEn, s.nameZh)}
              width={96}
              height={96}
              loading="lazy"
              className="mb-3 size-24 rounded-full object-cover"
            />
          )}
          <h3 className="text-lg font-semibold">
            <Link href={`/speakers/${s.slug}`} className="text-brand-700 underline">
              {pick(locale, s.nameEn, s.nameZh)}
            </Link>
          </h3>
          <p className="mt-1 text-slate-700">
            <PersonPosition person={s} />
          </p>
        </li>
      ))}
    </ul>
  );
}
