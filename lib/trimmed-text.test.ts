import { describe, expect, it } from "vitest";
import { trimmedText } from "./trimmed-text";

const codeOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : result.error?.issues[0]?.message;

describe("trimmedText", () => {
  it("keeps the text without the spaces at its ends, and counts its length after trimming", () => {
    expect(trimmedText(5, { required: true }).parse("  abcde  ")).toBe("abcde");
    expect(codeOf(trimmedText(5, { required: true }).safeParse("abcdef"))).toBe("tooLong");
  });

  it("refuses a blank value only where the field is required", () => {
    expect(codeOf(trimmedText(5, { required: true }).safeParse("   "))).toBe("required");
    expect(trimmedText(5, { required: false }).parse("   ")).toBe("");
  });

  it("refuses what is not a string", () => {
    expect(codeOf(trimmedText(5, { required: false }).safeParse(7))).toBe("invalidType");
    expect(codeOf(trimmedText(5, { required: false }).safeParse(null))).toBe("invalidType");
  });
});
