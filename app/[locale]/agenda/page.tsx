import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { agendaMetadata } from "@/components/edition-pages/agenda-metadata";
import { AgendaBody } from "@/components/edition-pages/agenda-body";
import { getEvent } from "@/db/queries/event";

export async function generateMetadata({ params }: PageProps<"/[locale]/agenda">): Promise<Metadata> {
  const { locale } = await params;
  return agendaMetadata(locale, "/agenda", getEvent());
}

/** The current edition's agenda, at the address every published link has always used. */
export default async function AgendaPage({ params }: PageProps<"/[locale]/agenda">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <AgendaBody edition={getEvent()} locale={locale} />;
}
