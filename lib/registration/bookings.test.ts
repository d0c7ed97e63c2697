import { describe, expect, it } from "vitest";
import { checkBooking, overlaps } from "./bookings";

const at = (h: number, m = 0) => Date.UTC(2024, 6, 11, h - 8, m);
const visit = { id: 1, startsAt: at(14), endsAt: at(16, 30), seatLimit: 40, status: "published" };
const workshop = { id: 2, startsAt: at(16), endsAt: at(17, 30) };
const later = { id: 3, startsAt: at(16, 30), endsAt: at(17) };
const base = { registrationStatus: "confirmed", attendingDays: ["2024-07-11"], sessionDay: "2024-07-11", session: visit, held: [], booked: 0 };

describe("overlaps", () => {
  it("is true when the times cross and false back to back", () => {
    expect(overlaps(visit, workshop)).toBe(true);
    expect(overlaps(workshop, visit)).toBe(true);
    expect(overlaps(visit, later)).toBe(false);
  });
});

describe("checkBooking", () => {
  it("gives a seat while there is one, then a place on the waiting list", () => {
    expect(checkBooking(base)).toEqual({ ok: true, status: "booked" });
    expect(checkBooking({ ...base, booked: 39 })).toEqual({ ok: true, status: "booked" });
    expect(checkBooking({ ...base, booked: 40 })).toEqual({ ok: true, status: "waiting" });
  });

  it("refuses an overlap and names the session in the way", () => {
    expect(checkBooking({ ...base, held: [workshop] })).toEqual({ ok: false, reason: "overlap", conflict: workshop });
    expect(checkBooking({ ...base, held: [later] }).ok).toBe(true);
  });

  it("refuses the unconfirmed, other days, unbookable sessions and a second booking", () => {
    expect(checkBooking({ ...base, registrationStatus: "waiting" })).toMatchObject({ reason: "notConfirmed" });
    expect(checkBooking({ ...base, attendingDays: ["2024-07-12"] })).toMatchObject({ reason: "notAttendingDay" });
    expect(checkBooking({ ...base, session: { ...visit, seatLimit: null } })).toMatchObject({ reason: "notBookable" });
    expect(checkBooking({ ...base, session: { ...visit, status: "cancelled" } })).toMatchObject({ reason: "notBookable" });
    expect(checkBooking({ ...base, held: [visit] })).toMatchObject({ reason: "alreadyBooked" });
  });
});
