import { describe, expect, it } from "vitest";
import { checkOffset, formatOffset, isoDuration, parseOffset } from "./offset";

describe("a moment in a recording", () => {
  it.each([
    ["754", 754],
    ["12:34", 754],
    ["1:02:03", 3723],
    ["0:00", 0],
    ["  5:07 ", 307],
  ])("reads %s as %i seconds", (raw, seconds) => {
    expect(parseOffset(raw)).toEqual({ ok: true, seconds });
  });

  it("reads an empty field as no moment", () => {
    expect(parseOffset("  ")).toEqual({ ok: true, seconds: null });
  });

  it.each([
    ["-5", "offsetNegative"],
    ["-0:30", "offsetNegative"],
    ["12:60", "offsetInvalid"],
    ["1:60:00", "offsetInvalid"],
    ["1.5", "offsetInvalid"],
    ["ten", "offsetInvalid"],
    ["99:59:59", "offsetInvalid"],
  ])("refuses %s", (raw, error) => {
    expect(parseOffset(raw)).toEqual({ ok: false, error });
  });

  it("must fall within the recording's known length", () => {
    expect(checkOffset(600, 3600)).toBeNull();
    expect(checkOffset(3600, 3600)).toBeNull();
    expect(checkOffset(3601, 3600)).toBe("offsetBeyondRecording");
    expect(checkOffset(-1, 3600)).toBe("offsetNegative");
    // An unknown length bounds nothing.
    expect(checkOffset(50_000, null)).toBeNull();
  });

  it("is written as a clock and as an ISO duration", () => {
    expect(formatOffset(754)).toBe("12:34");
    expect(formatOffset(3723)).toBe("1:02:03");
    expect(formatOffset(5)).toBe("0:05");
    expect(isoDuration(3723)).toBe("PT1H2M3S");
    expect(isoDuration(0)).toBe("PT0S");
    expect(isoDuration(600)).toBe("PT10M");
  });
});
