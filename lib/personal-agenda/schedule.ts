/** The personal agenda: starred and booked sessions by day, with the ones that clash flagged. */
import { overlaps } from "../registration/bookings";
import type { BookingMark } from "./stars";

export type ScheduleSession = { id: number; slug: string; status: string; day: string; startsAt: number; endsAt: number };

export type ScheduleItem<S extends ScheduleSession> = {
  session: S;
  starred: boolean;
  booking: BookingMark["status"] | null;
  /** The other sessions of the agenda that take some of the same time. */
  overlapsWith: S[];
};

export type ScheduleDay<S extends ScheduleSession> = { day: string; items: ScheduleItem<S>[] };

/**
 * A seat booked (or a place waited for) belongs in the agenda even when it carries no star. A
 * cancelled session is listed, marked by the page, but takes no time, so it clashes with nothing.
 */
export function personalSchedule<S extends ScheduleSession>(
  sessions: readonly S[],
  starred: readonly string[],
  bookings: readonly BookingMark[],
): ScheduleDay<S>[] {
  const stars = new Set(starred);
  const booked = new Map(bookings.map((b) => [b.slug, b.status]));
  const chosen = sessions
    .filter((s) => stars.has(s.slug) || booked.has(s.slug))
    .map((s, index) => ({ s, index }))
    .sort((a, b) => a.s.startsAt - b.s.startsAt || a.index - b.index)
    .map(({ s }) => s);
  const busy = chosen.filter((s) => s.status !== "cancelled");
  const days = new Map<string, ScheduleItem<S>[]>();
  for (const session of chosen) {
    const item: ScheduleItem<S> = {
      session,
      starred: stars.has(session.slug),
      booking: booked.get(session.slug) ?? null,
      overlapsWith:
        session.status === "cancelled" ? [] : busy.filter((o) => o.id !== session.id && overlaps(o, session)),
    };
    days.set(session.day, [...(days.get(session.day) ?? []), item]);
  }
  return [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, items]) => ({ day, items }));
}
