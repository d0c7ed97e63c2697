/**
 * A session page's schema.org `Event` (JSON-LD), so that search engines read the talk's place,
 * times and people from the served HTML. Everything about the edition is read from its row.
 */
import { editionName, editionVenue, type EditionFacts } from "../edition";
import { pick } from "../localized";
import { zonedIso } from "../schedule/zoned";

export type JsonLdSession = {
  titleEn: string;
  titleZh: string;
  abstractEn: string;
  abstractZh: string;
  status: string;
  startsAt: number;
  endsAt: number;
  room: { nameEn: string; nameZh: string } | null;
  speakers: { slug: string; nameEn: string; nameZh: string | null }[];
};

type Context = {
  edition: EditionFacts;
  locale: string;
  /** The page's own absolute address. */
  url: string;
  /** The absolute address of a speaker's page. */
  speakerUrl: (slug: string) => string;
};

const SCHEMA = "https://schema.org";

/** The `Event` of one session: times in the edition's zone with their offset, the venue, the performers. */
export function sessionEventJsonLd(session: JsonLdSession, { edition, locale, url, speakerUrl }: Context) {
  const venue = editionVenue(edition, locale);
  const room = session.room && pick(locale, session.room.nameEn, session.room.nameZh);
  return {
    "@context": SCHEMA,
    "@type": "Event",
    name: pick(locale, session.titleEn, session.titleZh),
    description: pick(locale, session.abstractEn, session.abstractZh),
    url,
    inLanguage: locale,
    startDate: zonedIso(session.startsAt, edition.timeZone),
    endDate: zonedIso(session.endsAt, edition.timeZone),
    eventStatus: `${SCHEMA}/${session.status === "cancelled" ? "EventCancelled" : "EventScheduled"}`,
    eventAttendanceMode: `${SCHEMA}/OfflineEventAttendanceMode`,
    location: {
      "@type": "Place",
      name: room ? `${room}, ${venue}` : venue,
      address: venue,
    },
    performer: session.speakers.map((s) => ({
      "@type": "Person",
      name: pick(locale, s.nameEn, s.nameZh),
      url: speakerUrl(s.slug),
    })),
    superEvent: {
      "@type": "Event",
      name: editionName(edition, locale),
      startDate: edition.startDate,
      endDate: edition.endDate,
      location: { "@type": "Place", name: venue, address: venue },
    },
  };
}

/**
 * The JSON for a `<script type="application/ld+json">`: "<" is escaped so that no text an
 * organizer typed ("</script>") can end the element early; JSON reads "\u003c" as "<".
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
