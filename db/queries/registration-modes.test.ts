import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../client";
import { registrationInput, withSeededDatabase } from "../test-support";
import { auditLog, events, outbox, registrationAttempts, registrations, type Registration } from "../schema";
import { getRegistrationModeSettings, updateRegistrationMode } from "./event-settings";
import { listAttendees } from "./attendees";
import { createInvitation, listInvitations, revokeInvitation } from "./invitations";
import {
  availability,
  confirmPending,
  decide,
  expireDueHolds,
  register,
  registerWhileOpen,
  seatsTaken,
  type SelfRegisterOptions,
} from "./registrations";
import type { RegistrationMode } from "../../lib/registration/mode";
import { parseAttendeeFilters } from "../../lib/attendees/filters";

withSeededDatabase("modes");

const MINUTE = 60_000;
const db = () => getDb();
const emailsTo = (reg: Registration) =>
  db().select().from(outbox).where(eq(outbox.registrationId, reg.id)).orderBy(asc(outbox.id)).all().map((e) => e.kind);
const row = (id: number) => db().select().from(registrations).where(eq(registrations.id, id)).get()!;
let address = 0;
const from = (over: Partial<SelfRegisterOptions> = {}): SelfRegisterOptions => ({ addressKey: `client-${++address}`, ...over });

function selfRegister(over: Record<string, unknown> = {}, options: Partial<SelfRegisterOptions> = {}) {
  const result = registerWhileOpen(registrationInput(over), from(options));
  if (result.kind !== "created" && result.kind !== "duplicate") throw new Error(`not registered: ${result.kind}`);
  return result;
}

function setMode(mode: RegistrationMode, holdMinutes = 30) {
  updateRegistrationMode({ mode, holdMinutes }, "user:1");
}

beforeAll(() => {
  process.env.FORUM_CAPACITY = "2";
});
afterAll(() => {
  delete process.env.FORUM_CAPACITY;
  delete process.env.REGISTRATIONS_PER_HOUR;
});
beforeEach(() => {
  db().delete(outbox).where(eq(outbox.kind, outbox.kind)).run();
  db().delete(registrations).where(eq(registrations.id, registrations.id)).run();
  db().delete(registrationAttempts).where(eq(registrationAttempts.id, registrationAttempts.id)).run();
  delete process.env.REGISTRATIONS_PER_HOUR;
  setMode("confirm");
});

describe("the registration mode", () => {
  it("is confirm on a fresh database, and the console's choice is kept with an audit row", () => {
    db().update(events).set({ registrationMode: null, holdMinutes: null }).where(eq(events.id, events.id)).run();
    expect(getRegistrationModeSettings()).toEqual({ mode: "confirm", modeChosen: false, holdMinutes: 30 });
    setMode("approval", 45);
    expect(getRegistrationModeSettings()).toEqual({ mode: "approval", modeChosen: true, holdMinutes: 45 });
    const audit = db().select().from(auditLog).where(eq(auditLog.action, "registration-mode")).all().at(-1);
    expect(audit?.after).toEqual({ mode: "approval", holdMinutes: 45 });
  });
});

