import { describe, expect, it } from "vitest";
import { admissionFor, effectiveMode, holdExpired, holdMinutes } from "./mode";

describe("effectiveMode", () => {
  it("takes the console's choice, then REGISTRATION_MODE, then confirm", () => {
    expect(effectiveMode("approval", "open")).toBe("approval");
    expect(effectiveMode(null, "open")).toBe("open");
    expect(effectiveMode(null, " Approval ")).toBe("approval");
    expect(effectiveMode(null, undefined)).toBe("confirm");
    expect(effectiveMode("bogus", "nonsense")).toBe("confirm");
  });
});

describe("admissionFor", () => {
  it("confirms at once only in open mode", () => {
    expect(admissionFor("open", false)).toBe("immediate");
    expect(admissionFor("open", true)).toBe("immediate");
    expect(admissionFor("confirm", false)).toBe("email");
    expect(admissionFor("confirm", true)).toBe("email");
  });

  it("lets an invitation code stand for the organizer's approval", () => {
    expect(admissionFor("approval", false)).toBe("approval");
    expect(admissionFor("approval", true)).toBe("email");
  });
});

describe("holds", () => {
  it("last the configured minutes, 30 by default", () => {
    expect(holdMinutes(null)).toBe(30);
    expect(holdMinutes(5)).toBe(5);
    expect(holdMinutes(0)).toBe(30);
  });

  it("expire at their instant, not before", () => {
    const until = new Date(1_000_000);
    expect(holdExpired(until, 999_999)).toBe(false);
    expect(holdExpired(until, 1_000_000)).toBe(true);
    expect(holdExpired(null, 5)).toBe(false);
  });
});

describe("the console's mode form", async () => {
  const { modeSettingsSchema } = await import("./mode-input");
  it("takes a mode and whole minutes from 1 to a week", () => {
    expect(modeSettingsSchema.parse({ mode: "approval", holdMinutes: "15" })).toEqual({ mode: "approval", holdMinutes: 15 });
    expect(modeSettingsSchema.safeParse({ mode: "closed", holdMinutes: "15" }).error?.issues[0]?.message).toBe("invalidMode");
    for (const holdMinutes of ["0", "10081", "1.5", ""]) {
      expect(modeSettingsSchema.safeParse({ mode: "open", holdMinutes }).error?.issues[0]?.message).toBe("invalidHold");
    }
  });
});
