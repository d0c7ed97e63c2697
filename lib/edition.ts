/**
 * The facts of an edition of the forum (names, dates, zone, venue) as code sees them: read from its
 * row, never written in code. db/seed/ is the only place that spells them.
 */
import { daysBetween, formatDay, isCalendarDate } from "./time";

export type EditionFacts = {
  nameEn: string;
  nameZh: string;
  venueEn: string;
  venueZh: string;
  /** IANA zone in which every time of the edition is shown. */
  timeZone: string;
  /** First and last day, YYYY-MM-DD in the edition's zone. */
  startDate: string;
  endDate: string;
};

/** At least one day: an edition with none could not be registered for. */
export type EditionDays = readonly [string, ...string[]];

/** The calendar days of an edition, in order, from its first to its last inclusive. */
export function editionDays(start: string, end: string): EditionDays {
  if (!isCalendarDate(start) || !isCalendarDate(end))
    throw new RangeError(`Not an edition's dates: ${start} ${end}`);
  const [first, ...rest] = daysBetween(start, end);
  if (first === undefined)
    throw new RangeError(`An edition ends before it starts: ${start} ${end}`);
  return [first, ...rest];
}

export function daysOf(edition: Pick<EditionFacts, "startDate" | "endDate">): EditionDays {
  return editionDays(edition.startDate, edition.endDate);
}

/**
 * A rule built from an edition's days, built once per set of days and kept: zod compiles a schema
 * on its first parse, which every request would otherwise pay for.
 */
export function perDays<T>(build: (days: EditionDays) => T): (days: EditionDays) => T {
  const built = new Map<string, T>();
  return (days) => {
    const key = days.join(",");
    let rule = built.get(key);
    if (!rule) built.set(key, (rule = build(days)));
    return rule;
  };
}

function parts(date: string) {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

/**
 * The dates of an edition as a reader expects them. "range": "2–4 October 2025", "2025年10月2日至4日";
 * "span" reads as a phrase: "from 2 to 4 October 2025" (Chinese is the same in both). English is
 * assembled like formatDay's, so that server and browser print the same text.
 */
export function formatEditionDates(
  start: string,
  end: string,
  locale: string,
  style: "range" | "span" = "range",
): string {
  const s = parts(start);
  const e = parts(end);
  if (locale.startsWith("zh")) {
    if (start === end) return `${s.year}年${s.month}月${s.day}日`;
    const tail =
      s.year !== e.year
        ? `${e.year}年${e.month}月${e.day}日`
        : s.month !== e.month
          ? `${e.month}月${e.day}日`
          : `${e.day}日`;
    return `${s.year}年${s.month}月${s.day}日至${tail}`;
  }
  const whole = (date: string) => formatDay(date, locale, "date");
  if (start === end) return style === "span" ? `on ${whole(start)}` : whole(start);
  const month = (date: string) => whole(date).split(" ")[1];
  const [from, to] =
    s.year !== e.year
      ? [whole(start), whole(end)]
      : s.month !== e.month
        ? [`${s.day} ${month(start)}`, whole(end)]
        : [String(s.day), whole(end)];
  return style === "span"
    ? `from ${from} to ${to}`
    : s.month === e.month && s.year === e.year
      ? `${from}–${to}`
      : `${from} – ${to}`;
}

/** The edition's name and venue in the reader's language. */
export function editionName(
  edition: Pick<EditionFacts, "nameEn" | "nameZh">,
  locale: string,
): string {
  return locale.startsWith("zh") ? edition.nameZh : edition.nameEn;
}

export function editionVenue(
  edition: Pick<EditionFacts, "venueEn" | "venueZh">,
  locale: string,
): string {
  return locale.startsWith("zh") ? edition.venueZh : edition.venueEn;
}

/** The values the messages that state an edition take: {name}, {dates} and {venue}. */
export function editionValues(
  edition: EditionFacts,
  locale: string,
): { name: string; dates: string; venue: string } {
  return {
    name: editionName(edition, locale),
    dates: formatEditionDates(edition.startDate, edition.endDate, locale),
    venue: editionVenue(edition, locale),
  };
}

/**
 * A message of messages/*.json read without next-intl (feeds, emails), its {name}, {dates} and
 * {venue} filled in as next-intl would.
 */
export function fillEdition(message: string, edition: EditionFacts, locale: string): string {
  const values = editionValues(edition, locale);
  return message.replace(/\{(name|dates|venue)\}/g, (_, key: keyof typeof values) => values[key]);
}

/**
 * The segment an edition's pages are under: none for the current edition, whose pages are the
 * unprefixed addresses that have always existed; "/2024" for another, its permanent addresses.
 */
export function editionPrefix(edition: { path: string; isCurrent: boolean }): string {
  return edition.isCurrent ? "" : `/${edition.path}`;
}

/**
 * The segment of an edition's permanent addresses, current or not: what calendars, exports and the
 * API link to. A calendar entry keeps its link for years; the unprefixed address of a session
 * would show another edition's session of the same name once the next edition is current.
 */
export function permanentPrefix(edition: { path: string }): string {
  return `/${edition.path}`;
}
