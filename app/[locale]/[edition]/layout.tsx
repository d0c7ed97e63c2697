import { setRequestLocale } from "next-intl/server";
import { ArchiveBanner } from "@/components/edition-pages/archive-banner";
import { editionOf, editionParams } from "./edition";

export function generateStaticParams() {
  return editionParams();
}

/** The pages of one edition at its permanent addresses; a past edition's say that they are an archive. */
export default async function EditionLayout({ children, params }: LayoutProps<"/[locale]/[edition]">) {
  const { locale, edition: path } = await params;
  setRequestLocale(locale);
  const edition = editionOf(path);
  return (
    <>
      {!edition.isCurrent && <ArchiveBanner edition={edition} locale={locale} />}
      {children}
    </>
  );
}
