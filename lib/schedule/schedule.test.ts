import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { zonedToInstant } from "../time";
import { scheduleJson } from "./json";
import {
  buildSchedule,
  CANCELLED_PREFIX,
  ILLUSTRATIVE,
  type ScheduleSource,
  type ScheduleSourceSession,
} from "./model";
import { scheduleGuid } from "./uuid";
import {
  scheduleJsonValidator,
  specPath,
  validateScheduleXml,
  xmllintAvailable,
} from "./validators";
import { escapeXml, scheduleXml } from "./xml";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const TZ = "Asia/Shanghai";
const at = (day: string, time: string) => zonedToInstant(day, time, TZ);

const mainHall = { slug: "main-hall", nameEn: "Main Hall" };
const hallA = { slug: "hall-a", nameEn: "Hall A" };
const plenary = { slug: "plenary", nameEn: "Opening & Keynotes" };

function session(id: number, over: Partial<ScheduleSourceSession> = {}): ScheduleSourceSession {
  return {
    id,
    slug: `session-number-${id}`,
    type: "talk",
    status: "published",
    startsAt: at("2024-07-11", "10:00"),
    endsAt: at("2024-07-11", "10:45"),
    titleEn: `Session ${id}`,
    titleZh: `第${id}场`,
    abstractEn: "About it.",
    abstractZh: "简介。",
    room: mainHall,
    track: plenary,
    speakers: [],
    ...over,
  };
}

function source(sessions: ScheduleSourceSession[]): ScheduleSource {
  return {
    baseUrl: "https://forum.example",
    event: {
      slug: "caf2024",
      nameEn: "2024 China Auto Forum",
      nameZh: "2024中国汽车论坛",
      venueEn: "Jiading District, Shanghai",
      venueZh: "上海市嘉定区",
      timeZone: TZ,
      startDate: "2024-07-11",
      endDate: "2024-07-13",
    },
    rooms: [
      { ...mainHall, capacity: 250 },
      { ...hallA, capacity: 120 },
    ],
    tracks: [{ ...plenary, color: "#1e3a8a" }],
    sessions,
  };
}

const program = [
  session(1, {
    slug: "opening-ceremony",
    type: "ceremony",
    startsAt: at("2024-07-11", "09:00"),
    endsAt: at("2024-07-11", "09:30"),
    titleEn: "Opening Ceremony",
    titleZh: "开幕式",
    speakers: [{ id: 3, slug: "moderator", nameEn: "Moderator", bioEn: "A role." }],
  }),
  session(2, {
    room: hallA,
    track: null,
    materials: {
      slides: { url: "/files/materials/0123456789abcdef0123456789abcdef.pdf", bytes: 2_400_000, pages: 12, previewUrl: null },
      recording: { kind: "link", host: "bilibili", id: "BV1GJ411x7h7", url: "https://www.bilibili.com/video/BV1GJ411x7h7", seconds: null },
    },
    startsAt: at("2024-07-11", "14:00"),
    endsAt: at("2024-07-11", "15:30"),
  }),
  session(3, {
    status: "cancelled",
    startsAt: at("2024-07-12", "09:00"),
    endsAt: at("2024-07-12", "10:00"),
  }),
  session(4, {
    status: "draft",
    slug: "farewell-reception",
    startsAt: at("2024-07-13", "18:00"),
    endsAt: at("2024-07-13", "20:00"),
  }),
  session(5, {
    room: null,
    titleEn: 'Chips <&> "Cars"',
    startsAt: at("2024-07-13", "23:30"),
    endsAt: at("2024-07-14", "00:15"),
  }),
];

const events = (s: ReturnType<typeof buildSchedule>) =>
  s.days.flatMap((d) => d.rooms.flatMap((r) => r.events));

