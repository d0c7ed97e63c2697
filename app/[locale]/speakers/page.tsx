import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { listSpeakers } from "@/db/queries/speakers";
import { pageMetadata } from "@/i18n/metadata";
import { Link } from "@/i18n/navigation";
import { pick } from "@/lib/localized";
import { photoUrl } from "@/lib/speakers/photo";

export async function generateMetadata({ params }: PageProps<"/[locale]/speakers">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "speakers" });
  return pageMetadata({ locale, path: "/speakers", title: t("title"), description: t("description") });
}

export default async function SpeakersPage({ params }: PageProps<"/[locale]/speakers">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("speakers");
  const speakers = listSpeakers();
  return (
    <div>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">{t("description")}</p>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {speakers.map((s) => (
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
            <h2 className="text-lg font-semibold">
              <Link href={`/speakers/${s.slug}`} className="text-brand-700 underline">
                {pick(locale, s.nameEn, s.nameZh)}
              </Link>
            </h2>
            <p className="mt-1 text-slate-700">{pick(locale, s.titleEn, s.titleZh)}</p>
            <p className="text-slate-700">{pick(locale, s.organisationEn, s.organisationZh)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
