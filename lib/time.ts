/** Times are stored as UTC instants and always shown in the event's own zone, never the viewer's. */

const partsFormatterCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatterCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatterCache.set(timeZone, f);
  }
  return f;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

export function wallClock(instant: Date | number, timeZone: string): WallClock {
  const parts = partsFormatter(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
  };
}

/** Offset of the zone from UTC at that instant, in minutes (Asia/Tokyo: 540). */
export function zoneOffsetMinutes(instant: Date | number, timeZone: string): number {
  const ms = new Date(instant).getTime();
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - (ms - (ms % 60000))) / 60000);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The instant at which the clocks in `timeZone` show `date` `time` ("2025-09-30", "09:30"). */
export function zonedToInstant(date: string, time: string, timeZone: string): Date {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) throw new RangeError(`Not a date and time: ${date} ${time}`);
  const guess = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  let result = guess - zoneOffsetMinutes(guess, timeZone) * 60000;
  // A second pass settles instants near a change of offset.
  result = guess - zoneOffsetMinutes(result, timeZone) * 60000;
  return new Date(result);
}

/** The calendar date ("2025-09-30") of an instant in the zone. */
export function zonedDate(instant: Date | number, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/** Minutes since midnight in the zone, for laying sessions out on a time grid. */
export function minutesOfDay(instant: Date | number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return w.hour * 60 + w.minute;
}

/** "UTC+8", "UTC-3:30", "UTC" */
export function offsetLabel(instant: Date | number, timeZone: string): string {
  const offset = zoneOffsetMinutes(instant, timeZone);
  if (offset === 0) return "UTC";
  const sign = offset > 0 ? "+" : "-";
  const abs = Math.abs(offset);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `:${String(minutes).padStart(2, "0")}` : ""}`;
}

/**
 * The zone's name in the reader's language ("China Standard Time", "中欧时间"); a zone the
 * locale has no name for (UTC, Etc/GMT-3) goes by its IANA city instead of a bare "GMT+03:00".
 */
export function zoneName(timeZone: string, locale: string, instant: Date | number = Date.now()): string {
  const name = cachedFormat(locale, { timeZone, timeZoneName: "longGeneric" })
    .formatToParts(new Date(instant))
    .find((part) => part.type === "timeZoneName")?.value;
  if (name && !/^(GMT|UTC)/.test(name)) return name;
  return timeZone.split("/").at(-1)!.replaceAll("_", " ");
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One Intl.DateTimeFormat per locale and options, kept: making one costs about as much as a
 * registration's database work, and every email, ICS file and page formats dates many times.
 */
function cachedFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\0${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

export function formatTime(instant: Date | number, locale: string, timeZone: string): string {
  return cachedFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(instant));
}

export function formatTimeRange(
  start: Date | number,
  end: Date | number,
  locale: string,
  timeZone: string,
): string {
  return `${formatTime(start, locale, timeZone)}–${formatTime(end, locale, timeZone)}`;
}

const DAY_STYLES: Record<"long" | "date" | "short", Intl.DateTimeFormatOptions> = {
  long: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  date: { day: "numeric", month: "long", year: "numeric" },
  short: { weekday: "short", day: "numeric", month: "short" },
};

/**
 * A calendar date ("2025-09-30") as a reader expects it: "Tuesday 30 September 2025" (the forum's own
 * day-month order, as in "30 September – 2 October 2025"), "2025年9月30日星期二". English is assembled from
 * single-field formats, whose output does not change between ICU versions, so that the server's
 * Node.js and the visitor's browser print the same text.
 */
export function formatDay(
  date: string,
  locale: string,
  style: "long" | "date" | "short" = "long",
): string {
  const d = DATE.exec(date);
  if (!d) throw new RangeError(`Not a date: ${date}`);
  const noonUtc = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), 12));
  if (locale.startsWith("zh")) {
    return cachedFormat(locale, { timeZone: "UTC", ...DAY_STYLES[style] }).format(noonUtc);
  }
  const field = (options: Intl.DateTimeFormatOptions) =>
    cachedFormat(locale, { timeZone: "UTC", ...options }).format(noonUtc);
  const day = Number(d[3]);
  if (style === "short") return `${field({ weekday: "short" })} ${day} ${field({ month: "short" })}`;
  const dayMonthYear = `${day} ${field({ month: "long" })} ${d[1]}`;
  return style === "long" ? `${field({ weekday: "long" })} ${dayMonthYear}` : dayMonthYear;
}

/** Every calendar date from `start` to `end` inclusive. */
export function daysBetween(start: string, end: string): string[] {
  const s = DATE.exec(start);
  const e = DATE.exec(end);
  if (!s || !e) throw new RangeError(`Not a date range: ${start} ${end}`);
  const days: string[] = [];
  let t = Date.UTC(Number(s[1]), Number(s[2]) - 1, Number(s[3]));
  const last = Date.UTC(Number(e[1]), Number(e[2]) - 1, Number(e[3]));
  while (t <= last && days.length < 366) {
    days.push(new Date(t).toISOString().slice(0, 10));
    t += 86400000;
  }
  return days;
}

export function isIsoDate(value: string): boolean {
  return DATE.test(value);
}

/** A calendar date as YYYY-MM-DD that exists (no 2024-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A time of day as HH:MM on a 24-hour clock (no 25:00). */
export function isClockTime(value: string): boolean {
  return TIME.test(value);
}