describe("buildSchedule", () => {
  const schedule = buildSchedule(source(program));

  it("has the conference, its zone and one day for each forum day, numbered from 1", () => {
    expect(schedule.conference).toMatchObject({
      acronym: "caf2024",
      title: "2024 China Auto Forum",
      start: "2024-07-11",
      end: "2024-07-13",
      daysCount: 3,
      timeZone: TZ,
      timeslotDuration: "00:15",
    });
    expect(schedule.days.map((d) => [d.index, d.date])).toEqual([
      [1, "2024-07-11"],
      [2, "2024-07-12"],
      [3, "2024-07-13"],
    ]);
  });

  it("spans each day from its first start to its last end, in forum time", () => {
    expect(schedule.days[0]).toMatchObject({
      start: "2024-07-11T09:00:00+08:00",
      end: "2024-07-11T15:30:00+08:00",
    });
    expect(schedule.days[2]).toMatchObject({
      start: "2024-07-13T23:30:00+08:00",
      end: "2024-07-14T00:15:00+08:00",
    });
  });

  it("leaves drafts out and keeps cancelled sessions, marked in both titles", () => {
    expect(events(schedule).map((e) => e.id)).toEqual([1, 2, 3, 5]);
    const cancelled = events(schedule).find((e) => e.id === 3)!;
    expect(cancelled.title).toBe(`${CANCELLED_PREFIX.en}Session 3`);
    expect(cancelled.subtitle).toBe(`${CANCELLED_PREFIX.zh}第3场`);
    expect(cancelled.cancelled).toBe(true);
    expect(JSON.stringify(schedule)).not.toContain("farewell-reception");
  });

  it("writes each session's time, room, track, people and links", () => {
    const opening = events(schedule)[0]!;
    expect(opening).toMatchObject({
      id: 1,
      guid: scheduleGuid("caf2024", "session", 1),
      date: "2024-07-11T09:00:00+08:00",
      end: "2024-07-11T09:30:00+08:00",
      start: "09:00",
      duration: "00:30",
      room: "Main Hall",
      slug: "caf2024-1-opening-ceremony",
      url: "https://forum.example/en/sessions/opening-ceremony",
      title: "Opening Ceremony",
      subtitle: "开幕式",
      track: "Opening & Keynotes",
      type: "ceremony",
      abstract: "About it.",
      description: `${ILLUSTRATIVE.session}\n\n简介。`,
      persons: [
        {
          id: 3,
          guid: scheduleGuid("caf2024", "person", "moderator"),
          name: "Moderator",
          url: "https://forum.example/en/speakers/moderator",
          biography: "A role.",
        },
      ],
      links: [
        {
          type: "web",
          url: "https://forum.example/zh-CN/sessions/opening-ceremony",
          title: "中文版",
        },
      ],
    });
    expect(events(schedule).find((e) => e.id === 2)).toMatchObject({
      room: "Hall A",
      track: null,
      duration: "01:30",
    });
  });

  it("says that the program is illustrative, in the conference and in every session, in both languages", () => {
    expect(ILLUSTRATIVE.program).toMatch(/illustrative/);
    expect(ILLUSTRATIVE.program).toMatch(/示意/);
    expect(ILLUSTRATIVE.session).toMatch(/示意/);
    expect(schedule.conference.description).toContain(ILLUSTRATIVE.program);
    for (const e of events(schedule)) expect(e.description.startsWith(ILLUSTRATIVE.session), String(e.id)).toBe(true);
  });

  it("lists every room on every day, and puts a session without a room at the venue", () => {
    expect(schedule.conference.rooms.map((r) => r.name)).toEqual([
      "Main Hall",
      "Hall A",
      "Jiading District, Shanghai",
    ]);
    for (const day of schedule.days)
      expect(day.rooms.map((r) => r.name)).toEqual([
        "Main Hall",
        "Hall A",
        "Jiading District, Shanghai",
      ]);
    expect(schedule.days[2]!.rooms[2]!.events.map((e) => e.id)).toEqual([5]);
  });

  it("keeps ids, GUIDs and slugs when a session moves, and changes the version", () => {
    const moved = buildSchedule(
      source(
        program.map((s) =>
          s.id === 2
            ? {
                ...s,
                room: mainHall,
                startsAt: at("2024-07-12", "11:00"),
                endsAt: at("2024-07-12", "12:00"),
              }
            : s,
        ),
      ),
    );
    const key = (e: { id: number; guid: string; slug: string }) => `${e.id} ${e.guid} ${e.slug}`;
    expect(events(moved).map(key).sort()).toEqual(events(schedule).map(key).sort());
    expect(events(moved).find((e) => e.id === 2)).toMatchObject({
      room: "Main Hall",
      date: "2024-07-12T11:00:00+08:00",
    });
    expect(moved.version).not.toBe(schedule.version);
    expect(buildSchedule(source(program)).version).toBe(schedule.version);
  });

  it("adds a day for a session outside the forum's dates rather than losing it", () => {
    const late = buildSchedule(
      source([
        session(9, { startsAt: at("2024-07-15", "10:00"), endsAt: at("2024-07-15", "11:00") }),
      ]),
    );
    expect(late.days.map((d) => d.date)).toEqual([
      "2024-07-11",
      "2024-07-12",
      "2024-07-13",
      "2024-07-15",
    ]);
    expect(late.days[0]).toMatchObject({
      start: "2024-07-11T00:00:00+08:00",
      end: "2024-07-11T23:59:00+08:00",
    });
  });
});