describe("confirm mode", () => {
  it("holds a seat until the link is opened, then confirms it", () => {
    const { registration } = selfRegister();
    expect(registration).toMatchObject({ status: "pending", pendingFor: "email", holdsSeat: true });
    expect(registration.pendingUntil!.getTime() - registration.createdAt.getTime()).toBeGreaterThan(29 * MINUTE);
    expect(emailsTo(registration)).toEqual(["confirm-request"]);
    expect(availability()).toMatchObject({ confirmed: 0, held: 1, full: false });

    const confirmed = confirmPending(registration.id, `attendee:${registration.code}`);
    expect(confirmed.ok && confirmed.registration.status).toBe("confirmed");
    expect(emailsTo(registration)).toEqual(["confirm-request", "confirmation"]);
    expect(availability()).toMatchObject({ confirmed: 1, held: 0 });
    expect(confirmPending(registration.id, "x")).toEqual({ ok: false, reason: "notPending" });
  });

  it("lets holds expire at their time, which releases the seat and promotes the waiting list", () => {
    setMode("confirm", 10);
    const t0 = new Date();
    const held = selfRegister().registration;
    const other = selfRegister().registration;
    expect(seatsTaken()).toBe(2);
    // A full forum: an open-mode registration now joins the waiting list.
    const waiting = register(registrationInput()).registration;
    expect(waiting.status).toBe("waiting");
    confirmPending(other.id, "x");

    expect(expireDueHolds(new Date(t0.getTime() + 9 * MINUTE))).toBe(false);
    expect(row(held.id).status).toBe("pending");
    expect(expireDueHolds(new Date(t0.getTime() + 11 * MINUTE))).toBe(true);
    expect(row(held.id)).toMatchObject({ status: "cancelled", holdsSeat: false });
    expect(row(waiting.id).status).toBe("confirmed");
    expect(emailsTo(waiting)).toEqual(["waiting", "promotion"]);
    const expired = db().select().from(auditLog).where(and(eq(auditLog.action, "expire"), eq(auditLog.entityId, held.id))).get();
    expect(expired?.actor).toBe("system");
    // Too late: the link now says so, and the person may register again.
    expect(confirmPending(held.id, "x", new Date(t0.getTime() + 12 * MINUTE))).toEqual({ ok: false, reason: "expired" });
    expect(selfRegister({ email: held.email }).kind).toBe("created");
  });

  it("never counts an expired hold, even before the timer runs: the next registration expires it first", () => {
    const t0 = new Date();
    selfRegister({}, { now: t0 });
    selfRegister({}, { now: t0 });
    const later = new Date(t0.getTime() + 31 * MINUTE);
    const next = selfRegister({}, { now: later }).registration;
    expect(next).toMatchObject({ status: "pending", holdsSeat: true });
    expect(db().select().from(registrations).where(eq(registrations.status, "cancelled")).all()).toHaveLength(2);
  });

  it("makes a registration at a full forum wait for its link without a seat, then join the waiting list", () => {
    selfRegister();
    selfRegister();
    const late = selfRegister().registration;
    expect(late).toMatchObject({ status: "pending", holdsSeat: false });
    const done = confirmPending(late.id, "x");
    expect(done.ok && done.registration.status).toBe("waiting");
    expect(done.ok && done.position).toBe(1);
  });

  it("answers a registered address by sending its link again to that address, and saves nothing", () => {
    setMode("open");
    const first = selfRegister({ email: "Known@Example.test" }).registration;
    setMode("confirm");
    const again = selfRegister({ email: "known@example.test", fullName: "Someone Else" });
    expect(again.kind).toBe("duplicate");
    expect(db().select().from(registrations).all()).toHaveLength(1);
    const emails = db().select().from(outbox).where(eq(outbox.registrationId, first.id)).orderBy(asc(outbox.id)).all();
    expect(emails.map((e) => [e.kind, e.to])).toEqual([
      ["confirmation", "Known@Example.test"],
      ["manage-link", "Known@Example.test"],
    ]);
    expect(emails[1]!.text).not.toContain("Someone Else");
    // An unconfirmed registration gets its confirmation link again, at most once in ten minutes.
    const pending = selfRegister().registration;
    selfRegister({ email: pending.email });
    expect(emailsTo(pending)).toEqual(["confirm-request"]);
  });
});

describe("approval mode", () => {
  it("waits for an organizer, without a seat, and emails the answer either way", () => {
    setMode("approval");
    const a = selfRegister().registration;
    const b = selfRegister().registration;
    expect(a).toMatchObject({ status: "pending", pendingFor: "approval", holdsSeat: false, pendingUntil: null });
    expect(emailsTo(a)).toEqual(["approval-request"]);
    expect(seatsTaken()).toBe(0);

    const approved = decide(a.id, "approve", "user:1");
    expect(approved.ok && approved.registration.status).toBe("confirmed");
    expect(emailsTo(a)).toEqual(["approval-request", "approved"]);
    const declined = decide(b.id, "decline", "user:1");
    expect(declined.ok && declined.registration.status).toBe("cancelled");
    expect(emailsTo(b)).toEqual(["approval-request", "declined"]);
    expect(decide(b.id, "approve", "user:1")).toEqual({ ok: false, reason: "notAwaitingApproval" });
    const c = selfRegister().registration;
    const pendingList = listAttendees(parseAttendeeFilters({ status: "pending" }), db().select().from(events).where(eq(events.isCurrent, true)).get()!.id);
    expect(pendingList.rows.map((r) => r.code)).toEqual([c.code]);
    const actions = db().select().from(auditLog).where(eq(auditLog.actor, "user:1")).all().map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["approve", "decline"]));
  });

  it("puts an approved person on the waiting list when the forum is full", () => {
    register(registrationInput());
    register(registrationInput());
    setMode("approval");
    const a = selfRegister().registration;
    const result = decide(a.id, "approve", "user:1");
    expect(result.ok && result.registration.status).toBe("waiting");
    expect(emailsTo(a)).toEqual(["approval-request", "waiting"]);
  });
});

