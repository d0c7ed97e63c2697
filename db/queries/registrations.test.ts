import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeDb, getDb } from "../client";
import { applyMigrations } from "../migrate";
import { registrationInput } from "../test-support";
import { auditLog, events, outbox, registrations } from "../schema";
import { event } from "../seed/article";
import { tokenHash } from "../../lib/registration/secret-links";
import {
  availability,
  cancel,
  erase,
  findRegistrationByManageToken,
  manageTokenOf,
  register,
  replaceManageLink,
  updateDetails,
  waitingPosition,
} from "./registrations";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-reg-"));
const input = (over: Partial<Parameters<typeof register>[0]> = {}) => registrationInput(over);

beforeAll(() => {
  process.env.DATABASE_PATH = path.join(dir, "forum.db");
  process.env.FORUM_CAPACITY = "2";
  applyMigrations(getDb());
  // The emails name the forum, which the event row states.
  getDb().insert(events).values(event).run();
});
beforeEach(() => {
  const db = getDb();
  db.delete(outbox).where(eq(outbox.kind, outbox.kind)).run();
  db.delete(auditLog).where(eq(auditLog.id, auditLog.id)).run();
  db.delete(registrations).where(eq(registrations.id, registrations.id)).run();
});
afterAll(() => {
  closeDb();
  delete process.env.FORUM_CAPACITY;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("register", () => {
  it("confirms up to capacity, then queues in order, with one email and one audit row each", () => {
    const results = [1, 2, 3, 4].map(() => register(input()));
    expect(results.map((r) => r.registration.status)).toEqual(["confirmed", "confirmed", "waiting", "waiting"]);
    expect(results.map((r) => r.position)).toEqual([null, null, 1, 2]);
    expect(availability()).toEqual({ capacity: 2, confirmed: 2, held: 0, waiting: 2, full: true });
    const emails = getDb().select().from(outbox).all();
    expect(emails.map((e) => e.kind)).toEqual(["confirmation", "confirmation", "waiting", "waiting"]);
    const audit = getDb().select().from(auditLog).all();
    expect(audit[0]?.after).toEqual({ status: "confirmed" });
    expect(audit[0]?.before).toBeNull();
  });

  it("treats the same address as a duplicate, re-sending the link at most once in ten minutes", () => {
    const first = register(input({ email: "Same@Example.test" }));
    const again = register(input({ email: "  same@example.TEST " }));
    const third = register(input({ email: "same@example.test" }));
    expect(again.kind).toBe("duplicate");
    expect(third.kind).toBe("duplicate");
    expect(again.registration.id).toBe(first.registration.id);
    expect(getDb().select().from(registrations).all()).toHaveLength(1);
    expect(getDb().select().from(outbox).where(eq(outbox.kind, "manage-link")).all()).toHaveLength(1);
  });

  it("lets someone who cancelled register again", () => {
    const first = register(input({ email: "back@example.test" }));
    cancel(first.registration.id, "test");
    expect(register(input({ email: "back@example.test" })).kind).toBe("created");
  });
});

describe("cancel and erase", () => {
  it("promotes the first in line when a confirmed attendee cancels, and nobody when a waiting one does", () => {
    const [a, , c, d] = [1, 2, 3, 4].map(() => register(input()).registration);
    expect(cancel(d!.id, "test")).toMatchObject({ ok: true, promoted: [] });
    const result = cancel(a!.id, "test");
    expect(result.ok && result.promoted.map((r) => r.id)).toEqual([c!.id]);
    expect(cancel(a!.id, "test")).toEqual({ ok: false, reason: "alreadyCancelled" });
  });

  it("erases personal data, frees the seat and keeps an audit row without the data", () => {
    const [a, , c] = [1, 2, 3].map(() => register(input({ fullName: "Secret Name" })).registration);
    const { consent: _consent, locale: _locale, ...details } = input({ fullName: "Secret Name", organisation: "Secret Org" });
    expect(updateDetails(a!.id, { ...details, email: a!.email }, "test").ok).toBe(true);
    expect(erase(a!.id, "test").promoted.map((r) => r.id)).toEqual([c!.id]);
    const row = getDb().select().from(registrations).where(eq(registrations.id, a!.id)).get();
    expect(row).toMatchObject({ fullName: "", email: "", emailKey: null, status: "cancelled" });
    expect(row?.erasedAt).toBeInstanceOf(Date);
    const emails = getDb().select().from(outbox).where(eq(outbox.registrationId, a!.id)).all();
    expect(emails.every((e) => e.to === "" && e.text === "")).toBe(true);
    const trail = getDb().select().from(auditLog).where(eq(auditLog.entityId, a!.id)).all();
    expect(trail.map((t) => t.action)).toContain("erase");
    expect(trail.map((t) => t.action)).toContain("update");
    expect(JSON.stringify(trail)).not.toMatch(/Secret|@example/);
    const promoted = getDb().select().from(registrations).where(eq(registrations.id, c!.id)).get()!;
    expect(waitingPosition(promoted)).toBeNull();
  });
});

describe("private manage link", () => {
  const created = (over: Partial<Parameters<typeof register>[0]> = {}) => {
    const result = register(input(over));
    if (result.kind !== "created") throw new Error("expected a new registration");
    return result;
  };
  const row = (id: number) => getDb().select().from(registrations).where(eq(registrations.id, id)).get()!;

  it("stores only the token's SHA-256, yet finds the registration by the token and emails a working link", () => {
    const { registration, manageToken } = created();
    expect(manageToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const stored = row(registration.id);
    expect(stored.manageTokenHash).toBe(tokenHash(manageToken));
    // Nothing in the row (nor a dump of it) is the token.
    expect(JSON.stringify(stored)).not.toContain(manageToken);
    expect(findRegistrationByManageToken(manageToken)?.id).toBe(registration.id);
    expect(findRegistrationByManageToken(stored.manageTokenHash)).toBeUndefined();
    const email = getDb().select().from(outbox).where(eq(outbox.registrationId, registration.id)).get()!;
    expect(email.text).toContain(`/ticket/${manageToken}`);
  });

  it("puts the same working link in a later email, such as a promotion from the waiting list", () => {
    const first = created();
    created();
    const waiting = created();
    expect(waiting.registration.status).toBe("waiting");
    cancel(first.registration.id, "test");
    const promotion = getDb()
      .select()
      .from(outbox)
      .where(eq(outbox.registrationId, waiting.registration.id))
      .all()
      .find((e) => e.kind === "promotion")!;
    expect(promotion.text).toContain(`/ticket/${waiting.manageToken}`);
    expect(findRegistrationByManageToken(waiting.manageToken)?.status).toBe("confirmed");
  });

  it("replaces the link: the old one finds nothing, the new one is emailed to the address on file, the audit row holds no token", () => {
    const { registration, manageToken } = created({ email: "replace@example.test" });
    const result = replaceManageLink(registration.id, `attendee:${registration.code}`);
    if (!result.ok) throw new Error("expected a new link");
    expect(result.token).not.toBe(manageToken);
    expect(findRegistrationByManageToken(manageToken)).toBeUndefined();
    expect(findRegistrationByManageToken(result.token)?.id).toBe(registration.id);
    const email = getDb()
      .select()
      .from(outbox)
      .where(eq(outbox.kind, "link-replaced"))
      .all()
      .find((e) => e.registrationId === registration.id)!;
    expect(email.to).toBe("replace@example.test");
    expect(email.text).toContain(`/ticket/${result.token}`);
    expect(email.text).not.toContain(manageToken);
    const trail = getDb().select().from(auditLog).where(eq(auditLog.entityId, registration.id)).all();
    expect(trail.map((t) => t.action)).toContain("replace-manage-link");
    expect(JSON.stringify(trail)).not.toContain(result.token);
  });

  it("gives a link made before hashing a new one when an email needs it, since its token cannot be derived", () => {
    const { registration } = created();
    const legacy = "L".repeat(32);
    getDb()
      .update(registrations)
      .set({ manageTokenHash: tokenHash(legacy), manageTokenSeed: null })
      .where(eq(registrations.id, registration.id))
      .run();
    expect(findRegistrationByManageToken(legacy)?.id).toBe(registration.id);
    const token = manageTokenOf(getDb(), row(registration.id));
    expect(token).not.toBe(legacy);
    expect(findRegistrationByManageToken(token)?.id).toBe(registration.id);
    expect(findRegistrationByManageToken(legacy)).toBeUndefined();
    // Derived again, not replaced again.
    expect(manageTokenOf(getDb(), row(registration.id))).toBe(token);
  });

  it("stops working on erasure, and the erasure clears the name in the other script too", () => {
    const { registration, manageToken } = created();
    getDb().update(registrations).set({ altName: "王小明" }).where(eq(registrations.id, registration.id)).run();
    expect(erase(registration.id, "test").ok).toBe(true);
    expect(findRegistrationByManageToken(manageToken)).toBeUndefined();
    expect(row(registration.id)).toMatchObject({ altName: null, manageTokenSeed: null, calendarTokenHash: null });
    expect(replaceManageLink(registration.id, "test")).toEqual({ ok: false });
  });
});
