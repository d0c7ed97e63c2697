import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, inlineScriptHashes, overHttps, securityHeaders } from "./security-headers.mjs";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("inlineScriptHashes", () => {
  it("hashes the exact bytes of each inline script, once, and skips scripts with src", () => {
    const a = 'self.__next_f.push([1,"会议 \\u003c/b\\u003e"])';
    const html = `<html><script src="/_next/a.js" async=""></script><script>${a}</script><script id="x">${a}</script><SCRIPT type="module">b()</SCRIPT></html>`;
    expect(inlineScriptHashes(Buffer.from(html))).toEqual([sha(a), sha("b()")]);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts from this site and the listed hashes only, and no framing", () => {
    const policy = contentSecurityPolicy(["'sha256-abc='"]);
    expect(policy).toContain("script-src 'self' 'sha256-abc='");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy([], true)).toContain("upgrade-insecure-requests");
  });
});

describe("securityHeaders", () => {
  it("allows the camera on the check-in page only, and HSTS over HTTPS only", () => {
    expect(securityHeaders("/en/checkin")["permissions-policy"]).toMatch(/^camera=\(self\)/);
    expect(securityHeaders("/zh-CN/checkin?day=2024-07-12")["permissions-policy"]).toMatch(/^camera=\(self\)/);
    expect(securityHeaders("/en/checkin-fake")["permissions-policy"]).toMatch(/^camera=\(\)/);
    expect(securityHeaders("/en/agenda")["permissions-policy"]).toMatch(/^camera=\(\)/);
    expect(securityHeaders("/en")["strict-transport-security"]).toBeUndefined();
    expect(securityHeaders("/en", true)["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    const req = { socket: {}, headers: { "x-forwarded-proto": "https" } };
    expect(overHttps(req, 0)).toBe(false);
    expect(overHttps(req, 1)).toBe(true);
    expect(overHttps({ socket: { encrypted: true }, headers: {} }, 0)).toBe(true);
    // The entry the trusted proxy appended, not the one the client sent before it.
    expect(overHttps({ socket: {}, headers: { "x-forwarded-proto": "https, http" } }, 1)).toBe(false);
  });
});
