// Two editions in one database: a person, a seat, a place in a queue, a check-in or a count of one
// edition never shows up in the other's.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeDb, getDb } from "../client";
import { applyMigrations } from "../migrate";
import { personDetails, registrationInput } from "../test-support";
import { auditLog, checkIns, events, invitations, outbox, registrationAttempts, registrations, sessionBookings, sessions, stars, users } from "../schema";
import { event } from "../seed/article";
import { parseAttendeeFilters } from "../../lib/attendees/filters";
import { addAttendee, exportAttendees, findAttendee, listAttendees, promoteOutOfOrder, updateAttendee } from "./attendees";
import { listAudit, auditEntities, recordAudit } from "./audit";
import { checkIn, dayCounts, searchByName, undoCheckIn } from "./checkin";
import { book, listBookableSessions } from "./bookings";
import { dashboard } from "./dashboard";
import { addStars, listStars, starrableSlugs } from "./stars";
import { createInvitation, listInvitations, revokeInvitation } from "./invitations";
import {
  availability,
  cancel,
  expireDueHolds,
  register,
  registerWhileOpen,
  registrationEdition,
  waitingPosition,
  type Admission,
} from "./registrations";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-edition-regs-"));
const DAY = "2024-07-11";
let A = 0;
let B = 0;
let staff = 0;

/** A registration for edition `id`, as the public insert makes it (B is not current: no form takes it). */
function registerIn(id: number, over: Record<string, unknown> = {}, admission: Omit<Admission, "edition"> = { admission: "immediate" }) {
  return register(registrationInput(over), { ...admission, edition: registrationEdition(id)! });
}

const row = (id: number) => getDb().select().from(registrations).where(eq(registrations.id, id)).get()!;