describe("invitation codes", () => {
  it("let exactly N people register; the next is refused and nothing is saved", () => {
    const code = createInvitation({ label: "Delegation", maxUses: 2 }, null, "user:1");
    expect(code.code).toMatch(/^INV-[2-9A-HJKMNP-Z]{8}$/);
    selfRegister({}, { invitationCode: code.code });
    selfRegister({}, { invitationCode: code.code.toLowerCase() });
    const before = db().select().from(registrations).all().length;
    expect(registerWhileOpen(registrationInput(), from({ invitationCode: code.code }))).toEqual({ kind: "invitationUsedUp", maxUses: 2 });
    expect(db().select().from(registrations).all()).toHaveLength(before);
    expect(listInvitations().find((i) => i.id === code.id)?.used).toBe(2);
  });

  it("give a use back when a registration made with one lapses", () => {
    setMode("confirm", 5);
    const code = createInvitation({ label: "Sponsor", maxUses: 1 }, null, "user:1");
    const t0 = new Date();
    selfRegister({}, { invitationCode: code.code, now: t0 });
    const later = new Date(t0.getTime() + 6 * MINUTE);
    expect(registerWhileOpen(registrationInput(), from({ invitationCode: code.code, now: later })).kind).toBe("created");
  });

  it("stand for the organizer's approval: in approval mode the person only confirms their address", () => {
    setMode("approval");
    const code = createInvitation({ label: "Press", maxUses: 3 }, null, "user:1");
    const { registration } = selfRegister({}, { invitationCode: code.code });
    expect(registration).toMatchObject({ status: "pending", pendingFor: "email", invitationId: code.id });
    setMode("open");
    expect(selfRegister({}, { invitationCode: code.code }).registration.status).toBe("confirmed");
  });

  it("refuse a code that is unknown or revoked", () => {
    expect(registerWhileOpen(registrationInput(), from({ invitationCode: "INV-22222222" }))).toEqual({ kind: "invitationUnknown" });
    const code = createInvitation({ label: "Old", maxUses: 5 }, null, "user:1");
    expect(revokeInvitation(code.id, "user:1")).toBe(true);
    expect(registerWhileOpen(registrationInput(), from({ invitationCode: code.code }))).toEqual({ kind: "invitationUnknown" });
    expect(db().select().from(registrations).all()).toHaveLength(0);
  });
});

describe("the hourly limit per client address", () => {
  it("refuses the attempt past the limit, saves nothing, and counts per address for an hour", () => {
    process.env.REGISTRATIONS_PER_HOUR = "3";
    const t0 = new Date();
    const same = { addressKey: "one-client", now: t0 };
    for (let i = 0; i < 3; i++) expect(registerWhileOpen(registrationInput(), same).kind).toBe("created");
    const refused = registerWhileOpen(registrationInput(), { ...same, now: new Date(t0.getTime() + 10 * MINUTE) });
    expect(refused).toEqual({ kind: "limited", limit: 3, retryAfterSeconds: 50 * 60 });
    expect(db().select().from(registrations).all()).toHaveLength(3);
    // Duplicates count too: each sends an email.
    expect(registerWhileOpen(registrationInput(), { addressKey: "another-client", now: t0 }).kind).toBe("created");
    expect(registerWhileOpen(registrationInput(), { addressKey: "one-client", now: new Date(t0.getTime() + 61 * MINUTE) }).kind).toBe("created");
    // Nothing older than an hour is kept.
    const oldest = db().select().from(registrationAttempts).all().map((a) => a.createdAt.getTime());
    expect(Math.min(...oldest)).toBeGreaterThanOrEqual(t0.getTime());
  });

  it("does not apply to a registration with an invitation code", () => {
    process.env.REGISTRATIONS_PER_HOUR = "1";
    const code = createInvitation({ label: "Team", maxUses: 5 }, null, "user:1");
    const key = { addressKey: "office" };
    expect(registerWhileOpen(registrationInput(), key).kind).toBe("created");
    expect(registerWhileOpen(registrationInput(), key).kind).toBe("limited");
    for (let i = 0; i < 3; i++) expect(registerWhileOpen(registrationInput(), { ...key, invitationCode: code.code }).kind).toBe("created");
  });
});
