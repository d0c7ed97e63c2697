import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { serializeCalendar } from "./calendar";
import { sessionsCalendar, sessionToEvent, sessionUid, type FeedContext, type FeedSession } from "./session-event";

import { seededEdition } from "../test-fixtures/edition";

const event = { ...seededEdition, slug: "caf2024" };
const en: FeedContext = { locale: "en", baseUrl: "https://forum.example", event };
const zh: FeedContext = { ...en, locale: "zh-CN" };

const session = (over: Partial<FeedSession> = {}): FeedSession => ({
  id: 1,
  slug: "opening-ceremony",
  status: "published",
  startsAt: new Date("2024-07-11T01:00:00Z"),
  endsAt: new Date("2024-07-11T01:30:00Z"),
  updatedAt: new Date("2024-06-01T08:30:15.250Z"),
  version: 1,
  titleEn: "Opening Ceremony",
  titleZh: "开幕式",
  abstractEn: "The forum opens; welcome, program, etc.",
  abstractZh: "论坛在上海市嘉定区开幕。开幕式欢迎与会嘉宾，并介绍为期三天、围绕汽车产业可持续高质量发展的议程安排。",
  room: { nameEn: "Main Hall", nameZh: "主会场" },
  track: { nameEn: "Market & Policy", nameZh: "市场与政策" },
  speakers: [
    { nameEn: "Representative of a carmaker", nameZh: null, organisationEn: "Carmaker", organisationZh: "车企", role: "speaker" },
    { nameEn: "Li Wei", nameZh: "李伟", organisationEn: "", organisationZh: "", role: "moderator" },
  ],
  ...over,
});

function parse(body: string) {
  const vcalendar = new ICAL.Component(ICAL.parse(body));
  return { vcalendar, events: vcalendar.getAllSubcomponents("vevent") };
}

describe("sessionToEvent", () => {
  it("keys the UID on the id, so that moving or renaming the session keeps it", () => {
    const a = sessionToEvent(en, session());
    const b = sessionToEvent(en, session({ slug: "opening", startsAt: new Date("2024-07-12T01:00:00Z"), room: null }));
    expect(a.uid).toBe("session-1@caf2024");
    expect(b.uid).toBe(a.uid);
    expect(sessionUid(21, "caf2024")).toBe("session-21@caf2024");
  });

  it("rises SEQUENCE with the version, from 0", () => {
    expect(sessionToEvent(en, session()).sequence).toBe(0);
    expect(sessionToEvent(en, session({ version: 4 })).sequence).toBe(3);
  });

  it("writes English by default and Chinese for zh-CN, falling back to English where Chinese is missing", () => {
    const e = sessionToEvent(en, session());
    expect(e.summary).toBe("Opening Ceremony");
    expect(e.location).toBe("Main Hall");
    expect(e.url).toBe("https://forum.example/en/sessions/opening-ceremony");
    expect(e.description).toContain("Speakers:\nRepresentative of a carmaker (Speaker), Carmaker\nLi Wei (Moderator)");
    const z = sessionToEvent(zh, session());
    expect(z.summary).toBe("开幕式");
    expect(z.location).toBe("主会场");
    expect(z.url).toBe("https://forum.example/zh-CN/sessions/opening-ceremony");
    expect(z.description).toContain("嘉宾：\nRepresentative of a carmaker（演讲嘉宾），车企\n李伟（主持人）");
    expect(z.categories).toEqual(["市场与政策"]);
    expect(sessionToEvent(zh, session({ titleZh: "" })).summary).toBe("Opening Ceremony");
  });

  it("says in every session's text, and in the calendar's, that the program is illustrative", () => {
    expect(sessionToEvent(en, session()).description.startsWith("Illustrative session: the source article lists no sessions.")).toBe(true);
    expect(sessionToEvent(zh, session()).description.startsWith("示意议程：来源报道并未列出具体议程。")).toBe(true);
    expect(sessionToEvent(en, session({ status: "cancelled" })).description).toContain("\n\nIllustrative session:");
    const { vcalendar } = parse(serializeCalendar(sessionsCalendar(zh, { kind: "agenda" }, [session()])));
    expect(vcalendar.getFirstPropertyValue("x-wr-caldesc")).toContain("本议程仅为示意");
    const english = parse(serializeCalendar(sessionsCalendar(en, { kind: "agenda" }, [session()])));
    expect(english.vcalendar.getFirstPropertyValue("x-wr-caldesc")).toContain("This program is illustrative");
  });

  it("marks a cancelled session, in its status and its text", () => {
    const e = sessionToEvent(en, session({ status: "cancelled" }));
    expect(e.status).toBe("CANCELLED");
    expect(e.description.startsWith("This session has been cancelled.")).toBe(true);
    expect(sessionToEvent(en, session()).status).toBe("CONFIRMED");
  });
});