describe("schedule.json", () => {
  const validate = scheduleJsonValidator(repoRoot);
  const document = scheduleJson(buildSchedule(source(program)));

  it("is valid against the spec, which accepts pretalx's own example and refuses a bad acronym", () => {
    expect(
      validate(
        JSON.parse(
          fs.readFileSync(
            path.resolve(
              specPath(repoRoot, "schedule.schema.json"),
              "../example-pretalx-democon.json",
            ),
            "utf8",
          ),
        ),
      ),
    ).toEqual([]);
    expect(validate(JSON.parse(JSON.stringify(document)))).toEqual([]);
    const bad = structuredClone(document);
    bad.schedule.conference.acronym = "china-auto-forum-2024";
    expect(validate(bad)).not.toEqual([]);
  });

  it("keys each day's rooms by name and writes persons in frab's form", () => {
    const day = document.schedule.conference.days[0]!;
    expect(Object.keys(day.rooms)).toEqual(["Main Hall", "Hall A", "Jiading District, Shanghai"]);
    const [opening] = day.rooms["Main Hall"]!;
    expect(opening!.persons).toEqual([expect.objectContaining({ id: 3, public_name: "Moderator" })]);
    expect(opening!.persons[0]).not.toHaveProperty("name");
    expect(opening).toMatchObject({ language: null, track: "Opening & Keynotes", attachments: [] });
  });

  it("carries a session's published slides as a frab attachment and its recording as a media link", () => {
    const [withMaterials] = document.schedule.conference.days[0]!.rooms["Hall A"]!;
    expect(withMaterials!.attachments).toEqual([
      { type: "slides", url: "https://forum.example/files/materials/0123456789abcdef0123456789abcdef.pdf", title: "Slides / 演示文稿 (PDF)" },
    ]);
    expect(withMaterials!.links).toContainEqual({ type: "media", url: "https://www.bilibili.com/video/BV1GJ411x7h7", title: "Recording / 录像" });
  });
});

describe.skipIf(!xmllintAvailable())("schedule.xml", () => {
  const xml = scheduleXml(buildSchedule(source(program)), "https://forum.example/schedule.xml");

  it("is valid against the XSD", () => {
    const result = validateScheduleXml(repoRoot, xml);
    expect(result.output).toContain("validates");
    expect(result.ok).toBe(true);
  });

  it("escapes text, and the XSD catches a duplicate GUID (a negative control)", () => {
    expect(xml).toContain("<title>Chips &lt;&amp;&gt; &quot;Cars&quot;</title>");
    const guid = scheduleGuid("caf2024", "session", 1);
    const duplicated = xml.replace(scheduleGuid("caf2024", "session", 2), guid);
    expect(validateScheduleXml(repoRoot, duplicated).ok).toBe(false);
  });

  it("writes days, rooms, events and people as frab does", () => {
    expect(xml).toContain(
      '<day index="1" date="2024-07-11" start="2024-07-11T09:00:00+08:00" end="2024-07-11T15:30:00+08:00">',
    );
    expect(xml).toContain(`<event id="1" guid="${scheduleGuid("caf2024", "session", 1)}">`);
    expect(xml).toContain(
      `<person id="3" guid="${scheduleGuid("caf2024", "person", "moderator")}">Moderator</person>`,
    );
    expect(xml).toContain("<time_zone_name>Asia/Shanghai</time_zone_name>");
    expect(xml).toContain(`<!-- ${ILLUSTRATIVE.program} -->`);
    expect(xml.match(/<description>([^<]*)<\/description>/g)?.every((d) => d.includes(ILLUSTRATIVE.session))).toBe(true);
    expect(xml).toContain('<track name="Opening &amp; Keynotes" color="#1e3a8a" slug="plenary">');
  });

  it("writes a session's slides and recording in frab's elements", () => {
    expect(xml).toContain('<attachment href="https://forum.example/files/materials/0123456789abcdef0123456789abcdef.pdf" type="slides">');
    expect(xml).toContain("<recording><license/><optout>false</optout><link>https://www.bilibili.com/video/BV1GJ411x7h7</link></recording>");
  });
});

describe("escapeXml", () => {
  it("escapes markup and drops characters XML cannot hold", () => {
    expect(escapeXml(`a<b>&"c'`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
    expect(escapeXml("bell\u0007 tab\t 中文 \u{1F697}")).toBe("bell tab\t 中文 \u{1F697}");
  });
});
