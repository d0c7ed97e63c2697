import { describe, expect, it } from "vitest";
import { freeSeats, hasFreeSeat, place, seatOnConfirm, waitingPlace, type SeatCount } from "./seats";

const now = new Date("2024-07-01T08:00:00Z");
const open: SeatCount = { capacity: 2, confirmed: 1 };
const full: SeatCount = { capacity: 2, confirmed: 2 };
const immediate = (seats: SeatCount, whenFull: "waitlist" | "refuse" | "override") =>
  place({ seats, admission: "immediate", whenFull, holdMinutes: 30, now });

describe("place", () => {
  it("confirms while a seat is free, whatever a full forum would do", () => {
    for (const whenFull of ["waitlist", "refuse", "override"] as const) {
      expect(immediate(open, whenFull)).toEqual({ status: "confirmed", capacityOverride: false });
    }
  });

  it("at a full forum: the waiting list for self-registration, a refusal or an override for the console", () => {
    expect(immediate(full, "waitlist")).toEqual({ status: "waiting" });
    expect(immediate(full, "refuse")).toEqual({ status: "refused" });
    expect(immediate(full, "override")).toEqual({ status: "confirmed", capacityOverride: true });
  });

  it("treats a forum over its capacity (lowered later) as full, and a capacity of 0 as full", () => {
    expect(immediate({ capacity: 1, confirmed: 3 }, "waitlist")).toEqual({ status: "waiting" });
    expect(immediate({ capacity: 0, confirmed: 0 }, "refuse")).toEqual({ status: "refused" });
  });

  it("holds a seat for an email confirmation until the injected clock plus the hold, only while one is free", () => {
    const held = place({ seats: open, admission: "email", whenFull: "waitlist", holdMinutes: 45, now });
    expect(held).toEqual({ status: "pending", pendingFor: "email", holdsSeat: true, pendingUntil: new Date("2024-07-01T08:45:00Z") });
    const unheld = place({ seats: full, admission: "email", whenFull: "waitlist", holdMinutes: 45, now });
    expect(unheld).toMatchObject({ status: "pending", holdsSeat: false });
  });

  it("never holds a seat for a registration waiting for an organizer", () => {
    expect(place({ seats: open, admission: "approval", whenFull: "waitlist", holdMinutes: 30, now })).toEqual({
      status: "pending",
      pendingFor: "approval",
      holdsSeat: false,
    });
  });
});

describe("seatOnConfirm", () => {
  it("keeps a held seat even at a full forum; without one, a free seat or the waiting list", () => {
    expect(seatOnConfirm(true, full)).toBe("confirmed");
    expect(seatOnConfirm(false, open)).toBe("confirmed");
    expect(seatOnConfirm(false, full)).toBe("waiting");
  });
});

describe("counts and places", () => {
  it("counts free seats, never below zero", () => {
    expect(freeSeats({ capacity: 5, confirmed: 3 })).toBe(2);
    expect(freeSeats({ capacity: 1, confirmed: 3 })).toBe(0);
    expect(hasFreeSeat({ capacity: 5, confirmed: 4 })).toBe(true);
    expect(hasFreeSeat({ capacity: 5, confirmed: 5 })).toBe(false);
  });

  it("numbers the waiting list from 1 and gives no place to anyone else", () => {
    expect(waitingPlace("waiting", 0)).toBe(1);
    expect(waitingPlace("waiting", 6)).toBe(7);
    expect(waitingPlace("confirmed", 6)).toBeNull();
    expect(waitingPlace("pending", 0)).toBeNull();
  });
});