beforeAll(() => {
  process.env.DATABASE_PATH = path.join(dir, "forum.db");
  const db = getDb();
  applyMigrations(db);
  // One seat each, so that a full edition is one registration away.
  A = db.insert(events).values({ ...event, capacity: 1 }).returning().get().id;
  B = db
    .insert(events)
    .values({ ...event, slug: "caf2025", path: "2025", isCurrent: false, nameEn: "2025 Forum", startDate: "2025-07-10", endDate: "2025-07-12", capacity: 1 })
    .returning()
    .get().id;
  staff = db.insert(users).values({ email: "door@example.test", role: "staff", passwordHash: "x" }).returning().get().id;
});
beforeEach(() => {
  const db = getDb();
  db.delete(checkIns).where(eq(checkIns.id, checkIns.id)).run();
  db.delete(stars).where(eq(stars.sessionId, stars.sessionId)).run();
  db.delete(sessionBookings).where(eq(sessionBookings.id, sessionBookings.id)).run();
  db.delete(sessions).where(eq(sessions.id, sessions.id)).run();
  db.delete(outbox).where(eq(outbox.kind, outbox.kind)).run();
  db.delete(auditLog).where(eq(auditLog.id, auditLog.id)).run();
  db.delete(registrationAttempts).where(eq(registrationAttempts.id, registrationAttempts.id)).run();
  db.delete(registrations).where(eq(registrations.id, registrations.id)).run();
  db.delete(invitations).where(eq(invitations.id, invitations.id)).run();
});
afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("registration per edition", () => {
  it("takes an address registered for one edition as a new registration for the other, and a duplicate within one", () => {
    const first = registerIn(A, { email: "same@example.test" });
    const next = registerIn(B, { email: "Same@Example.test" });
    expect(first.kind).toBe("created");
    expect(next.kind).toBe("created");
    expect(next.registration.id).not.toBe(first.registration.id);
    expect(next.registration.eventId).toBe(B);
    expect(next.registration.code).not.toBe(first.registration.code);
    const again = registerIn(B, { email: "same@example.test" });
    expect(again).toMatchObject({ kind: "duplicate", registration: { id: next.registration.id } });
    expect(getDb().select().from(registrations).all()).toHaveLength(2);
  });

  it("counts seats per edition: a full edition does not make the other's registrations wait", () => {
    expect(registerIn(A).registration.status).toBe("confirmed");
    expect(registerIn(A).registration.status).toBe("waiting");
    const other = registerIn(B);
    expect(other.registration.status).toBe("confirmed");
    expect(availability(A)).toEqual({ capacity: 1, confirmed: 1, held: 0, waiting: 1, full: true });
    expect(availability(B)).toEqual({ capacity: 1, confirmed: 1, held: 0, waiting: 0, full: true });
  });

  it("keeps each waiting list in its edition: positions, and the promotion a cancellation makes", () => {
    const a1 = registerIn(A).registration;
    const a2 = registerIn(A).registration;
    registerIn(B);
    const b2 = registerIn(B).registration;
    // a2 waits before b2 by id, but in another queue.
    expect(waitingPosition(row(b2.id))).toBe(1);
    const cancelled = cancel(a1.id, "test");
    expect(cancelled.ok && cancelled.promoted.map((r) => r.id)).toEqual([a2.id]);
    expect(row(b2.id).status).toBe("waiting");
    expect(availability(B)).toMatchObject({ confirmed: 1, waiting: 1 });
  });

  it("gives a lapsed hold's seat to its own edition's waiting list", () => {
    const old = new Date(Date.now() - 2 * 60 * 60_000);
    registerIn(A);
    const aWaiting = registerIn(A).registration;
    const hold = registerIn(B, {}, { admission: "email", holdMinutes: 30, now: old }).registration;
    expect(hold).toMatchObject({ status: "pending", holdsSeat: true });
    // Made while the hold still counted: B's only seat was taken.
    const bWaiting = registerIn(B, {}, { admission: "immediate", now: old }).registration;
    expect(bWaiting.status).toBe("waiting");
    expect(expireDueHolds()).toBe(true);
    expect(row(hold.id).status).toBe("cancelled");
    expect(row(bWaiting.id).status).toBe("confirmed");
    expect(row(aWaiting.id).status).toBe("waiting");
  });

  it("registers the public for the current edition only: another edition is closed and nothing is saved", () => {
    const closed = registerWhileOpen(registrationInput(), { addressKey: "k", editionId: B });
    expect(closed).toMatchObject({ kind: "closed", state: "notCurrent" });
    expect(registerWhileOpen(registrationInput(), { addressKey: "k", editionId: 999_999 })).toMatchObject({ kind: "closed", state: "notCurrent" });
    expect(getDb().select().from(registrations).all()).toHaveLength(0);
    expect(getDb().select().from(registrationAttempts).all()).toHaveLength(0);
    const open = registerWhileOpen(registrationInput(), { addressKey: "k", editionId: A });
    expect(open.kind === "created" && open.registration.eventId).toBe(A);
  });

  it("admits with an invitation code to its own edition only", () => {
    const codeOfB = createInvitation({ label: "B guests", maxUses: 5 }, null, "test", B);
    expect(registerWhileOpen(registrationInput(), { addressKey: "k", invitationCode: codeOfB.code })).toEqual({ kind: "invitationUnknown" });
    const codeOfA = createInvitation({ label: "A guests", maxUses: 5 }, null, "test", A);
    expect(registerWhileOpen(registrationInput(), { addressKey: "k", invitationCode: codeOfA.code }).kind).toBe("created");
    expect(listInvitations(A).map((i) => i.code)).toEqual([codeOfA.code]);
    expect(revokeInvitation(codeOfB.id, "test", A)).toBe(false);
    expect(getDb().select().from(invitations).where(eq(invitations.id, codeOfB.id)).get()?.revokedAt).toBeNull();
  });

  it("adds a walk-in to the console's edition, against that edition's seats and addresses", () => {
    registerIn(A, { email: "walk@example.test" });
    const added = addAttendee({ ...personDetails({ email: "walk@example.test" }), altName: null, locale: "en" }, { override: false, userId: staff, eventId: B }, "user:1");
    expect(added.ok && added.registration).toMatchObject({ eventId: B, status: "confirmed" });
    // B's one seat is now taken; A's as well, but that is not what refuses this one.
    expect(addAttendee({ ...personDetails(), altName: null, locale: "en" }, { override: false, userId: staff, eventId: B }, "user:1")).toEqual({
      ok: false,
      reason: "full",
      capacity: 1,
      confirmed: 1,
    });
  });
});

