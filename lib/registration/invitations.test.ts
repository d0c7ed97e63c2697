import { describe, expect, it } from "vitest";
import { invitationCode, invitationField, invitationSchema, isInvitationCode, normalizeInvitationCode } from "./invitations";

describe("invitation codes", () => {
  it("are INV- and eight characters that cannot be misread", () => {
    const code = invitationCode((n) => Uint8Array.from({ length: n }, (_, i) => i * 37));
    expect(isInvitationCode(code)).toBe(true);
    expect(code.slice(4)).not.toMatch(/[01OIL]/);
  });

  it("forgive case and spaces, and refuse other shapes", () => {
    expect(normalizeInvitationCode("  inv-abcd2345 ")).toBe("INV-ABCD2345");
    expect(isInvitationCode("INV-ABCD2345")).toBe(true);
    expect(isInvitationCode("INV-ABCD0345")).toBe(false);
    expect(isInvitationCode("CAF-ABCD2345")).toBe(false);
  });

  it("are optional on the registration form, and checked for shape when given", () => {
    expect(invitationField.parse(undefined)).toBeNull();
    expect(invitationField.parse("")).toBeNull();
    expect(invitationField.parse("inv-abcd2345")).toBe("INV-ABCD2345");
    expect(invitationField.safeParse("hello").error?.issues[0]?.message).toBe("invalidInvitation");
  });

  it("are created with a label and between 1 and 1000 uses", () => {
    expect(invitationSchema.parse({ label: " Delegation ", maxUses: "12" })).toEqual({ label: "Delegation", maxUses: 12 });
    for (const maxUses of ["0", "1001", "2.5", "x"]) {
      expect(invitationSchema.safeParse({ label: "A", maxUses }).error?.issues[0]?.message).toBe("invalidUses");
    }
    expect(invitationSchema.safeParse({ label: " ", maxUses: "3" }).error?.issues[0]?.message).toBe("required");
  });
});
