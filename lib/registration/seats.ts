/**
 * The capacity rule: whether a registration gets a seat, a place on the waiting list, a pending
 * state, or is refused. Pure: the counts and the clock come from the caller, which reads them in
 * the same immediate transaction as the insert they guard (db/queries/registrations.ts).
 */
import type { PendingReason } from "./mode";

/** Seats for the forum and those taken: confirmed registrations and the live holds of pending ones. */
export type SeatCount = { capacity: number; confirmed: number };

/**
 * What a full forum does with a new registration: self-registration joins the waiting list; an
 * organizer's walk-in is refused, unless an admin overrides the capacity.
 */
export type WhenFull = "waitlist" | "refuse" | "override";

/** immediate: a seat or the waiting list at once; email: a hold until the link is opened; approval: an organizer decides. */
export type AdmissionKind = "immediate" | PendingReason;

export type Placement =
  | { status: "confirmed"; capacityOverride: boolean }
  | { status: "waiting" }
  | { status: "pending"; pendingFor: "email"; holdsSeat: boolean; pendingUntil: Date }
  | { status: "pending"; pendingFor: "approval"; holdsSeat: false }
  | { status: "refused" };

export function hasFreeSeat(seats: SeatCount): boolean {
  return seats.confirmed < seats.capacity;
}

/** How many people the waiting list may move up now (never negative, after a capacity was lowered). */
export function freeSeats(seats: SeatCount): number {
  return Math.max(0, seats.capacity - seats.confirmed);
}

export type PlacementRequest = {
  seats: SeatCount;
  admission: AdmissionKind;
  whenFull: WhenFull;
  /** How long an unconfirmed hold lasts (`email` admission only). */
  holdMinutes: number;
  now: Date;
};

export function place({ seats, admission, whenFull, holdMinutes, now }: PlacementRequest): Placement {
  const free = hasFreeSeat(seats);
  if (admission === "email") {
    // A registration made while the forum is full holds nothing: it is seated, or waits, when its
    // person confirms (seatOnConfirm).
    return { status: "pending", pendingFor: "email", holdsSeat: free, pendingUntil: new Date(now.getTime() + holdMinutes * 60_000) };
  }
  // Only a hold that ends by itself takes a seat: a registration waiting for an organizer could
  // otherwise keep seats from real people for as long as no one looks.
  if (admission === "approval") return { status: "pending", pendingFor: "approval", holdsSeat: false };
  if (free) return { status: "confirmed", capacityOverride: false };
  if (whenFull === "waitlist") return { status: "waiting" };
  if (whenFull === "override") return { status: "confirmed", capacityOverride: true };
  return { status: "refused" };
}

/**
 * A pending registration that is confirmed (by its person or an organizer): the seat it held, a
 * free one, or the waiting list.
 */
export function seatOnConfirm(holdsSeat: boolean, seats: SeatCount): "confirmed" | "waiting" {
  return holdsSeat || hasFreeSeat(seats) ? "confirmed" : "waiting";
}

/**
 * Place on the waiting list, from 1, or null for anyone not waiting. People join the list in the
 * order of their ids and never rejoin it, so the place is the number waiting ahead, plus one.
 */
export function waitingPlace(status: string, waitingAhead: number): number | null {
  return status === "waiting" ? waitingAhead + 1 : null;
}
