import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { agendaDayMetadata, dayOf, dayParams } from "@/components/edition-pages/agenda-day";
import { AgendaBody } from "@/components/edition-pages/agenda-body";
import { getEvent } from "@/db/queries/event";

type Props = PageProps<"/[locale]/agenda/[day]">;

export function generateStaticParams() {
  return dayParams(getEvent());
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, day } = await params;
  return agendaDayMetadata(locale, "", getEvent(), day);
}

/** One day of the current edition's agenda at its own address (/agenda/<day>), reachable without a script. */
export default async function AgendaDayPage({ params }: Props) {
  const { locale, day } = await params;
  setRequestLocale(locale);
  const edition = getEvent();
  return <AgendaBody edition={edition} locale={locale} day={dayOf(edition, day)} />;
}
