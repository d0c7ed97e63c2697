import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { QuotesBody } from "@/components/edition-pages/quotes-body";
import { pageMetadata } from "@/i18n/metadata";

export async function generateMetadata({ params }: PageProps<"/[locale]/quotes">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "quotes" });
  return pageMetadata({ locale, path: "/quotes", title: t("title"), description: t("description") });
}

/** The quote archive of every edition. */
export default async function QuotesPage({ params }: PageProps<"/[locale]/quotes">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <QuotesBody locale={locale} />;
}
