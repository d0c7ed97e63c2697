import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import Database from "better-sqlite3";
import ICAL from "ical.js";
import { cancelledSlug } from "./support/site";

const VISIT = "Site Visit: Automotive Chip Valley";

// The calendar feeds, read as a calendar client would, parsed by two independent parsers (ical.js
// and Debian's python3-icalendar) and compared with the database the e2e server runs on.

// One after the other: one test changes a session, which the others compare with their feeds.
test.describe.configure({ mode: "default" });

const port = Number(process.env.E2E_PORT || 3100);
// The file playwright.config.ts gives the main e2e server.
const databaseFile = `./data/e2e-${port}.db`;

function openDatabase(): Database.Database {
  const db = new Database(databaseFile);
  db.pragma("busy_timeout = 5000");
  return db;
}

type DbSession = {
  id: number;
  slug: string;
  status: "published" | "cancelled";
  version: number;
  startsAt: number;
  endsAt: number;
  updatedAt: number;
  titleEn: string;
  titleZh: string;
  roomEn: string | null;
  roomZh: string | null;
};

// The current edition's sessions only: editions-public.spec adds a past edition to this database,
// with a slug that this edition also has.
function publicSessions(filter = "1 = 1", ...params: unknown[]): DbSession[] {
  const db = openDatabase();
  try {
    return db
      .prepare(
        `SELECT s.id, s.slug, s.status, s.version, s.starts_at AS startsAt, s.ends_at AS endsAt,
                s.updated_at AS updatedAt, s.title_en AS titleEn, s.title_zh AS titleZh,
                r.name_en AS roomEn, r.name_zh AS roomZh
           FROM sessions s LEFT JOIN rooms r ON r.id = s.room_id
          WHERE s.event_id = (SELECT id FROM events WHERE is_current = 1) AND s.status IN ('published', 'cancelled') AND (${filter})
          ORDER BY s.starts_at, s.room_id, s.id`,
      )
      .all(...params) as DbSession[];
  } finally {
    db.close();
  }
}

/** What both parsers must agree on for one VEVENT. */
type ParsedEvent = {
  uid: string;
  summary: string;
  description: string;
  location: string | null;
  url: string;
  status: string;
  sequence: number;
  dtstart: string;
  dtend: string;
  dtstamp: string;
  lastModified: string;
};

const iso = (t: ICAL.Time) => t.toJSDate().toISOString().replace(".000Z", "Z");
const isoOf = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

/** X-WR-CALDESC as text: ical.js leaves an X- property escaped, Python's parser leaves it out. */
function calendarDescription(body: string): string {
  const line = body.replace(/\r\n[ \t]/g, "").split("\r\n").find((l) => l.startsWith("X-WR-CALDESC:")) ?? "";
  return line.slice("X-WR-CALDESC:".length).replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === "n" ? "\n" : c));
}

function parseWithIcalJs(body: string) {
  const vcalendar = new ICAL.Component(ICAL.parse(body));
  const events = vcalendar.getAllSubcomponents("vevent").map((vevent): ParsedEvent => {
    const e = new ICAL.Event(vevent);
    const time = (name: string) => {
      const value = vevent.getFirstPropertyValue(name);
      expect(value, `${e.uid} ${name}`).toBeInstanceOf(ICAL.Time);
      return iso(value as ICAL.Time);
    };
    // Written in UTC, not floating: the same instant in every client's zone.
    expect(e.startDate.zone?.tzid, `${e.uid} DTSTART zone`).toBe("UTC");
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      location: e.location,
      url: String(vevent.getFirstPropertyValue("url")),
      status: String(vevent.getFirstPropertyValue("status")),
      sequence: e.sequence,
      dtstart: iso(e.startDate),
      dtend: iso(e.endDate),
      dtstamp: time("dtstamp"),
      lastModified: time("last-modified"),
    };
  });
  const prop = (name: string) => vcalendar.getFirstPropertyValue(name);
  return {
    version: prop("version"),
    prodid: prop("prodid"),
    calscale: prop("calscale"),
    method: prop("method"),
    calname: prop("x-wr-calname"),
    timezone: prop("x-wr-timezone"),
    events,
  };
}

