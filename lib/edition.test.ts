import { describe, expect, it } from "vitest";
import { editionDays, formatEditionDates } from "./edition";

describe("editionDays", () => {
  it("lists every day from the first to the last", () => {
    expect(editionDays("2024-07-11", "2024-07-13")).toEqual(["2024-07-11", "2024-07-12", "2024-07-13"]);
    expect(editionDays("2025-09-30", "2025-10-01")).toEqual(["2025-09-30", "2025-10-01"]);
    expect(editionDays("2025-03-01", "2025-03-01")).toEqual(["2025-03-01"]);
  });

  it("counts a leap day and crosses a year", () => {
    expect(editionDays("2028-02-28", "2028-03-01")).toHaveLength(3);
    expect(editionDays("2025-12-31", "2026-01-01")).toEqual(["2025-12-31", "2026-01-01"]);
  });

  it("refuses an end before the start and dates that do not exist", () => {
    expect(() => editionDays("2024-07-13", "2024-07-11")).toThrow(RangeError);
    expect(() => editionDays("2024-02-30", "2024-03-01")).toThrow(RangeError);
    expect(() => editionDays("11 July", "2024-07-13")).toThrow(RangeError);
  });
});

describe("formatEditionDates", () => {
  it("writes the seeded edition as its pages always have", () => {
    expect(formatEditionDates("2024-07-11", "2024-07-13", "en")).toBe("11–13 July 2024");
    expect(formatEditionDates("2024-07-11", "2024-07-13", "en", "span")).toBe("from 11 to 13 July 2024");
    expect(formatEditionDates("2024-07-11", "2024-07-13", "zh-CN")).toBe("2024年7月11日至13日");
  });

  it("names both months, or both years, when they differ", () => {
    expect(formatEditionDates("2025-09-30", "2025-10-02", "en")).toBe("30 September – 2 October 2025");
    expect(formatEditionDates("2025-09-30", "2025-10-02", "en", "span")).toBe("from 30 September to 2 October 2025");
    expect(formatEditionDates("2025-09-30", "2025-10-02", "zh-CN")).toBe("2025年9月30日至10月2日");
    expect(formatEditionDates("2025-12-31", "2026-01-01", "en")).toBe("31 December 2025 – 1 January 2026");
    expect(formatEditionDates("2025-12-31", "2026-01-01", "zh-CN")).toBe("2025年12月31日至2026年1月1日");
  });

  it("writes a one-day edition as one date", () => {
    expect(formatEditionDates("2025-03-01", "2025-03-01", "en")).toBe("1 March 2025");
    expect(formatEditionDates("2025-03-01", "2025-03-01", "en", "span")).toBe("on 1 March 2025");
    expect(formatEditionDates("2025-03-01", "2025-03-01", "zh-CN")).toBe("2025年3月1日");
  });
});
