import { describe, expect, it } from "vitest";
import { isManageToken } from "./formats";
import { deriveToken, newLink, tokenHash } from "./secret-links";

const secret = Buffer.from("a-test-secret-of-enough-length-000");

describe("secret links", () => {
  it("stores nothing that is the token, and derives the same token from the seed again", () => {
    const link = newLink(secret, "manage");
    expect(isManageToken(link.token)).toBe(true);
    expect(link.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(link.hash).not.toContain(link.token);
    expect(link.seed).not.toBe(link.token);
    expect(deriveToken(secret, "manage", link.seed)).toBe(link.token);
    expect(tokenHash(link.token)).toBe(link.hash);
  });

  it("needs the server secret: the seed alone, or another secret, gives another token", () => {
    const link = newLink(secret, "manage");
    expect(deriveToken(Buffer.from("another-secret-000000000000000000"), "manage", link.seed)).not.toBe(link.token);
  });

  it("gives the calendar feed and the manage link different tokens from one seed", () => {
    const link = newLink(secret, "calendar");
    expect(deriveToken(secret, "manage", link.seed)).not.toBe(link.token);
  });

  it("gives every link its own token", () => {
    const tokens = new Set(Array.from({ length: 500 }, () => newLink(secret, "manage").token));
    expect(tokens.size).toBe(500);
  });
});