// Debian's interpreter, where apt puts python3-icalendar; another python3 may come first on PATH.
const python = fs.existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

function parseWithPython(body: Buffer) {
  const run = spawnSync(python, ["scripts/check-ics.py"], { input: body, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ReturnType<typeof parseWithIcalJs> & { errors: unknown[] };
}

/** Every physical line ends with CRLF and holds at most 75 octets (RFC 5545 §3.1). */
function expectFoldedLines(body: Buffer) {
  expect(body.subarray(-2).toString("latin1")).toBe("\r\n");
  let start = 0;
  let lines = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === 0x0a) {
      expect(body[i - 1], `line ${lines + 1} ends with CRLF`).toBe(0x0d);
      expect(i - 1 - start, `octets in line ${lines + 1}`).toBeLessThanOrEqual(75);
      start = i + 1;
      lines++;
    } else if (body[i] === 0x0d) {
      expect(body[i + 1], "a CR only before LF").toBe(0x0a);
    }
  }
  expect(start).toBe(body.length);
  // The bytes are valid UTF-8: folding split no character.
  expect(new TextDecoder("utf-8", { fatal: true }).decode(body)).toBeTruthy();
  return lines;
}

async function feed(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  const response = await request.get(path, { headers });
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(/^inline; filename="[a-z0-9-]+\.ics"$/);
  expect(response.headers()["etag"]).toBeTruthy();
  const bytes = await response.body();
  expectFoldedLines(bytes);
  const text = bytes.toString("utf8");
  const ical = parseWithIcalJs(text);
  const py = parseWithPython(bytes);
  // Two parsers, one reading.
  expect(py.errors).toEqual([]);
  expect(py.events).toEqual(ical.events);
  expect({ ...py, events: undefined, errors: undefined }).toEqual({ ...ical, events: undefined, errors: undefined });
  expect(ical).toMatchObject({ version: "2.0", calscale: "GREGORIAN", method: "PUBLISH", timezone: "Asia/Shanghai" });
  expect(ical.prodid).toBeTruthy();
  expect(ical.calname).toBeTruthy();
  return { response, bytes, text, ical, caldesc: calendarDescription(text) };
}

const slugOf = (e: ParsedEvent) => new URL(e.url).pathname.split("/").at(-1);

/** The feed's events against the database's rows, in the feed's language. */
function expectMatchesDatabase(events: ParsedEvent[], rows: DbSession[], locale: "en" | "zh-CN") {
  expect(events.map(slugOf)).toEqual(rows.map((r) => r.slug));
  const origins = new Set(events.map((e) => new URL(e.url).origin));
  expect(origins.size).toBe(1);
  events.forEach((e, i) => {
    const row = rows[i]!;
    expect(e).toEqual({
      uid: `session-${row.id}@caf2024`,
      summary: locale === "zh-CN" ? row.titleZh : row.titleEn,
      description: expect.any(String),
      location: locale === "zh-CN" ? row.roomZh : row.roomEn,
      url: `${[...origins][0]}/${locale}/2024/sessions/${row.slug}`,
      status: row.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
      sequence: row.version - 1,
      dtstart: isoOf(row.startsAt),
      dtend: isoOf(row.endsAt),
      dtstamp: isoOf(row.updatedAt),
      lastModified: isoOf(row.updatedAt),
    });
  });
}

