import { CRLF, formatUtcDateTime, rawProperty, textListProperty, textProperty } from "./format";

export type IcsEvent = {
  /** Stable across every change of the session, its time and room included. */
  uid: string;
  /** Rises whenever the session changes (§3.8.7.4); 0 for the first version. */
  sequence: number;
  start: Date;
  end: Date;
  /** When the session last changed: LAST-MODIFIED, and DTSTAMP (see below). */
  lastModified: Date;
  summary: string;
  description: string;
  location: string | null;
  url: string;
  status: "CONFIRMED" | "CANCELLED";
  categories: string[];
};

export type IcsCalendar = {
  prodId: string;
  name: string;
  description: string;
  /** IANA zone the calendar is meant to be read in (X-WR-TIMEZONE); every time is written in UTC. */
  timeZone: string;
  /** How often a subscribed client should fetch the feed again, as an RFC 5545 DURATION; none for a file sent once. */
  refreshInterval?: string;
  /**
   * PUBLISH for a feed or an updated entry, CANCEL for an email that takes a cancelled session out
   * of the reader's calendar (RFC 5546 §3.2.5).
   */
  method?: "PUBLISH" | "CANCEL";
  events: IcsEvent[];
};

function serializeEvent(e: IcsEvent): string[] {
  const lines = [
    "BEGIN:VEVENT",
    textProperty("UID", e.uid),
    // DTSTAMP is derived from the data rather than the clock, so that the same program always
    // gives the same bytes and a client's If-None-Match can be answered with 304.
    rawProperty("DTSTAMP", formatUtcDateTime(e.lastModified)),
    rawProperty("LAST-MODIFIED", formatUtcDateTime(e.lastModified)),
    rawProperty("SEQUENCE", String(Math.max(0, Math.trunc(e.sequence)))),
    rawProperty("DTSTART", formatUtcDateTime(e.start)),
    rawProperty("DTEND", formatUtcDateTime(e.end)),
    textProperty("SUMMARY", e.summary),
  ];
  if (e.description) lines.push(textProperty("DESCRIPTION", e.description));
  if (e.location) lines.push(textProperty("LOCATION", e.location));
  lines.push(rawProperty("URL;VALUE=URI", e.url));
  lines.push(rawProperty("STATUS", e.status));
  lines.push(rawProperty("TRANSP", e.status === "CANCELLED" ? "TRANSPARENT" : "OPAQUE"));
  const categories = e.categories.filter(Boolean);
  if (categories.length > 0) {
    lines.push(textListProperty("CATEGORIES", categories));
  }
  lines.push("END:VEVENT");
  return lines;
}

/** A whole VCALENDAR, CRLF line endings, every line folded at 75 octets. */
export function serializeCalendar(calendar: IcsCalendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    textProperty("PRODID", calendar.prodId),
    "CALSCALE:GREGORIAN",
    `METHOD:${calendar.method ?? "PUBLISH"}`,
    textProperty("NAME", calendar.name),
    textProperty("X-WR-CALNAME", calendar.name),
    textProperty("X-WR-CALDESC", calendar.description),
    textProperty("X-WR-TIMEZONE", calendar.timeZone),
    ...(calendar.refreshInterval
      ? [rawProperty("REFRESH-INTERVAL;VALUE=DURATION", calendar.refreshInterval), rawProperty("X-PUBLISHED-TTL", calendar.refreshInterval)]
      : []),
    ...calendar.events.flatMap(serializeEvent),
    "END:VCALENDAR",
  ];
  return lines.join(CRLF) + CRLF;
}
