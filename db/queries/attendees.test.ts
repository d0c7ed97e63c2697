import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeDb, getDb } from "../client";
import { applyMigrations } from "../migrate";
import { personDetails, registrationInput } from "../test-support";
import { auditLog, checkIns, events, outbox, registrations } from "../schema";
import { addAttendee, exportAttendees, listAttendees, promoteOutOfOrder } from "./attendees";
import { updateEventSettings } from "./event-settings";
import { availability, erase, register, registerWhileOpen } from "./registrations";
import { parseAttendeeFilters } from "../../lib/attendees/filters";

/** The one edition of these tests. */
let E = 0;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-attendees-"));
const details = personDetails;
const input = registrationInput;
const hand = (over: Record<string, unknown> = {}) => ({ ...details(over), altName: null, locale: "en" as const });
const settings = (over: Partial<Parameters<typeof updateEventSettings>[0]> = {}) => ({
  capacity: null,
  registrationOpensAt: null,
  registrationClosesAt: null,
  startDate: "2024-07-11",
  endDate: "2024-07-13",
  ...over,
});

beforeAll(() => {
  process.env.DATABASE_PATH = path.join(dir, "forum.db");
  process.env.FORUM_CAPACITY = "2";
  const db = getDb();
  applyMigrations(db);
  db.insert(events)
    .values({ slug: "forum", path: "forum", isCurrent: true, nameEn: "Forum", nameZh: "论坛", venueEn: "V", venueZh: "V", timeZone: "Asia/Shanghai", startDate: "2024-07-11", endDate: "2024-07-13" })
    .run();
  E = db.select().from(events).get()!.id;
});
beforeEach(() => {
  const db = getDb();
  db.delete(checkIns).where(eq(checkIns.id, checkIns.id)).run();
  db.delete(outbox).where(eq(outbox.kind, outbox.kind)).run();
  db.delete(auditLog).where(eq(auditLog.id, auditLog.id)).run();
  db.delete(registrations).where(eq(registrations.id, registrations.id)).run();
  updateEventSettings(settings(), "test");
});
afterAll(() => {
  closeDb();
  delete process.env.FORUM_CAPACITY;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("addAttendee", () => {
  it("confirms while a seat is free, refuses a full forum with the numbers, and confirms with the override", () => {
    expect(addAttendee(hand(), { override: false, userId: 1, eventId: E }, "user:1").ok).toBe(true);
    register(input());
    expect(addAttendee(hand(), { override: false, userId: 1, eventId: E }, "user:1")).toEqual({ ok: false, reason: "full", capacity: 2, confirmed: 2 });
    const forced = addAttendee(hand({ fullName: "Guest" }), { override: true, userId: 1, eventId: E }, "user:1");
    expect(forced.ok && forced.registration).toMatchObject({ status: "confirmed", capacityOverride: true, addedBy: 1 });
    const trail = getDb().select().from(auditLog).where(eq(auditLog.action, "add")).all();
    expect(JSON.stringify(trail.at(-1)?.after)).toContain("given to the organizer");
  });

  it("refuses an address already registered", () => {
    register(input({ email: "taken@example.test" }));
    expect(addAttendee(hand({ email: "Taken@example.test" }), { override: true, userId: 1, eventId: E }, "user:1")).toEqual({ ok: false, reason: "emailTaken" });
  });

  it("adds someone whose unconfirmed online registration has lapsed, as the public form would", () => {
    const lapsed = register(input({ email: "lapsed@example.test" }), {
      admission: "email",
      holdMinutes: 30,
      now: new Date(Date.now() - 2 * 60 * 60_000),
    }).registration;
    const added = addAttendee(hand({ email: "lapsed@example.test" }), { override: false, userId: 1, eventId: E }, "user:1");
    expect(added.ok && added.registration).toMatchObject({ status: "confirmed", email: "lapsed@example.test", addedBy: 1 });
    const old = getDb().select().from(registrations).where(eq(registrations.id, lapsed.id)).get();
    expect(old).toMatchObject({ status: "cancelled", emailKey: null });
  });

  it("uses the same insert as self-registration: one confirmation email and a waiting list without gaps", () => {
    register(input());
    expect(addAttendee(hand(), { override: false, userId: 1, eventId: E }, "user:1").ok).toBe(true);
    const waiting = register(input());
    expect(waiting).toMatchObject({ kind: "created", position: 1, registration: { status: "waiting" } });
    const kinds = getDb().select({ kind: outbox.kind }).from(outbox).all().map((row) => row.kind);
    expect(kinds.sort()).toEqual(["confirmation", "confirmation", "waiting"]);
  });
});

describe("promoteOutOfOrder", () => {
  it("needs a free seat or the override, and leaves the rest of the queue in order", () => {
    const [, , first, second] = [1, 2, 3, 4].map(() => register(input()).registration);
    expect(promoteOutOfOrder(second!.id, { reason: "guest", override: false }, "user:1", E)).toMatchObject({ ok: false, reason: "full", confirmed: 2, capacity: 2 });
    const done = promoteOutOfOrder(second!.id, { reason: "guest", override: true }, "user:1", E);
    expect(done.ok && done.registration.status).toBe("confirmed");
    expect(promoteOutOfOrder(second!.id, { reason: "again", override: true }, "user:1", E)).toEqual({ ok: false, reason: "notWaiting" });
    expect(getDb().select().from(registrations).where(eq(registrations.id, first!.id)).get()?.status).toBe("waiting");
  });
});

describe("updateEventSettings", () => {
  it("refuses a capacity below the confirmed count, with the numbers", () => {
    [1, 2].forEach(() => register(input()));
    expect(updateEventSettings(settings({ capacity: 1 }), "user:1")).toEqual({ ok: false, reason: "belowConfirmed", capacity: 1, confirmed: 2 });
  });

  it("gives new seats to the waiting list in order, at once", () => {
    const regs = [1, 2, 3, 4, 5].map(() => register(input()).registration);
    const result = updateEventSettings(settings({ capacity: 4 }), "user:1");
    expect(result.ok && result.promoted.map((r) => r.id)).toEqual([regs[2]!.id, regs[3]!.id]);
    expect(availability()).toMatchObject({ capacity: 4, confirmed: 4, waiting: 1 });
  });

  it("refuses dates that would drop a day someone registered for", () => {
    register(input({ days: ["2024-07-13"] }));
    expect(updateEventSettings(settings({ endDate: "2024-07-12" }), "user:1")).toEqual({ ok: false, reason: "daysInUse", registrations: 1 });
  });

  it("closes registration outside the window", () => {
    updateEventSettings(settings({ registrationClosesAt: new Date(Date.now() - 1000) }), "user:1");
    expect(registerWhileOpen(input(), { addressKey: "test" })).toMatchObject({ kind: "closed", state: "closed" });
    updateEventSettings(settings({ registrationOpensAt: new Date(Date.now() + 60_000) }), "user:1");
    expect(registerWhileOpen(input(), { addressKey: "test" })).toMatchObject({ kind: "closed", state: "notYetOpen" });
    updateEventSettings(settings(), "user:1");
    expect(registerWhileOpen(input(), { addressKey: "test" }).kind).toBe("created");
  });
});

describe("listAttendees", () => {
  it("filters by search, status, category, day and check-in, and sorts", () => {
    const a = register(input({ fullName: "Zhang Wei", category: "media", days: ["2024-07-12"] })).registration;
    register(input({ fullName: "An Li", organisation: "50% Motors" }));
    const c = register(input({ fullName: "王芳" })).registration;
    getDb().insert(checkIns).values({ registrationId: a.id, day: "2024-07-12", method: "code" }).run();
    const names = (q: Record<string, string>) => listAttendees(parseAttendeeFilters(q), E).rows.map((r) => r.fullName);
    expect(names({})).toEqual(["王芳", "An Li", "Zhang Wei"]);
    expect(names({ sort: "name" })).toEqual(["An Li", "Zhang Wei", "王芳"]);
    expect(names({ q: "zhang" })).toEqual(["Zhang Wei"]);
    expect(names({ q: "50%" })).toEqual(["An Li"]);
    expect(names({ q: "5%M" })).toEqual([]);
    expect(names({ q: c.code.toLowerCase() })).toEqual(["王芳"]);
    expect(names({ status: "waiting" })).toEqual(["王芳"]);
    expect(names({ status: "checked-in" })).toEqual(["Zhang Wei"]);
    expect(names({ status: "checked-in", day: "2024-07-11" })).toEqual([]);
    expect(names({ category: "media" })).toEqual(["Zhang Wei"]);
    expect(names({ day: "2024-07-11" })).toEqual(["王芳", "An Li"]);
    const exported = exportAttendees(parseAttendeeFilters({ q: "zhang" }), { format: "csv", actor: "user:1" }, E);
    expect(exported.map((r) => [r.fullName, r.checkedInDays]), JSON.stringify(getDb().select().from(checkIns).all())).toEqual([["Zhang Wei", ["2024-07-12"]]]);
  });

  it("leaves an erased person out of the list, its search, the exports and the badges", () => {
    const kept = register(input({ fullName: "Kept Person" })).registration;
    const gone = register(input({ fullName: "Gone Person" })).registration;
    getDb().update(registrations).set({ altName: "高歌" }).where(eq(registrations.id, gone.id)).run();
    expect(erase(gone.id, "test").ok).toBe(true);
    const codes = (q: Record<string, string>) => listAttendees(parseAttendeeFilters(q), E).rows.map((r) => r.code);
    expect(codes({})).toEqual([kept.code]);
    expect(listAttendees(parseAttendeeFilters({}), E).total).toBe(1);
    // Its code was the one thing left to find it by; cancelled is what its status says.
    expect(codes({ q: gone.code })).toEqual([]);
    expect(codes({ status: "cancelled" })).toEqual([]);
    expect(codes({ q: "高歌" })).toEqual([]);
    const all = exportAttendees(parseAttendeeFilters({}), { format: "xlsx", actor: "user:1" }, E);
    expect(all.map((r) => r.code)).toEqual([kept.code]);
  });

  it("writes one audit row per bulk export, with its filters and row count but not the rows", () => {
    register(input({ fullName: "Zhang Wei", category: "media" }));
    register(input({ fullName: "Zhang Min", category: "media" }));
    register(input({ fullName: "Li Na", category: "industry" }));
    const filters = parseAttendeeFilters({ q: "zhang", category: "media", page: "3" });
    expect(exportAttendees(filters, { format: "csv", actor: "user:7" }, E)).toHaveLength(2);
    exportAttendees({ ...filters, q: "" }, { format: "badges", actor: "user:8", layout: "a4x4" }, E);
    const rows = getDb().select().from(auditLog).all().filter((row) => row.action.startsWith("export-"));
    expect(rows.map((row) => [row.actor, row.action, row.entity, row.entityId])).toEqual([
      ["user:7", "export-csv", "registration", null],
      ["user:8", "export-badges", "registration", null],
    ]);
    expect(rows[0]!.after).toEqual({ filters: { q: "zhang", category: "media", sort: "created", dir: "desc" }, rows: 2 });
    expect(rows[1]!.after).toMatchObject({ filters: { q: "", category: "media", layout: "a4x4" }, rows: 2 });
    expect(JSON.stringify(rows)).not.toMatch(/Zhang Wei|@example/);
  });

  // How fast: `npm run bench:checkin` times this page at 10,000 attendees (its p50 and p99); a unit
  // test on a shared machine can only say what it finds.
  it("finds every match of a search among 10,000 registrations, a page at a time", () => {
    updateEventSettings(settings({ capacity: 20_000 }), "test");
    // One statement for the 10,000 rows: row-by-row inserts would take most of the test's time.
    getDb().run(sql`
      with recursive n(i) as (select 0 union all select i + 1 from n where i < 9999)
      insert into registrations (event_id, code, manage_token_hash, status, full_name, email, email_key, organisation, job_title, category, days, privacy_consent_at)
      select (select id from events where is_current), printf('CAF-B%06d', i), printf('token-%06d-xxxxxxxxxxxxxxxxxxxxxxxx', i), case when i % 10 = 0 then 'waiting' else 'confirmed' end,
             printf('Bench Person %d', i), printf('bench-%d@example.test', i), printf('bench-%d@example.test', i),
             printf('Company %d', i % 97), 'Engineer', 'industry', '["2024-07-11"]', ${Date.now()}
      from n`);
    // "Person 17" is in Bench Person 17, 170-179 and 1700-1799.
    const first = listAttendees(parseAttendeeFilters({ q: "Person 17" }), E);
    expect(first.total).toBe(111);
    const pages = [first.rows];
    for (let page = 2; pages.flat().length < first.total && page < 20; page++) {
      pages.push(listAttendees(parseAttendeeFilters({ q: "Person 17", page: String(page) }), E).rows);
    }
    const names = pages.flat().map((row) => row.fullName);
    expect(first.rows.length).toBeLessThan(111);
    expect(new Set(names).size).toBe(111);
    expect(names.every((name) => /^Bench Person 17\d{0,2}$/.test(name))).toBe(true);
  });
});