test.describe("/agenda.ics", () => {
  test("holds the whole public program, as the database has it", async ({ request }) => {
    const { response, ical, caldesc } = await feed(request, "/agenda.ics");
    expect(response.headers()["cache-control"]).toBe("public, max-age=300");
    expect(response.headers()["content-disposition"]).toBe('inline; filename="caf2024-agenda.ics"');
    expect(ical.calname).toBe("2024 China Auto Forum");

    const rows = publicSessions();
    expect(rows).toHaveLength(30);
    expect(ical.events).toHaveLength(30);
    expectMatchesDatabase(ical.events, rows, "en");

    // The seed's one draft stays out.
    expect(ical.events.map(slugOf)).not.toContain("farewell-reception");
    const bySlug = new Map(ical.events.map((e) => [slugOf(e), e]));
    const opening = bySlug.get("opening-ceremony")!;
    expect(opening.dtstart).toBe("2024-07-11T01:00:00Z");
    expect(opening.summary).toBe("Opening Ceremony");
    expect(opening.location).toBe("Main Hall");
    expect(opening.url).toMatch(/^https?:\/\/[^/]+\/en\/2024\/sessions\/opening-ceremony$/);
    expect(opening.description).toContain("The forum opens in Jiading District, Shanghai");
    expect(bySlug.get(cancelledSlug)!.status).toBe("CANCELLED");
    expect(bySlug.get(cancelledSlug)!.description).toContain("This session has been cancelled.");
    // The program is illustrative, and every copy of it says so.
    expect(caldesc).toBe(
      "The 2024 China Auto Forum, 11–13 July 2024 in Jiading District, Shanghai: an illustrative agenda, and what the article on the forum reports. This program is illustrative: the source article lists no sessions.",
    );
    for (const e of ical.events) expect(e.description, slugOf(e)).toContain("Illustrative session: the source article lists no sessions.");
  });

  test("speaks Chinese with ?lang=zh-CN, the characters intact", async ({ request }) => {
    const { text, ical, caldesc } = await feed(request, "/agenda.ics?lang=zh-CN");
    expect(ical.calname).toBe("2024中国汽车论坛");
    expect(text).toContain("\r\nSUMMARY:开幕式\r\n");
    expectMatchesDatabase(ical.events, publicSessions(), "zh-CN");
    const opening = ical.events.find((e) => slugOf(e) === "opening-ceremony")!;
    expect(opening.summary).toBe("开幕式");
    expect(opening.location).toBe("主会场");
    expect(opening.description).toContain("论坛在上海市嘉定区开幕。");
    expect(opening.description.startsWith("示意议程：来源报道并未列出具体议程。")).toBe(true);
    expect(caldesc).toContain("本议程仅为示意");
    // Long Chinese abstracts were folded, and came back whole.
    expect(text).toMatch(/\r\n [^\r]*[\u4e00-\u9fff]/);

    const refused = await request.get("/agenda.ics?lang=fr");
    expect(refused.status()).toBe(400);
  });

  test("answers 304 to a client holding the current version, and follows the database", async ({ request }) => {
    const first = await request.get("/agenda.ics");
    const etag = first.headers()["etag"]!;
    const again = await request.get("/agenda.ics", { headers: { "if-none-match": etag } });
    expect(again.status()).toBe(304);
    expect(again.headers()["etag"]).toBe(etag);
    expect(await again.body()).toHaveLength(0);
    // The other language is another document, so another tag.
    const zh = await request.get("/agenda.ics?lang=zh-CN", { headers: { "if-none-match": etag } });
    expect(zh.status()).toBe(200);

    // A change to one session: a new version, a higher SEQUENCE, a new LAST-MODIFIED, a new tag.
    const db = openDatabase();
    const slug = "coffee-break-day-3";
    const before = db.prepare("SELECT version, updated_at AS updatedAt FROM sessions WHERE slug = ? AND event_id = (SELECT id FROM events WHERE is_current = 1)").get(slug) as {
      version: number;
      updatedAt: number;
    };
    try {
      const changedAt = before.updatedAt + 60_000;
      db.prepare("UPDATE sessions SET version = version + 1, updated_at = ? WHERE slug = ? AND event_id = (SELECT id FROM events WHERE is_current = 1)").run(changedAt, slug);
      const changed = await request.get("/agenda.ics", { headers: { "if-none-match": etag } });
      expect(changed.status()).toBe(200);
      expect(changed.headers()["etag"]).not.toBe(etag);
      const event = parseWithIcalJs(await changed.text()).events.find((e) => slugOf(e) === slug)!;
      expect(event.sequence).toBe(before.version);
      expect(event.lastModified).toBe(isoOf(changedAt));
    } finally {
      db.prepare("UPDATE sessions SET version = ?, updated_at = ? WHERE slug = ? AND event_id = (SELECT id FROM events WHERE is_current = 1)").run(before.version, before.updatedAt, slug);
      db.close();
    }
  });
});

