/** Whether a person may be checked in for a day, and for how long a check-in can be undone. */

export type CheckinOutcome =
  | "checkedIn"
  | "alreadyCheckedIn"
  | "waiting"
  | "cancelled"
  | "notForDay"
  | "unknown";

export type CheckinCandidate = {
  status: "confirmed" | "waiting" | "cancelled" | "pending";
  days: readonly string[];
  erased: boolean;
} | null;

/**
 * The answer before any write: a missing or erased registration is unknown; a cancelled, pending or waiting
 * one is refused whatever its days; a confirmed one only on a day it registered for; and once
 * checked in for the day, a second scan says so instead of adding a row.
 */
export function decideCheckin(
  registration: CheckinCandidate,
  day: string,
  alreadyCheckedIn: boolean,
): CheckinOutcome {
  if (!registration || registration.erased) return "unknown";
  if (registration.status === "cancelled") return "cancelled";
  // Unconfirmed or awaiting approval: no seat yet, like the waiting list.
  if (registration.status === "waiting" || registration.status === "pending") return "waiting";
  if (!registration.days.includes(day)) return "notForDay";
  return alreadyCheckedIn ? "alreadyCheckedIn" : "checkedIn";
}

/** A mistaken scan can be taken back for a minute; after that the check-in stands. */
export const UNDO_WINDOW_MS = 60_000;

export function canUndo(checkedInAt: Date | number, now: Date | number): boolean {
  const age = new Date(now).getTime() - new Date(checkedInAt).getTime();
  // A little clock skew between requests must not make a fresh check-in look a minute old.
  return age >= -5_000 && age <= UNDO_WINDOW_MS;
}

/** Today when the forum is on (in its own zone), otherwise its first day. */
export function defaultDay(days: readonly string[], today: string): string {
  return days.includes(today) ? today : (days[0] ?? today);
}
