import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "../client";
import { applyMigrations } from "../migrate";
import { registrations, sessionBookings, sessions, stars } from "../schema";
import { seed } from "../seed";
import { agendaFeed, personalFeed, sessionFeed, speakerFeed } from "./feeds";
import { getEvent } from "./event";
import { tokenHash } from "../../lib/registration/secret-links";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-feeds-"));

beforeAll(() => {
  process.env.DATABASE_PATH = path.join(dir, "forum.db");
  process.env.SITE_URL = "https://forum.example/";
  const db = getDb();
  applyMigrations(db);
  seed(db);
});

afterAll(() => {
  closeDb();
  delete process.env.SITE_URL;
  fs.rmSync(dir, { recursive: true, force: true });
});

function events(body: string) {
  return new ICAL.Component(ICAL.parse(body)).getAllSubcomponents("vevent");
}

const prop = (e: ICAL.Component, name: string) => e.getFirstPropertyValue(name);
const slugOf = (e: ICAL.Component) => String(prop(e, "url")).split("/").at(-1);
const sessionId = (slug: string) =>
  getDb().select({ id: sessions.id }).from(sessions).where(eq(sessions.slug, slug)).get()!.id;

let people = 0;
function person(over: Partial<typeof registrations.$inferInsert> = {}) {
  people++;
  const calendarToken = `calendar-${people}-${"y".repeat(24)}`;
  const row = getDb()
    .insert(registrations)
    .values({
      eventId: getEvent().id,
      code: `CAF-TEST${String(people).padStart(4, "0")}`,
      manageTokenHash: tokenHash(`manage-${people}-${"x".repeat(24)}`),
      status: "confirmed",
      fullName: "Test Person",
      email: `p${people}@example.test`,
      emailKey: `p${people}@example.test`,
      organisation: "Org",
      jobTitle: "Engineer",
      category: "industry",
      days: ["2024-07-11"],
      privacyConsentAt: new Date(),
      calendarTokenHash: tokenHash(calendarToken),
      ...over,
    })
    .returning()
    .get();
  return { ...row, calendarToken };
}

describe("agendaFeed", () => {
  it("holds every published and cancelled session and no draft", () => {
    const all = getDb().select().from(sessions).all();
    const visible = all.filter((s) => s.status !== "draft");
    const list = events(agendaFeed(undefined)!.body);
    expect(list).toHaveLength(visible.length);
    expect(list.map((e) => prop(e, "uid")).sort()).toEqual(visible.map((s) => `session-${s.id}@caf2024`).sort());
    expect(list.map(slugOf)).not.toContain("farewell-reception");
  });

  it("links to SITE_URL and follows each session's version", () => {
    const id = sessionId("coffee-break-day-3");
    const find = (body: string) => events(body).find((e) => prop(e, "uid") === `session-${id}@caf2024`)!;
    const before = find(agendaFeed("zh-CN")!.body);
    expect(prop(before, "url")).toBe("https://forum.example/zh-CN/2024/sessions/coffee-break-day-3");
    expect(prop(before, "summary")).toBe("茶歇");
    getDb()
      .update(sessions)
      .set({ version: 3, updatedAt: new Date("2024-07-10T12:00:00Z") })
      .where(eq(sessions.id, id))
      .run();
    const after = find(agendaFeed("zh-CN")!.body);
    expect(prop(after, "sequence")).toBe(2);
    expect(String(prop(after, "last-modified"))).toBe("2024-07-10T12:00:00Z");
  });

  it("parses the same with python3-icalendar", () => {
    const body = agendaFeed("zh-CN")!.body;
    const python = fs.existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    const run = spawnSync(python, ["scripts/check-ics.py"], { input: body, encoding: "utf8" });
    expect(run.stderr).toBe("");
    const parsed = JSON.parse(run.stdout) as { errors: unknown[]; events: { uid: string; summary: string }[] };
    expect(parsed.errors).toEqual([]);
    expect(parsed.events.map((e) => [e.uid, e.summary])).toEqual(
      events(body).map((e) => [prop(e, "uid"), prop(e, "summary")]),
    );
  });
});

describe("sessionFeed and speakerFeed", () => {
  it("give one public session, and nothing for a draft or an unknown slug", () => {
    const list = events(sessionFeed("opening-ceremony", undefined)!.body);
    expect(list.map(slugOf)).toEqual(["opening-ceremony"]);
    expect(sessionFeed("farewell-reception", undefined)).toBeUndefined();
    expect(sessionFeed("nope", undefined)).toBeUndefined();
  });

  it("give a speaker's sessions, and no calendar for a real person, who is on no session", () => {
    const feed = speakerFeed("moderator", undefined)!;
    expect(feed.filename).toBe("caf2024-moderator.ics");
    expect(events(feed.body).map(slugOf)).toEqual(["panel-nev-market-growth"]);
    expect(speakerFeed("nobody", undefined)).toBeUndefined();
    for (const slug of ["wang-yao", "liu-jining", "lu-fangzhou"]) expect(speakerFeed(slug, undefined), slug).toBeUndefined();
  });
});

describe("personalFeed", () => {
  it("holds the starred public sessions and the booked seats, in the person's language", () => {
    const p = person({ locale: "zh-CN" });
    const star = (slug: string) => getDb().insert(stars).values({ registrationId: p.id, sessionId: sessionId(slug) }).run();
    const book = (slug: string, status: "booked" | "waiting" | "cancelled") =>
      getDb().insert(sessionBookings).values({ registrationId: p.id, sessionId: sessionId(slug), status }).run();
    star("opening-ceremony");
    star("workshop-connected-vehicle-data-security");
    star("farewell-reception");
    book("chip-valley-visit", "booked");
    // Starred and booked: listed once.
    book("opening-ceremony", "booked");
    book("software-park-visit", "waiting");
    book("autonomous-demo-rides-day-2", "cancelled");

    const feed = personalFeed(p.calendarToken, undefined)!;
    expect(feed.filename).toBe("caf2024-my-agenda.ics");
    const list = events(feed.body);
    expect(list.map(slugOf)).toEqual([
      "opening-ceremony",
      "chip-valley-visit",
      "workshop-connected-vehicle-data-security",
    ]);
    expect(prop(list[0]!, "summary")).toBe("开幕式");
    expect(prop(list[2]!, "status")).toBe("CANCELLED");
    expect(prop(events(personalFeed(p.calendarToken, "en")!.body)[0]!, "summary")).toBe("Opening Ceremony");
  });

  it("is empty, not missing, for a person who starred nothing", () => {
    const p = person();
    expect(events(personalFeed(p.calendarToken, undefined)!.body)).toEqual([]);
  });

  it("is not found for an unknown token, or once the person is erased", () => {
    expect(personalFeed("no-such-token-000000000000", undefined)).toBeUndefined();
    const p = person();
    getDb().insert(stars).values({ registrationId: p.id, sessionId: sessionId("opening-ceremony") }).run();
    expect(personalFeed(p.calendarToken, undefined)).toBeDefined();
    getDb().update(registrations).set({ erasedAt: new Date() }).where(eq(registrations.id, p.id)).run();
    expect(personalFeed(p.calendarToken, undefined)).toBeUndefined();
  });
});