describe("the console of one edition", () => {
  function twoEditions() {
    const a = registerIn(A, { fullName: "Alice Edition", days: [DAY] }).registration;
    // B's person chose a day with the same date string, so only the edition tells them apart.
    const b = registerIn(B, { fullName: "Alice Other", days: [DAY] }).registration;
    return { a, b };
  }

  it("lists, finds, exports and counts only the edition's people", () => {
    const { a, b } = twoEditions();
    const listed = listAttendees(parseAttendeeFilters({}), A);
    expect(listed.rows.map((r) => r.code)).toEqual([a.code]);
    expect(listed.total).toBe(1);
    expect(listAttendees(parseAttendeeFilters({ q: "alice" }), A).rows.map((r) => r.code)).toEqual([a.code]);
    expect(exportAttendees(parseAttendeeFilters({}), { format: "csv", actor: "user:1" }, B).map((r) => r.code)).toEqual([b.code]);
    expect(findAttendee(a.code, A)?.registration.id).toBe(a.id);
    expect(findAttendee(b.code, A)).toBeNull();
    const d = dashboard(getDb().select().from(events).where(eq(events.id, A)).get()!);
    expect(d).toMatchObject({ capacity: 1, confirmed: 1, waiting: 0 });
    expect(d.perDay.at(-1)?.total).toBe(1);
    expect(d.categories.reduce((n, c) => n + c.count, 0)).toBe(1);
  });

  it("searches and counts the door of the edition only, and refuses a code of another edition", () => {
    const { a, b } = twoEditions();
    expect(searchByName("alice", DAY, A).map((m) => m.code)).toEqual([a.code]);
    const refused = checkIn({ code: b.code, day: DAY, method: "code", userId: staff, eventId: A });
    expect(refused).toEqual({ outcome: "unknown" });
    expect(getDb().select().from(checkIns).all()).toHaveLength(0);
    expect(checkIn({ code: a.code, day: DAY, method: "code", userId: staff, eventId: A }).outcome).toBe("checkedIn");
    const bIn = checkIn({ code: b.code, day: DAY, method: "code", userId: staff, eventId: B });
    expect(bIn.outcome).toBe("checkedIn");
    expect(dayCounts(DAY, A)).toEqual({ checkedIn: 1, expected: 1 });
    // A check-in of B cannot be taken back through A's door.
    expect(undoCheckIn(bIn.checkIn!.id, "user:1", A)).toBe("gone");
    expect(getDb().select().from(checkIns).all()).toHaveLength(2);
    expect(undoCheckIn(bIn.checkIn!.id, "user:1", B)).toBe("undone");
  });

  it("answers a crafted change of another edition's registration with not-found, and changes nothing", () => {
    const { b } = twoEditions();
    const waiting = registerIn(B).registration;
    const before = row(b.id);
    expect(cancel(b.id, "user:1", A)).toEqual({ ok: false, reason: "notFound" });
    expect(updateAttendee(b.id, { ...personDetails(), altName: null, locale: "en" }, "user:1", A)).toEqual({ ok: false, reason: "notFound" });
    expect(promoteOutOfOrder(waiting.id, { reason: "x", override: true }, "user:1", A)).toEqual({ ok: false, reason: "notFound" });
    expect(row(b.id)).toEqual(before);
    expect(row(waiting.id).status).toBe("waiting");
  });

  it("shows the audit rows of the edition and of no edition, not the other edition's", () => {
    const { a, b } = twoEditions();
    recordAudit(getDb(), { actor: "user:1", action: "create", entity: "user", entityId: staff });
    const rows = listAudit({ eventId: A }).rows;
    expect(rows.some((r) => r.entity === "registration" && r.entityId === a.id)).toBe(true);
    expect(rows.some((r) => r.entity === "user")).toBe(true);
    expect(rows.some((r) => r.entityId === b.id && r.entity === "registration")).toBe(false);
    expect(listAudit({}).rows.some((r) => r.entityId === b.id && r.entity === "registration")).toBe(true);
    expect(auditEntities(A)).toEqual(["registration", "user"]);
  });
});

describe("a registration's own edition", () => {
  /** A published, seat-limited session with the same slug in each edition. */
  function sameSlugInBoth() {
    const at = (day: string) => ({ startsAt: new Date(`${day}T02:00:00Z`), endsAt: new Date(`${day}T03:00:00Z`) });
    const common = { slug: "opening", type: "keynote" as const, status: "published" as const, seatLimit: 10 };
    const inA = getDb().insert(sessions).values({ ...common, ...at(DAY), eventId: A, titleEn: "Opening A", titleZh: "开幕A" }).returning().get();
    const inB = getDb().insert(sessions).values({ ...common, ...at("2025-07-10"), eventId: B, titleEn: "Opening B", titleZh: "开幕B" }).returning().get();
    return { inA, inB };
  }

  it("stars the session of the registration's edition when a slug is in both", () => {
    const { inA } = sameSlugInBoth();
    const reg = registerIn(A).registration;
    expect(addStars(reg.id, ["opening"])).toEqual({ ok: true, stars: ["opening"] });
    expect(getDb().select({ sessionId: stars.sessionId }).from(stars).all()).toEqual([{ sessionId: inA.id }]);
    expect(listStars(reg.id)).toEqual(["opening"]);
    expect(starrableSlugs(A)).toEqual(["opening"]);
  });

  it("books only sessions of the registration's edition", () => {
    const { inA, inB } = sameSlugInBoth();
    const reg = registerIn(B, { days: ["2025-07-10"] }).registration;
    expect(listBookableSessions(B).map((s) => s.id)).toEqual([inB.id]);
    expect(book(reg, inA.id)).toEqual({ ok: false, reason: "notFound" });
    expect(book(reg, inB.id)).toMatchObject({ ok: true, status: "booked" });
  });

  it("names the registration's edition in its emails, not the current one", () => {
    const reg = registerIn(B).registration;
    const email = getDb().select().from(outbox).where(eq(outbox.registrationId, reg.id)).get()!;
    expect(email.subject).toContain("2025 Forum");
    expect(email.subject).not.toContain(event.nameEn);
    const current = registerIn(A).registration;
    expect(getDb().select().from(outbox).where(eq(outbox.registrationId, current.id)).get()!.subject).toContain(event.nameEn);
  });
});