test.describe("/sessions/<slug>.ics", () => {
  test("holds one session, linked through the configured address rather than the Host header", async ({ request }) => {
    const { response, ical } = await feed(request, "/sessions/opening-ceremony.ics", { host: "evil.example" });
    expect(response.headers()["cache-control"]).toBe("public, max-age=300");
    expect(response.headers()["content-disposition"]).toBe('inline; filename="caf2024-opening-ceremony.ics"');
    expect(ical.events).toHaveLength(1);
    expectMatchesDatabase(ical.events, publicSessions("s.slug = ?", "opening-ceremony"), "en");
    expect(ical.events[0]!.url).not.toContain("evil.example");

    const cancelled = await feed(request, `/sessions/${cancelledSlug}.ics?lang=zh-CN`);
    expect(cancelled.ical.events.map((e) => e.status)).toEqual(["CANCELLED"]);
  });

  test("is not found for an unknown or draft session, or without .ics", async ({ request }) => {
    for (const path of [
      "/sessions/nope.ics",
      "/sessions/farewell-reception.ics",
      "/sessions/opening-ceremony.ics.txt",
      "/sessions/opening-ceremony.json",
      "/sessions/OPENING-CEREMONY.ics",
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()["content-type"], path).not.toContain("text/calendar");
    }
    // Without an extension the address never reaches the feed: the proxy (proxy.ts) sends a visitor
    // who left out the language to the session's page, as for any other address.
    const page = await request.get("/sessions/opening-ceremony", { maxRedirects: 0 });
    expect(page.status()).toBe(307);
    expect(page.headers()["location"]).toBe("/en/sessions/opening-ceremony");
    const unknown = await request.get("/sessions/nope");
    expect(unknown.status()).toBe(404);
    expect(unknown.headers()["content-type"]).toContain("text/html");
  });
});

test.describe("/speakers/<slug>.ics", () => {
  test("holds the public sessions of a person of the program", async ({ request }) => {
    const { response, ical, caldesc } = await feed(request, "/speakers/moderator.ics");
    expect(response.headers()["content-disposition"]).toBe('inline; filename="caf2024-moderator.ics"');
    expect(ical.calname).toBe("2024 China Auto Forum: Moderator");
    expect(caldesc).toContain("This program is illustrative");
    const rows = publicSessions(
      "s.id IN (SELECT ss.session_id FROM session_speakers ss JOIN speakers sp ON sp.id = ss.speaker_id WHERE sp.slug = ?)",
      "moderator",
    );
    expect(rows.map((r) => r.slug)).toEqual(["panel-nev-market-growth"]);
    expectMatchesDatabase(ical.events, rows, "en");
    expect(ical.events[0]!.description).toContain("Moderator (Moderator)");

    expect((await request.get("/speakers/nobody.ics")).status()).toBe(404);
  });

  test("has no calendar of talks for a real person the article quotes", async ({ request }) => {
    for (const slug of ["wang-yao", "liu-jining", "lu-fangzhou"]) {
      const response = await request.get(`/speakers/${slug}.ics`);
      expect(response.status(), slug).toBe(404);
      expect(response.headers()["content-type"], slug).not.toContain("text/calendar");
    }
  });
});

