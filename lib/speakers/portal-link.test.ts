import { describe, expect, it } from "vitest";
import { expiryText, isPortalToken, linkExpiry, linkState, newPortalToken, portalLinkUrl, tokenHash } from "./portal-link";

describe("the speaker's link", () => {
  it("is 32 URL-safe characters, new each time, and stored only as its SHA-256", () => {
    const a = newPortalToken();
    const b = newPortalToken();
    expect(isPortalToken(a.token)).toBe(true);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(tokenHash(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token);
  });

  it("refuses anything that is not a token before a lookup", () => {
    for (const value of ["", "short", "x".repeat(33), "../../etc/passwd________________", 42, null, "' or 1=1 --_____________________"]) {
      expect(isPortalToken(value)).toBe(false);
    }
  });

  it("works 14 days, then is expired; a revoked link is revoked whatever its date", () => {
    const now = new Date("2026-12-03T00:00:00Z");
    const expiresAt = linkExpiry(now);
    expect(expiresAt.toISOString()).toBe("2026-12-17T00:00:00.000Z");
    expect(linkState({ expiresAt, revokedAt: null }, now)).toBe("active");
    expect(linkState({ expiresAt, revokedAt: null }, new Date(expiresAt.getTime() - 1))).toBe("active");
    expect(linkState({ expiresAt, revokedAt: null }, expiresAt)).toBe("expired");
    expect(linkState({ expiresAt, revokedAt: now }, now)).toBe("revoked");
    expect(linkState({ expiresAt, revokedAt: now }, new Date("2027-01-01T00:00:00Z"))).toBe("revoked");
  });

  it("is addressed in the speaker's language on the configured site", () => {
    expect(portalLinkUrl("https://forum.example/", "zh-CN", "T".repeat(32))).toBe(`https://forum.example/zh-CN/speaker/link/${"T".repeat(32)}`);
  });

  it("says when it stops in the forum's zone, naming it", () => {
    expect(expiryText(new Date("2026-12-17T01:30:00Z"), "en", "Asia/Shanghai")).toBe("17 December 2026 09:30 (UTC+8)");
    expect(expiryText(new Date("2026-12-17T01:30:00Z"), "zh-CN", "Asia/Shanghai")).toBe("2026年12月17日 09:30 (UTC+8)");
  });
});
