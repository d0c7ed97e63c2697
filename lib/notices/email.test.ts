import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { diffSchedule, type ScheduleEntry } from "../agenda-editor/changelog";
import type { FeedContext, FeedSession } from "../ics/session-event";
import { seededEdition } from "../test-fixtures/edition";
import { sessionNotices } from "./affected";
import { renderChangeNotice, type NoticeEmailInput } from "./email";
import { noticeAttachment } from "./ics";

// 09:00–10:00 forum time on the seeded edition's first day, moved to 14:00–15:00 on its second.
const entry = (over: Partial<ScheduleEntry> = {}): ScheduleEntry => ({
  id: 7,
  slug: "battery-roundtable",
  status: "published",
  titleEn: "Battery Roundtable",
  titleZh: "电池圆桌",
  startsAt: Date.parse("2024-07-11T01:00:00Z"),
  endsAt: Date.parse("2024-07-11T02:00:00Z"),
  roomId: 1,
  roomEn: "Hall A",
  roomZh: "A厅",
  details: "[]",
  ...over,
});

const moved = sessionNotices(
  diffSchedule(
    [entry(), entry({ id: 8, slug: "closing", titleEn: "Closing Talk", titleZh: "闭幕演讲" })],
    [
      entry({ startsAt: Date.parse("2024-07-12T06:00:00Z"), endsAt: Date.parse("2024-07-12T07:00:00Z"), roomId: 2, roomEn: "Hall B", roomZh: "B厅" }),
      entry({ id: 8, slug: "closing", titleEn: "Closing Talk", titleZh: "闭幕演讲", status: "cancelled" }),
    ],
  ),
);

const input = (over: Partial<NoticeEmailInput> = {}): NoticeEmailInput => ({
  audience: "attendee",
  locale: "en",
  fullName: "Alex Example",
  edition: seededEdition,
  versionNumber: 4,
  sessions: moved,
  agendaUrl: "https://forum.example/en/ticket/manage-token#my-agenda-heading",
  stopUrl: "https://forum.example/en/notices/stop-token",
  ...over,
});

describe("renderChangeNotice", () => {
  it("lists the person's changes before and after, in the edition's zone, in English", () => {
    const email = renderChangeNotice(input());
    expect(email.subject).toBe(`Programme change at the ${seededEdition.nameEn}: 2 of your sessions`);
    expect(email.text).toContain("Dear Alex Example,");
    expect(email.text).toContain("(version 4)");
    expect(email.text).toContain("“Battery Roundtable”");
    // 01:00Z is 09:00 in Shanghai; 06:00Z the next day is 14:00.
    expect(email.text).toContain("Time: Thu 11 Jul 09:00–10:00 → Fri 12 Jul 14:00–15:00");
    expect(email.text).toContain("Room: Hall A → Hall B");
    expect(email.text).toContain("Status: Cancelled (it was to take place Thu 11 Jul 09:00–10:00, Hall A)");
    expect(email.text).toContain("(UTC+8, Asia/Shanghai)");
    expect(email.text).toContain("https://forum.example/en/ticket/manage-token#my-agenda-heading");
    expect(email.text).toContain("https://forum.example/en/notices/stop-token");
    expect(email.html).toContain('<a href="https://forum.example/en/notices/stop-token"');
    expect(email.html).toContain("Hall A → Hall B");
  });

  it("writes the same notice in Simplified Chinese", () => {
    const email = renderChangeNotice(input({ locale: "zh-CN", fullName: "测试者" }));
    expect(email.subject).toBe(`${seededEdition.nameZh}：您关注的2个场次有变动`);
    expect(email.text).toContain("尊敬的测试者：");
    expect(email.text).toContain("第4版");
    expect(email.text).toContain("“电池圆桌”");
    expect(email.text).toMatch(/时间：7月11日周四 09:00–10:00 → 7月12日周五 14:00–15:00/);
    expect(email.text).toContain("会场：A厅 → B厅");
    expect(email.text).toContain("状态：已取消（原定7月11日周四 09:00–10:00，A厅）");
    expect(email.html).toContain(">停止接收变动通知</a>");
    expect(email.text).not.toContain("Hall A");
  });

  it("shows only the sessions it is given: another person's changes are not in it", () => {
    const email = renderChangeNotice(input({ sessions: moved.filter((s) => s.sessionId === 8) }));
    expect(email.subject).toContain("one of your sessions");
    expect(email.text).not.toContain("Battery Roundtable");
  });

  it("tells a speaker of the sessions they speak at, links their portal, and offers no stop link", () => {
    const speaker = { audience: "speaker" as const, stopUrl: undefined, agendaUrl: "https://forum.example/en/speaker" };
    const email = renderChangeNotice(input(speaker));
    expect(email.subject).toBe(`Programme change at the ${seededEdition.nameEn}: 2 sessions you speak at`);
    expect(email.text).toContain("It changes 2 sessions you speak at:");
    expect(email.text).toContain("Time: Thu 11 Jul 09:00–10:00 → Fri 12 Jul 14:00–15:00");
    expect(email.text).toContain("Your speaker portal shows your sessions as they are now");
    expect(email.text).toContain("https://forum.example/en/speaker");
    expect(email.text).toContain("because you are a speaker of these sessions");
    expect(email.text).not.toContain("/notices/");
    expect(email.text).not.toContain("starred or booked");
    const zh = renderChangeNotice(input({ ...speaker, locale: "zh-CN", fullName: "测试嘉宾", agendaUrl: "https://forum.example/zh-CN/speaker" }));
    expect(zh.subject).toBe(`${seededEdition.nameZh}：您演讲的2个场次有变动`);
    expect(zh.text).toContain("您担任演讲嘉宾的2个场次");
    expect(zh.text).toContain("您的演讲嘉宾页面显示这些场次的最新安排");
    expect(zh.text).not.toContain("停止接收变动通知");
  });

  it("keeps a name with a line break out of the greeting's structure, and escapes HTML", () => {
    const email = renderChangeNotice(input({ fullName: "Alex\n<b>Example</b>" }));
    expect(email.text).toContain("Dear Alex <b>Example</b>,");
    expect(email.html).toContain("Dear Alex &lt;b&gt;Example&lt;/b&gt;,");
  });
});

