import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getEvent } from "@/db/queries/event";
import { pageMetadata } from "@/i18n/metadata";
import { editionName } from "@/lib/edition";

export async function generateMetadata({ params }: PageProps<"/[locale]/privacy">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "privacy" });
  return pageMetadata({ locale, path: "/privacy", title: t("title"), description: t("description", { name: editionName(getEvent(), locale) }) });
}

export default async function PrivacyPage({ params }: PageProps<"/[locale]/privacy">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("privacy");
  return (
    <article className="mx-auto max-w-2xl space-y-4 leading-relaxed text-slate-800">
      <h1 className="text-3xl font-bold text-slate-900">{t("title")}</h1>
      <p>{t("body1")}</p>
      <p>{t("body2")}</p>
      <p>{t("body3")}</p>
    </article>
  );
}
