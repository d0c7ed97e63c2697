import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AgendaChangesBody } from "@/components/edition-pages/agenda-changes-body";
import { getEvent } from "@/db/queries/event";
import { pageMetadata } from "@/i18n/metadata";

export async function generateMetadata({ params }: PageProps<"/[locale]/agenda/changes">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "agendaChanges" });
  return pageMetadata({ locale, path: "/agenda/changes", title: t("title"), description: t("description") });
}

/** The current edition's published versions; rendered ahead and revalidated on publication. */
export default async function AgendaChangesPage({ params }: PageProps<"/[locale]/agenda/changes">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <AgendaChangesBody edition={getEvent()} locale={locale} />;
}