test.describe("/feeds/<token>.ics", () => {
  test("is not found for a token no one holds", async ({ request }) => {
    const token = randomBytes(24).toString("base64url");
    expect(token).toHaveLength(32);
    const response = await request.get(`/feeds/${token}.ics`);
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).not.toContain("text/calendar");
  });

  test("holds what the person starred (API) and booked (manage page), privately, until they erase their data on the manage page", async ({
    page,
    request,
  }) => {
    const registered = await request.post("/api/v1/registrations", {
      data: {
        fullName: "Zhang Min",
        email: `${crypto.randomUUID()}@example.test`,
        organisation: "Example Motors",
        jobTitle: "Engineer",
        category: "industry",
        days: ["2024-07-11"],
        consent: true,
        locale: "zh-CN",
      },
    });
    expect(registered.status()).toBe(201);
    const { manageToken } = (await registered.json()) as { manageToken: string };
    const bearer = { authorization: `Bearer ${manageToken}` };
    for (const slug of ["keynote-automotive-chips", "opening-ceremony"]) {
      expect((await request.put(`/api/v1/me/stars/${slug}`, { headers: bearer })).status()).toBe(200);
    }

    await page.goto(`/en/ticket/${manageToken}`);
    await page.getByRole("button", { name: `Book a seat: ${VISIT}` }).click();
    const visit = page.getByRole("listitem").filter({ has: page.getByText(VISIT, { exact: true }) });
    await expect(visit.getByText("Booked", { exact: true })).toBeVisible();
    const region = page.getByRole("region", { name: "Your calendar feed" });
    await region.getByRole("button", { name: "Create my feed address" }).click();
    await expect(region.getByLabel("Feed address")).toHaveValue(/\/feeds\/[A-Za-z0-9_-]{32}\.ics$/);
    const path = new URL(await region.getByLabel("Feed address").inputValue()).pathname;

    const rows = publicSessions(
      "s.slug IN ('keynote-automotive-chips', 'opening-ceremony') OR s.title_en = ?",
      VISIT,
    );
    expect(rows).toHaveLength(3);
    // In the person's language by default.
    const { response, ical } = await feed(request, path);
    expect(response.headers()["cache-control"]).toBe("private, no-store");
    expect(ical.calname).toBe("2024中国汽车论坛：我的议程");
    expectMatchesDatabase(ical.events, rows, "zh-CN");
    const english = await feed(request, `${path}?lang=en`);
    expectMatchesDatabase(english.ical.events, rows, "en");

    await page.getByRole("button", { name: "Erase your data…" }).click();
    await page.getByRole("button", { name: "Yes, erase my data" }).click();
    await expect(page.getByText("Your data has been erased.")).toBeVisible();
    expect((await request.get(path)).status()).toBe(404);
  });

  test("rows written straight into the database, as no flow can: a star on a draft is left out, a booking on a session cancelled since is kept, marked cancelled", async ({
    request,
  }) => {
    const registered = await request.post("/api/v1/registrations", {
      data: {
        fullName: "Zhang Min",
        email: `${crypto.randomUUID()}@example.test`,
        organisation: "Example Motors",
        jobTitle: "Engineer",
        category: "industry",
        days: ["2024-07-11"],
        consent: true,
        locale: "zh-CN",
      },
    });
    expect(registered.status()).toBe(201);
    const { code } = (await registered.json()) as { code: string };

    // The booking is on the cancelled workshop so that no other spec's seat count moves.
    const token = randomBytes(24).toString("base64url");
    const db = openDatabase();
    const person = (db.prepare("SELECT id FROM registrations WHERE code = ?").get(code) as { id: number }).id;
    const idOf = (slug: string) => (db.prepare("SELECT id FROM sessions WHERE slug = ? AND event_id = (SELECT id FROM events WHERE is_current = 1)").get(slug) as { id: number }).id;
    try {
      db.prepare("UPDATE registrations SET calendar_token_hash = ? WHERE id = ?").run(createHash("sha256").update(token).digest("hex"), person);
      const star = db.prepare("INSERT INTO stars (registration_id, session_id) VALUES (?, ?)");
      star.run(person, idOf("keynote-automotive-chips"));
      star.run(person, idOf("farewell-reception"));
      db.prepare("INSERT INTO session_bookings (registration_id, session_id, status) VALUES (?, ?, 'booked')").run(
        person,
        idOf(cancelledSlug),
      );
    } finally {
      db.close();
    }

    const expected = [cancelledSlug, "keynote-automotive-chips"];
    const rows = publicSessions(`s.slug IN (${expected.map(() => "?").join(", ")})`, ...expected);
    expect(rows.map((r) => r.status)).toContain("cancelled");
    const { ical } = await feed(request, `/feeds/${token}.ics`);
    expectMatchesDatabase(ical.events, rows, "zh-CN");
  });
});

test("a feed can only be read", async ({ request }) => {
  const response: APIResponse = await request.post("/agenda.ics");
  expect(response.status()).toBe(405);
});
