/**
 * How a session of an earlier edition lands in a new one: moved by the days between the two
 * editions' first days, at the same time on the clock, read in the new edition's zone (a 09:30
 * talk in Shanghai becomes a 09:30 talk in Berlin).
 */
import { wallClock, zonedDate, zonedToInstant } from "../time";

export type EditionClock = { startDate: string; timeZone: string };

/** Days from `from` to `to` ("2025-01-01" to "2025-12-31": 364); negative when `to` is earlier. */
export function dayDifference(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / 86_400_000);
}

function utcDay(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

export function addDays(date: string, days: number): string {
  return new Date(utcDay(date) + days * 86_400_000).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** One instant of the earlier edition, moved into the new one. */
export function shiftInstant(instant: number, from: EditionClock, to: EditionClock): number {
  const w = wallClock(instant, from.timeZone);
  const day = addDays(zonedDate(instant, from.timeZone), dayDifference(from.startDate, to.startDate));
  return zonedToInstant(day, `${pad(w.hour)}:${pad(w.minute)}`, to.timeZone).getTime();
}

export function shiftSession(
  times: { startsAt: number; endsAt: number },
  from: EditionClock,
  to: EditionClock,
): { startsAt: number; endsAt: number } {
  return { startsAt: shiftInstant(times.startsAt, from, to), endsAt: shiftInstant(times.endsAt, from, to) };
}
