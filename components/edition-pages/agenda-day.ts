import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { Event } from "@/db/schema";
import { pageMetadata } from "@/i18n/metadata";
import { agendaDayPath } from "@/lib/agenda";
import { daysOf, editionName } from "@/lib/edition";
import { formatDay } from "@/lib/time";

/** Every day of an edition as a segment, so that each day's agenda is rendered ahead. */
export function dayParams(edition: Event): { day: string }[] {
  return daysOf(edition).map((day) => ({ day }));
}

const isDayOf = (edition: Event, day: string) => (daysOf(edition) as readonly string[]).includes(day);

/** The day an address names, if it is one of the edition's; any other is not found. */
export function dayOf(edition: Event, day: string): string {
  if (!isDayOf(edition, day)) notFound();
  return day;
}

/**
 * A day's agenda: its title and description name the day. `prefix` is the address's edition
 * segment ("" at /agenda/<day>, "/<path>" at /<path>/agenda/<day>).
 */
export async function agendaDayMetadata(locale: string, prefix: string, edition: Event, day: string): Promise<Metadata> {
  if (!isDayOf(edition, day)) return {};
  const t = await getTranslations({ locale, namespace: "discover" });
  const date = formatDay(day, locale);
  return pageMetadata({
    locale,
    path: agendaDayPath(prefix, day),
    title: t("dayTitle", { day: date }),
    description: t("dayDescription", { day: date, name: editionName(edition, locale) }),
  });
}
