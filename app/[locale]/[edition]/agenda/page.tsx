import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { agendaMetadata } from "@/components/edition-pages/agenda-metadata";
import { AgendaBody } from "@/components/edition-pages/agenda-body";
import { editionOf } from "../edition";

type Props = PageProps<"/[locale]/[edition]/agenda">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, edition } = await params;
  return agendaMetadata(locale, `/${edition}/agenda`, editionOf(edition));
}

/** One edition's agenda at its permanent address. */
export default async function EditionAgendaPage({ params }: Props) {
  const { locale, edition } = await params;
  setRequestLocale(locale);
  return <AgendaBody edition={editionOf(edition)} locale={locale} />;
}
