/** Rules for booking the sessions that have a seat limit (site visits, demonstration rides). */

export type Slot = { id: number; startsAt: Date | number; endsAt: Date | number };

/** Two sessions overlap when one starts before the other ends; back to back is fine. */
export function overlaps(a: Slot, b: Slot): boolean {
  return +a.startsAt < +b.endsAt && +b.startsAt < +a.endsAt;
}

export type BookingRefusal = "notConfirmed" | "notBookable" | "notAttendingDay" | "overlap" | "alreadyBooked";

export type BookingCheck =
  | { ok: true; status: "booked" | "waiting" }
  | { ok: false; reason: BookingRefusal; conflict?: Slot };

/**
 * Whether a confirmed attendee may book a session, and whether they get a seat or a place on its
 * waiting list. A place on a waiting list counts as a claim on the time: promotion later must
 * never create an overlap.
 */
export function checkBooking(input: {
  registrationStatus: string;
  attendingDays: readonly string[];
  sessionDay: string;
  session: Slot & { seatLimit: number | null; status: string };
  held: readonly Slot[];
  booked: number;
}): BookingCheck {
  const { session } = input;
  if (input.registrationStatus !== "confirmed") return { ok: false, reason: "notConfirmed" };
  if (session.status !== "published" || !session.seatLimit) return { ok: false, reason: "notBookable" };
  if (input.held.some((h) => h.id === session.id)) return { ok: false, reason: "alreadyBooked" };
  if (!input.attendingDays.includes(input.sessionDay)) return { ok: false, reason: "notAttendingDay" };
  const conflict = input.held.find((h) => overlaps(h, session));
  if (conflict) return { ok: false, reason: "overlap", conflict };
  return { ok: true, status: input.booked < session.seatLimit ? "booked" : "waiting" };
}