const feedSession = (over: Partial<FeedSession> = {}): FeedSession => ({
  id: 7,
  slug: "battery-roundtable",
  status: "published",
  startsAt: new Date("2024-07-12T06:00:00Z"),
  endsAt: new Date("2024-07-12T07:00:00Z"),
  updatedAt: new Date("2024-07-01T00:00:00Z"),
  version: 3,
  titleEn: "Battery Roundtable",
  titleZh: "电池圆桌",
  abstractEn: "",
  abstractZh: "",
  room: { nameEn: "Hall B", nameZh: "B厅" },
  track: null,
  speakers: [],
  ...over,
});

const ctx = (locale: FeedContext["locale"]): FeedContext => ({ locale, baseUrl: "https://forum.example", event: { ...seededEdition, slug: "caf2024" } });

function vevent(content: string) {
  const cal = new ICAL.Component(ICAL.parse(content));
  return { cal, event: cal.getFirstSubcomponent("vevent")! };
}

describe("noticeAttachment", () => {
  it("updates the feed's entry: same UID, the SEQUENCE of the new version, METHOD:PUBLISH", () => {
    const file = noticeAttachment(ctx("en"), feedSession());
    const { cal, event } = vevent(file.content);
    expect(file.filename).toBe("caf2024-battery-roundtable.ics");
    expect(file.contentType).toBe("text/calendar; charset=utf-8; method=PUBLISH");
    expect(cal.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(event.getFirstPropertyValue("uid")).toBe("session-7@caf2024");
    // The feeds write version - 1: version 3 is sequence 2, higher than the feed's before (1 or 0).
    expect(event.getFirstPropertyValue("sequence")).toBe(2);
    expect(event.getFirstPropertyValue("location")).toBe("Hall B");
    expect(cal.getFirstPropertyValue("refresh-interval")).toBeNull();
  });

  it("cancels a cancelled session with METHOD:CANCEL and STATUS:CANCELLED, in the reader's language", () => {
    const file = noticeAttachment(ctx("zh-CN"), feedSession({ status: "cancelled", version: 5 }));
    const { cal, event } = vevent(file.content);
    expect(file.contentType).toBe("text/calendar; charset=utf-8; method=CANCEL");
    expect(cal.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.getFirstPropertyValue("sequence")).toBe(4);
    expect(event.getFirstPropertyValue("summary")).toBe("电池圆桌");
  });
});
