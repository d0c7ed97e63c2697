import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { agendaDayMetadata, dayOf, dayParams } from "@/components/edition-pages/agenda-day";
import { AgendaBody } from "@/components/edition-pages/agenda-body";
import { editionOf } from "../../edition";

type Props = PageProps<"/[locale]/[edition]/agenda/[day]">;

export function generateStaticParams({ params }: { params: { edition: string } }) {
  return dayParams(editionOf(params.edition));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, edition, day } = await params;
  return agendaDayMetadata(locale, `/${edition}`, editionOf(edition), day);
}

/** One day of an edition's agenda at its permanent address (/<path>/agenda/<day>). */
export default async function EditionAgendaDayPage({ params }: Props) {
  const { locale, edition: path, day } = await params;
  setRequestLocale(locale);
  const edition = editionOf(path);
  return <AgendaBody edition={edition} locale={locale} day={dayOf(edition, day)} />;
}