describe("serializeCalendar", () => {
  const body = serializeCalendar(
    sessionsCalendar(zh, { kind: "agenda" }, [
      session(),
      session({ id: 21, slug: "workshop", status: "cancelled", version: 3, titleZh: "工作坊：数据安全; 边界, 与\\权限", room: null, track: null, speakers: [] }),
    ]),
  );

  it("uses CRLF endings and lines of at most 75 octets", () => {
    expect(body.endsWith("\r\n")).toBe(true);
    const lines = body.slice(0, -2).split("\r\n");
    expect(lines.some((l) => l.includes("\n") || l.includes("\r"))).toBe(false);
    for (const l of lines) expect(Buffer.byteLength(l, "utf8")).toBeLessThanOrEqual(75);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
  });

  it("parses with ical.js back to what was put in", () => {
    const { vcalendar, events } = parse(body);
    expect(vcalendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(vcalendar.getFirstPropertyValue("calscale")).toBe("GREGORIAN");
    expect(vcalendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(vcalendar.getFirstPropertyValue("x-wr-calname")).toBe("2024中国汽车论坛");
    expect(vcalendar.getFirstPropertyValue("x-wr-timezone")).toBe("Asia/Shanghai");
    expect(events).toHaveLength(2);

    const [opening, workshop] = events.map((e) => new ICAL.Event(e));
    expect(opening!.uid).toBe("session-1@caf2024");
    expect(opening!.summary).toBe("开幕式");
    expect(opening!.location).toBe("主会场");
    expect(opening!.startDate.toJSDate().toISOString()).toBe("2024-07-11T01:00:00.000Z");
    expect(opening!.endDate.toJSDate().toISOString()).toBe("2024-07-11T01:30:00.000Z");
    expect(opening!.startDate.zone.tzid).toBe("UTC");
    expect(opening!.sequence).toBe(0);
    expect(opening!.description).toContain(session().abstractZh);
    const vevent = events[0]!;
    expect(String(vevent.getFirstPropertyValue("last-modified"))).toBe("2024-06-01T08:30:15Z");
    expect(String(vevent.getFirstPropertyValue("dtstamp"))).toBe("2024-06-01T08:30:15Z");
    expect(vevent.getFirstPropertyValue("url")).toBe("https://forum.example/zh-CN/sessions/opening-ceremony");
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(vevent.getFirstPropertyValue("categories")).toBe("市场与政策");

    expect(workshop!.summary).toBe("工作坊：数据安全; 边界, 与\\权限");
    expect(workshop!.sequence).toBe(2);
    expect(workshop!.location).toBeNull();
    expect(events[1]!.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("gives the same bytes for the same data, so that ETags hold", () => {
    const again = serializeCalendar(sessionsCalendar(zh, { kind: "agenda" }, [session(), session({ id: 21, slug: "workshop", status: "cancelled", version: 3, titleZh: "工作坊：数据安全; 边界, 与\\权限", room: null, track: null, speakers: [] })]));
    expect(again).toBe(body);
  });

  it("names each kind of feed", () => {
    const name = (ctx: FeedContext, kind: Parameters<typeof sessionsCalendar>[1]) => sessionsCalendar(ctx, kind, []).name;
    expect(name(en, { kind: "agenda" })).toBe("2024 China Auto Forum");
    expect(name(en, { kind: "session", title: { en: "Opening Ceremony", zh: "开幕式" } })).toBe("2024 China Auto Forum: Opening Ceremony");
    expect(name(zh, { kind: "speaker", name: { en: "Wang Yao", zh: null } })).toBe("2024中国汽车论坛：Wang Yao");
    expect(name(zh, { kind: "personal" })).toBe("2024中国汽车论坛：我的议程");
  });
});
