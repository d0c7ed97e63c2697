import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AgendaChangesBody } from "@/components/edition-pages/agenda-changes-body";
import { pageMetadata } from "@/i18n/metadata";
import { editionOf } from "../../edition";

type Props = PageProps<"/[locale]/[edition]/agenda/changes">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, edition } = await params;
  editionOf(edition);
  const t = await getTranslations({ locale, namespace: "agendaChanges" });
  return pageMetadata({ locale, path: `/${edition}/agenda/changes`, title: t("title"), description: t("description") });
}

/** One edition's published versions at its permanent address. */
export default async function EditionAgendaChangesPage({ params }: Props) {
  const { locale, edition } = await params;
  setRequestLocale(locale);
  return <AgendaChangesBody edition={editionOf(edition)} locale={locale} />;
}
