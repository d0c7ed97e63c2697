import path from "node:path";
import { expect, test, type APIResponse } from "@playwright/test";
import { scheduleJsonValidator, validateScheduleXml } from "../lib/schedule/validators";
import { cancelledSlug, cancelledTitle } from "./support/site";

// The schedule exports for conference apps and players, checked against the public specs kept in
// ../shared/specs: the JSON Schema with Ajv, the XSD with xmllint (Debian's libxml2-utils).

const repoRoot = path.resolve(__dirname, "..");

type Json = Record<string, unknown>;
type Event = Json & {
  id: number;
  guid: string;
  slug: string;
  title: string;
  date: string;
  url: string;
};
type Day = {
  index: number;
  date: string;
  day_start: string;
  day_end: string;
  rooms: Record<string, Event[]>;
};

function expectPublicHeaders(response: APIResponse, contentType: RegExp) {
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(contentType);
  expect(response.headers()["cache-control"]).toBe("public, max-age=300");
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
}

test.describe("schedule.json", () => {
  test("is valid against the schedule.json schema, with the forum's acronym, zone, days and 30 events", async ({
    request,
  }) => {
    const response = await request.get("/schedule.json");
    expectPublicHeaders(response, /^application\/json/);
    const body = (await response.json()) as Json;
    expect(scheduleJsonValidator(repoRoot)(body)).toEqual([]);

    const conference = (body.schedule as { conference: Json & { days: Day[] } }).conference;
    expect(conference.acronym).toBe("caf2024");
    expect(conference.time_zone_name).toBe("Asia/Shanghai");
    expect(conference.start).toBe("2024-07-11");
    expect(conference.end).toBe("2024-07-13");
    expect(conference.daysCount).toBe(3);
    expect(conference.days.map((d) => [d.index, d.date])).toEqual([
      [1, "2024-07-11"],
      [2, "2024-07-12"],
      [3, "2024-07-13"],
    ]);
    for (const day of conference.days) {
      expect(day.day_start).toMatch(new RegExp(`^${day.date}T\\d{2}:\\d{2}:00\\+08:00$`));
      expect(day.day_end).toMatch(/\+08:00$/);
      expect(Object.keys(day.rooms)).toEqual([
        "Main Hall",
        "Hall A",
        "Hall B",
        "Demonstration Area & Off-site Visits",
      ]);
    }

    const events = conference.days.flatMap((d) => Object.values(d.rooms).flat());
    expect(events).toHaveLength(30);
    expect(new Set(events.map((e) => e.id)).size).toBe(30);
    expect(new Set(events.map((e) => e.guid)).size).toBe(30);
    expect(new Set(events.map((e) => e.slug)).size).toBe(30);

    const opening = events.find((e) => e.url.endsWith("/en/2024/sessions/opening-ceremony"));
    expect(opening).toMatchObject({
      title: "Opening Ceremony",
      subtitle: "开幕式",
      date: "2024-07-11T09:00:00+08:00",
      start: "09:00",
      duration: "00:30",
      room: "Main Hall",
      track: "Opening & Keynotes",
      type: "ceremony",
    });
    const panel = events.find((e) => e.url.endsWith("/sessions/panel-nev-market-growth"));
    expect(panel?.persons).toEqual([expect.objectContaining({ public_name: "Moderator" })]);
    // No real person the article quotes is anyone's speaker, and every event says it is illustrative.
    expect(JSON.stringify(body)).not.toMatch(/Wang Yao|Liu Jining|Lu Fangzhou/);
    expect(conference.description).toContain("This program is illustrative");
    for (const e of events) expect(String(e.description), e.slug).toMatch(/^Illustrative session: .*示意议程/);

    // Cancelled sessions stay, marked in the title; the draft is nowhere.
    const cancelled = events.find((e) => e.url.endsWith(`/sessions/${cancelledSlug}`));
    expect(cancelled?.title).toBe(`Cancelled: ${cancelledTitle}`);
    expect(JSON.stringify(body)).not.toContain("farewell-reception");
    expect(JSON.stringify(body)).not.toMatch(/Farewell Reception/i);
  });

  test("gives each session the same id and GUID on every request", async ({ request }) => {
    const ids = async () => {
      const body = (await (await request.get("/schedule.json")).json()) as {
        schedule: { conference: { days: Day[] } };
      };
      return body.schedule.conference.days
        .flatMap((d) => Object.values(d.rooms).flat())
        .map((e) => `${e.id} ${e.guid} ${e.slug}`)
        .sort();
    };
    expect(await ids()).toEqual(await ids());
  });
});

test.describe("schedule.xml", () => {
  test("is valid against the schedule.xml XSD, with the forum's acronym, zone and 30 events", async ({
    request,
  }) => {
    const response = await request.get("/schedule.xml");
    expectPublicHeaders(response, /^application\/xml/);
    const xml = await response.text();
    const result = validateScheduleXml(repoRoot, xml);
    expect(result.output).toBe("- validates");
    expect(result.ok).toBe(true);

    expect(xml).toContain("<acronym>caf2024</acronym>");
    expect(xml).toContain("<time_zone_name>Asia/Shanghai</time_zone_name>");
    const events = [...xml.matchAll(/<event id="(\d+)" guid="([0-9a-f-]{36})">/g)];
    expect(events).toHaveLength(30);
    expect(new Set(events.map((m) => m[1])).size).toBe(30);
    expect(new Set(events.map((m) => m[2])).size).toBe(30);
    expect(xml).toContain("<date>2024-07-11T09:00:00+08:00</date>");
    expect(xml).toMatch(/<title>Opening Ceremony<\/title>\s*<subtitle>开幕式<\/subtitle>/);
    expect(xml).toContain(`<title>Cancelled: ${cancelledTitle}</title>`);
    expect(xml).not.toContain("farewell-reception");
    expect(xml).toMatch(/^<\?xml[^>]*>\n<!-- This program is illustrative[^>]*示意[^>]*-->/);
    const descriptions = [...xml.matchAll(/<description>([^<]*)<\/description>/g)].map((m) => m[1]!);
    expect(descriptions).toHaveLength(30);
    for (const d of descriptions) expect(d).toMatch(/^Illustrative session: /);
    expect(xml).not.toMatch(/Wang Yao|Liu Jining|Lu Fangzhou/);
    // A negative control: the XSD refuses the same document with a GUID repeated.
    const [first, second] = events;
    expect(validateScheduleXml(repoRoot, xml.replace(second![2]!, first![2]!)).ok).toBe(false);
  });

  test("gives JSON and XML the same ids and GUIDs", async ({ request }) => {
    const xml = await (await request.get("/schedule.xml")).text();
    const json = (await (await request.get("/schedule.json")).json()) as {
      schedule: { conference: { days: Day[] } };
    };
    const fromJson = json.schedule.conference.days
      .flatMap((d) => Object.values(d.rooms).flat())
      .map((e) => `${e.id} ${e.guid}`)
      .sort();
    const fromXml = [...xml.matchAll(/<event id="(\d+)" guid="([0-9a-f-]{36})">/g)]
      .map((m) => `${m[1]} ${m[2]}`)
      .sort();
    expect(fromXml).toEqual(fromJson);
  });

  test("answers 304 to a client holding the current ETag", async ({ request }) => {
    const first = await request.get("/schedule.xml");
    const etag = first.headers()["etag"];
    expect(etag).toBeTruthy();
    const again = await request.get("/schedule.xml", { headers: { "if-none-match": etag! } });
    expect(again.status()).toBe(304);
  });
});
