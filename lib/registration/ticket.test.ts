import { describe, expect, it } from "vitest";
import { isCode, isManageToken, manageToken, registrationCode } from "./codes";
import { ticketToken, verifyTicketToken } from "./ticket";

const key = Buffer.from("test-key-test-key-test-key-test-key");

describe("tickets", () => {
  it("verifies a token it signed and names its code", () => {
    const code = registrationCode();
    expect(isCode(code)).toBe(true);
    expect(verifyTicketToken(ticketToken(code, key), key)).toBe(code);
  });

  it("refuses a forged, altered or foreign token", () => {
    const token = ticketToken("CAF-ABCDEFGH", key);
    expect(verifyTicketToken(token.replace("CAF-ABCDEFGH", "CAF-ABCDEFGJ"), key)).toBeNull();
    expect(verifyTicketToken(token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA"), key)).toBeNull();
    expect(verifyTicketToken(ticketToken("CAF-ABCDEFGH", Buffer.from("another key")), key)).toBeNull();
    expect(verifyTicketToken("CAF-ABCDEFGH", key)).toBeNull();
    expect(verifyTicketToken("", key)).toBeNull();
  });
});

describe("manage tokens", () => {
  it("carry at least 128 random bits and never repeat", () => {
    const tokens = new Set(Array.from({ length: 1000 }, manageToken));
    expect(tokens.size).toBe(1000);
    for (const t of tokens) expect(isManageToken(t)).toBe(true);
    expect(Buffer.from([...tokens][0]!, "base64url").length * 8).toBeGreaterThanOrEqual(128);
  });
});
