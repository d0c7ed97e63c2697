import { describe, expect, it } from "vitest";
import { addDays, dayDifference, shiftSession } from "./copy";

const shanghai = { startDate: "2024-07-11", timeZone: "Asia/Shanghai" };
const berlin = { startDate: "2025-09-30", timeZone: "Europe/Berlin" };

describe("copying a session into a new edition", () => {
  it("counts the days between two first days, either way", () => {
    expect(dayDifference("2024-07-11", "2025-09-30")).toBe(446);
    expect(dayDifference("2025-09-30", "2024-07-11")).toBe(-446);
    expect(dayDifference("2024-07-11", "2024-07-11")).toBe(0);
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
  });

  it("keeps the wall-clock time, read in the new edition's zone, on the matching day", () => {
    // 09:30–10:15 on the second day in Shanghai (UTC+8) …
    const startsAt = Date.parse("2024-07-12T01:30:00Z");
    const endsAt = Date.parse("2024-07-12T02:15:00Z");
    const moved = shiftSession({ startsAt, endsAt }, shanghai, berlin);
    // … is 09:30–10:15 on the second day in Berlin, summer time (UTC+2).
    expect(new Date(moved.startsAt).toISOString()).toBe("2025-10-01T07:30:00.000Z");
    expect(new Date(moved.endsAt).toISOString()).toBe("2025-10-01T08:15:00.000Z");
  });

  it("follows the new zone's offset on the new day, not the old one's", () => {
    // Berlin leaves summer time on 2025-10-26: 09:00 there is 08:00 UTC afterwards.
    const late = { startDate: "2025-10-27", timeZone: "Europe/Berlin" };
    const moved = shiftSession({ startsAt: Date.parse("2024-07-11T01:00:00Z"), endsAt: Date.parse("2024-07-11T02:00:00Z") }, shanghai, late);
    expect(new Date(moved.startsAt).toISOString()).toBe("2025-10-27T08:00:00.000Z");
  });
});
