import { describe, expect, it } from "vitest";
import { onePerAddress } from "./audience";
import { renderAnnouncement } from "./email";
import { readAnnouncement, readAudience } from "./input";
import { DEFAULT_RATE_PER_MINUTE, dueTimes, intervalMs, ratePerMinute } from "./pace";

const DAYS = ["2031-05-20", "2031-05-21"];
const edition = { nameEn: "Invented Forum", nameZh: "虚构论坛", venueEn: "Invented Hall", venueZh: "虚构会堂", timeZone: "Asia/Shanghai", startDate: DAYS[0]!, endDate: DAYS[1]! };

function form(fields: Record<string, string | string[]>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
}
const valid = { subjectEn: "Doors", subjectZh: "开门", bodyEn: "Open at 8.", bodyZh: "八点开门。", kind: "news", groups: ["confirmed", "speakers"] };

describe("the rate", () => {
  it("defaults to 60 a minute, and reads a positive number from the environment", () => {
    expect(ratePerMinute(undefined)).toBe(DEFAULT_RATE_PER_MINUTE);
    expect(ratePerMinute("")).toBe(60);
    expect(ratePerMinute("abc")).toBe(60);
    expect(ratePerMinute("-5")).toBe(60);
    expect(ratePerMinute("0")).toBe(60);
    expect(ratePerMinute("120")).toBe(120);
    expect(intervalMs(60)).toBe(1000);
    expect(intervalMs(7)).toBe(8571);
  });

  it("spaces the emails one interval apart, after what is already scheduled", () => {
    expect(dueTimes(3, 10_000, 60)).toEqual([10_000, 11_000, 12_000]);
    expect(dueTimes(2, 10_000, 30, 15_000)).toEqual([17_000, 19_000]);
    // Something scheduled long ago does not pull the new ones into the past.
    expect(dueTimes(1, 10_000, 60, 1_000)).toEqual([10_000]);
    expect(dueTimes(0, 10_000, 60)).toEqual([]);
  });
});

describe("the form", () => {
  it("reads both languages, the kind and the audience", () => {
    const read = readAnnouncement(form({ ...valid, days: ["2031-05-21"], categories: ["media"], checkedIn: "on" }), DAYS);
    expect(read).toEqual({
      ok: true,
      value: { subjectEn: "Doors", subjectZh: "开门", bodyEn: "Open at 8.", bodyZh: "八点开门。", kind: "news", audience: { groups: ["confirmed", "speakers"], days: ["2031-05-21"], categories: ["media"], checkedIn: true } },
    });
  });

  it("names every missing or wrong field at once", () => {
    expect(readAnnouncement(form({ kind: "spam", groups: [] }), DAYS)).toEqual({
      ok: false,
      errors: { subjectEn: "required", subjectZh: "required", bodyEn: "required", bodyZh: "required", kind: "invalid", groups: "noGroup" },
    });
    expect(readAnnouncement(form({ ...valid, subjectEn: "x".repeat(201) }), DAYS)).toEqual({ ok: false, errors: { subjectEn: "tooLong" } });
    expect(readAudience(form({ kind: "service", groups: ["confirmed", "admins"] }), DAYS)).toEqual({ ok: false, errors: { groups: "invalid" } });
    expect(readAudience(form({ kind: "service", groups: "confirmed", days: "2024-07-11" }), DAYS)).toEqual({ ok: false, errors: { days: "badDay" } });
    expect(readAudience(form({ kind: "service", groups: "confirmed", categories: "vip" }), DAYS)).toEqual({ ok: false, errors: { categories: "invalid" } });
  });
});

describe("the email", () => {
  it("is written in the person's language, paragraph by paragraph, with the kind's note", () => {
    const text = { subjectEn: "Doors", subjectZh: "开门", bodyEn: "First <b>line</b>.\n\nSecond.", bodyZh: "第一段。\n\n第二段。" };
    const en = renderAnnouncement({ locale: "en", name: "Ada\nExample", kind: "news", text, edition });
    expect(en.subject).toBe("Doors");
    expect(en.text).toContain("Dear Ada Example,\n\nFirst <b>line</b>.\n\nSecond.");
    expect(en.text).toContain("because you asked to hear from the forum");
    expect(en.html).toContain("First &lt;b&gt;line&lt;/b&gt;.");
    const zh = renderAnnouncement({ locale: "zh-CN", name: "李明", kind: "service", text, edition });
    expect(zh.subject).toBe("开门");
    expect(zh.text).toContain("尊敬的李明：\n\n第一段。\n\n第二段。");
    expect(zh.text).not.toContain("Second.");
    const test = renderAnnouncement({ locale: "en", name: null, kind: "service", text, edition, test: true });
    expect(test.subject).toBe("[TEST] Doors");
    expect(test.text).not.toContain("Dear");
  });

  it("one recipient per address, the registration before the speaker invitation", () => {
    const list = onePerAddress([
      { email: "a@example.test", name: "A", locale: "en", registrationId: null, speakerId: 1 },
      { email: " A@Example.test", name: "A", locale: "zh-CN", registrationId: 5, speakerId: null },
      { email: "b@example.test", name: "B", locale: "en", registrationId: 6, speakerId: null },
    ]);
    expect(list.map((c) => [c.registrationId, c.locale])).toEqual([
      [5, "zh-CN"],
      [6, "en"],
    ]);
  });
});
