import { describe, expect, it } from "vitest";
import {
  zoneName,
  daysBetween,
  formatDay,
  formatTime,
  formatTimeRange,
  minutesOfDay,
  offsetLabel,
  zonedDate,
  zonedToInstant,
} from "./time";

const SH = "Asia/Shanghai";

describe("zonedToInstant", () => {
  it("turns forum time into the UTC instant", () => {
    expect(zonedToInstant("2024-07-11", "09:00", SH).toISOString()).toBe("2024-07-11T01:00:00.000Z");
    expect(zonedToInstant("2024-07-13", "00:30", SH).toISOString()).toBe("2024-07-12T16:30:00.000Z");
  });

  it("handles a zone with daylight saving on both sides of the change", () => {
    expect(zonedToInstant("2024-03-09", "12:00", "America/New_York").toISOString()).toBe("2024-03-09T17:00:00.000Z");
    expect(zonedToInstant("2024-03-11", "12:00", "America/New_York").toISOString()).toBe("2024-03-11T16:00:00.000Z");
  });

  it("refuses what is not a date and a time", () => {
    expect(() => zonedToInstant("2024-7-11", "09:00", SH)).toThrow(RangeError);
    expect(() => zonedToInstant("2024-07-11", "24:00", SH)).toThrow(RangeError);
  });
});

describe("formatting in the forum's zone", () => {
  const opening = Date.parse("2024-07-11T01:00:00Z");

  it("shows forum time whatever the machine's zone", () => {
    expect(formatTime(opening, "en", SH)).toBe("09:00");
    expect(formatTime(opening, "zh-CN", SH)).toBe("09:00");
    expect(formatTimeRange(opening, opening + 45 * 60000, "en", SH)).toBe("09:00–09:45");
  });

  it("finds the forum day of an instant late in the UTC evening", () => {
    expect(zonedDate(Date.parse("2024-07-11T17:00:00Z"), SH)).toBe("2024-07-12");
    expect(minutesOfDay(opening, SH)).toBe(9 * 60);
  });

  it("labels the offset", () => {
    expect(offsetLabel(opening, SH)).toBe("UTC+8");
    expect(offsetLabel(opening, "UTC")).toBe("UTC");
    expect(offsetLabel(opening, "Asia/Kolkata")).toBe("UTC+5:30");
    expect(offsetLabel(opening, "America/Los_Angeles")).toBe("UTC-7");
  });

  it("names days in both languages", () => {
    expect(formatDay("2024-07-11", "en")).toBe("Thursday 11 July 2024");
    expect(formatDay("2024-07-11", "en", "short")).toBe("Thu 11 Jul");
    expect(formatDay("2024-07-11", "zh-CN")).toBe("2024年7月11日星期四");
    expect(formatDay("2024-07-25", "en", "date")).toBe("25 July 2024");
    expect(formatDay("2024-07-11", "zh-CN", "short")).toBe("7月11日周四");
  });
});

describe("daysBetween", () => {
  it("lists every day of the forum", () => {
    expect(daysBetween("2024-07-11", "2024-07-13")).toEqual(["2024-07-11", "2024-07-12", "2024-07-13"]);
    expect(daysBetween("2024-07-13", "2024-07-11")).toEqual([]);
  });
});

describe("zoneName", () => {
  it("names the zone in the reader's language, whatever the zone", () => {
    expect(zoneName("Asia/Shanghai", "en")).toBe("China Standard Time");
    expect(zoneName("Asia/Shanghai", "zh-CN")).toBe("中国标准时间");
    expect(zoneName("Europe/Berlin", "en")).toBe("Central European Time");
    expect(zoneName("Europe/Berlin", "zh-CN")).toBe("中欧时间");
  });

  it("falls back to the IANA city where the locale has only an offset", () => {
    expect(zoneName("Etc/GMT-3", "en")).toBe("GMT-3");
    expect(zoneName("UTC", "zh-CN")).toBe("UTC");
  });
});
