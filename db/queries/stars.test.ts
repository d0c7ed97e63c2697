import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../client";
import { withSeededDatabase } from "../test-support";
import { auditLog, registrations, sessions, stars } from "../schema";
import { book } from "./bookings";
import { cancel, erase, register } from "./registrations";
import { addStars, currentCalendarToken, listStars, personalAgenda, removeStar, rotateCalendarToken } from "./stars";
import { tokenHash } from "../../lib/registration/secret-links";

withSeededDatabase("stars");
let n = 0;
const person = () =>
  register({
    fullName: "Star Gazer",
    email: `stars-${++n}@example.test`,
    organisation: "Org",
    jobTitle: "Engineer",
    phone: null,
    category: "industry",
    days: ["2024-07-11"],
    dietary: "",
    accessibility: "",
    newsConsent: false,
    consent: true,
    locale: "en",
  }).registration;


describe("stars", () => {
  it("adds stars once each and lists them in agenda order", () => {
    const reg = person();
    expect(addStars(reg.id, ["workshop-software-defined-vehicle", "opening-ceremony"])).toEqual({
      ok: true,
      stars: ["opening-ceremony", "workshop-software-defined-vehicle"],
    });
    expect(addStars(reg.id, ["opening-ceremony", "keynote-automotive-chips"])).toEqual({
      ok: true,
      stars: ["opening-ceremony", "workshop-software-defined-vehicle", "keynote-automotive-chips"],
    });
    expect(removeStar(reg.id, "opening-ceremony")).toEqual({
      ok: true,
      stars: ["workshop-software-defined-vehicle", "keynote-automotive-chips"],
    });
    // Removing a star that is not there is no error.
    expect(removeStar(reg.id, "opening-ceremony").ok).toBe(true);
  });

  it("keeps each person's stars apart", () => {
    const a = person();
    const b = person();
    addStars(a.id, ["lunch-day-1"]);
    expect(listStars(b.id)).toEqual([]);
  });

  it("refuses unknown and draft sessions and then adds nothing, but takes cancelled ones", () => {
    const reg = person();
    expect(addStars(reg.id, ["opening-ceremony", "no-such-session", "farewell-reception"])).toEqual({
      ok: false,
      unknown: ["no-such-session", "farewell-reception"],
    });
    expect(listStars(reg.id)).toEqual([]);
    expect(removeStar(reg.id, "farewell-reception")).toEqual({ ok: false, unknown: ["farewell-reception"] });
    expect(addStars(reg.id, ["workshop-connected-vehicle-data-security"]).ok).toBe(true);
  });

  it("drops a star from the list when its session goes back to draft", () => {
    const reg = person();
    addStars(reg.id, ["talk-shared-mobility", "closing-session"]);
    const db = getDb();
    db.update(sessions).set({ status: "draft" }).where(eq(sessions.slug, "talk-shared-mobility")).run();
    try {
      expect(listStars(reg.id)).toEqual(["closing-session"]);
    } finally {
      db.update(sessions).set({ status: "published" }).where(eq(sessions.slug, "talk-shared-mobility")).run();
    }
  });

  it("gives the personal agenda the bookings that hold a seat or a place", () => {
    const reg = person();
    const visit = getDb().select().from(sessions).where(eq(sessions.slug, "chip-valley-visit")).get()!;
    expect(book(reg, visit.id)).toMatchObject({ ok: true, status: "booked" });
    addStars(reg.id, ["opening-ceremony"]);
    expect(personalAgenda(reg.id)).toEqual({
      stars: ["opening-ceremony"],
      bookings: [{ slug: "chip-valley-visit", status: "booked" }],
    });
  });
});

describe("calendar token", () => {
  it("creates a 192-bit token, replaces it, and records both without the secret", () => {
    const reg = person();
    const first = rotateCalendarToken(reg.id, `attendee:${reg.code}`);
    expect(first).toMatchObject({ ok: true, replaced: false });
    const second = rotateCalendarToken(reg.id, `attendee:${reg.code}`);
    expect(second).toMatchObject({ ok: true, replaced: true });
    if (!first.ok || !second.ok) throw new Error("unreachable");
    expect(first.calendarToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(second.calendarToken).not.toBe(first.calendarToken);
    const row = getDb().select().from(registrations).where(eq(registrations.id, reg.id)).get();
    // Only the hash is stored; the address is derived again from the seed to be shown.
    expect(row?.calendarTokenHash).toBe(tokenHash(second.calendarToken));
    expect(JSON.stringify(row)).not.toContain(second.calendarToken);
    expect(currentCalendarToken(row!)).toBe(second.calendarToken);
    const audit = getDb().select().from(auditLog).where(eq(auditLog.entityId, reg.id)).all();
    expect(audit.map((a) => a.action)).toEqual(["register", "create-calendar-feed", "replace-calendar-feed"]);
    expect(JSON.stringify(audit)).not.toContain(second.calendarToken);
  });

  it("is refused to a cancelled registration", () => {
    const reg = person();
    cancel(reg.id, "test");
    expect(rotateCalendarToken(reg.id, "test")).toEqual({ ok: false });
  });
});

describe("erase", () => {
  it("deletes the person's stars and their calendar feed, and no one else's", () => {
    const reg = person();
    const other = person();
    addStars(reg.id, ["opening-ceremony", "lunch-day-1"]);
    addStars(other.id, ["opening-ceremony"]);
    rotateCalendarToken(reg.id, "test");
    expect(erase(reg.id, "test").ok).toBe(true);
    expect(getDb().select().from(stars).where(eq(stars.registrationId, reg.id)).all()).toEqual([]);
    expect(getDb().select().from(registrations).where(eq(registrations.id, reg.id)).get()?.calendarTokenHash).toBeNull();
    expect(listStars(other.id)).toEqual(["opening-ceremony"]);
  });
});
