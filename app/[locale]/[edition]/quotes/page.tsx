import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { QuotesBody } from "@/components/edition-pages/quotes-body";
import { pageMetadata } from "@/i18n/metadata";
import { editionOf } from "../edition";

type Props = PageProps<"/[locale]/[edition]/quotes">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, edition } = await params;
  editionOf(edition);
  const t = await getTranslations({ locale, namespace: "quotes" });
  return pageMetadata({ locale, path: `/${edition}/quotes`, title: t("title"), description: t("description") });
}

/** The quote archive filtered to one edition, at that edition's address. */
export default async function EditionQuotesPage({ params }: Props) {
  const { locale, edition } = await params;
  setRequestLocale(locale);
  return <QuotesBody edition={editionOf(edition)} locale={locale} />;
}
