import { describe, expect, it } from "vitest";
import { DEFAULT_HOURS, gridHours } from "./grid";

const at = (iso: string) => Date.parse(iso);

describe("the agenda editor's hours", () => {
  it("span the program on the edition's clocks, rounded out to the hour", () => {
    const sessions = [
      { startsAt: at("2024-07-11T01:30:00Z"), endsAt: at("2024-07-11T02:15:00Z") }, // 09:30–10:15 UTC+8
      { startsAt: at("2024-07-12T09:00:00Z"), endsAt: at("2024-07-12T09:45:00Z") }, // 17:00–17:45
    ];
    expect(gridHours(sessions, "Asia/Shanghai")).toEqual({ start: 9 * 60, end: 18 * 60 });
    // The same instants in Berlin (UTC+2) are 03:30 to 11:45.
    expect(gridHours(sessions, "Europe/Berlin")).toEqual({ start: 3 * 60, end: 12 * 60 });
  });

  it("keep a whole hour for a session on the hour, and end a session past midnight at 24:00", () => {
    expect(gridHours([{ startsAt: at("2025-01-01T10:00:00Z"), endsAt: at("2025-01-01T11:00:00Z") }], "UTC")).toEqual({ start: 600, end: 660 });
    expect(gridHours([{ startsAt: at("2025-01-01T22:00:00Z"), endsAt: at("2025-01-02T00:30:00Z") }], "UTC")).toEqual({ start: 1320, end: 1440 });
  });

  it("show a working day for an edition with no session", () => {
    expect(gridHours([], "Europe/Berlin")).toEqual(DEFAULT_HOURS);
  });
});
