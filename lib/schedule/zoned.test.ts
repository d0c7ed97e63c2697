import { describe, expect, it } from "vitest";
import { durationText, offsetText, zonedClock, zonedIso } from "./zoned";

describe("zoned times", () => {
  it("writes an instant as forum time with the offset", () => {
    const opening = Date.UTC(2024, 6, 11, 1, 0);
    expect(zonedIso(opening, "Asia/Shanghai")).toBe("2024-07-11T09:00:00+08:00");
    expect(zonedClock(opening, "Asia/Shanghai")).toBe("09:00");
    // Late in the UTC day is the next day in Shanghai.
    expect(zonedIso(Date.UTC(2024, 6, 12, 16, 30, 15), "Asia/Shanghai")).toBe(
      "2024-07-13T00:30:15+08:00",
    );
  });

  it("writes offsets west of UTC, in half hours, and of zero", () => {
    expect(zonedIso(Date.UTC(2024, 6, 11, 12, 0), "America/St_Johns")).toBe(
      "2024-07-11T09:30:00-02:30",
    );
    expect(zonedIso(Date.UTC(2024, 0, 1, 0, 0), "UTC")).toBe("2024-01-01T00:00:00+00:00");
    expect(offsetText(330)).toBe("+05:30");
    expect(offsetText(-600)).toBe("-10:00");
  });

  it("writes durations as hours and minutes", () => {
    expect(durationText(30)).toBe("00:30");
    expect(durationText(90)).toBe("01:30");
    expect(durationText(600)).toBe("10:00");
    expect(durationText(-5)).toBe("00:00");
  });
});
