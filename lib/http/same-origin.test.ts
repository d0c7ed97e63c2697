import { describe, expect, it } from "vitest";
import { changesData, sameOrigin } from "./same-origin";

const post = (headers: Record<string, string>) =>
  new Request("http://forum.test/api/checkin", { method: "POST", headers: { host: "forum.test", ...headers } });

describe("sameOrigin", () => {
  it("lets our own pages and non-browser clients through", () => {
    expect(sameOrigin(post({ origin: "http://forum.test", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(sameOrigin(post({}))).toBe(true);
    expect(sameOrigin(post({ "sec-fetch-site": "none" }))).toBe(true);
  });

  it("refuses another site, a sibling subdomain, a null or garbled origin", () => {
    expect(sameOrigin(post({ origin: "https://evil.example" }))).toBe(false);
    expect(sameOrigin(post({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(sameOrigin(post({ "sec-fetch-site": "same-site", origin: "http://forum.test" }))).toBe(false);
    expect(sameOrigin(post({ origin: "null" }))).toBe(false);
    expect(sameOrigin(post({ origin: "http://forum.test.evil.example" }))).toBe(false);
  });

  it("compares with the host a trusted proxy forwarded", () => {
    expect(sameOrigin(post({ origin: "https://forum.example.cn", "x-forwarded-host": "forum.example.cn" }), 1)).toBe(true);
    // The entry the proxy appended, not one the client sent before it.
    expect(sameOrigin(post({ origin: "https://evil.example", "x-forwarded-host": "evil.example, forum.example.cn" }), 1)).toBe(false);
  });

  it("without a trusted proxy, ignores X-Forwarded-Host: it is the client's own word", () => {
    expect(sameOrigin(post({ origin: "https://evil.example", "x-forwarded-host": "evil.example" }), 0)).toBe(false);
    expect(sameOrigin(post({ origin: "http://forum.test", "x-forwarded-host": "evil.example" }), 0)).toBe(true);
  });
});

describe("changesData", () => {
  it("is false only for the safe methods", () => {
    expect(["GET", "head", "OPTIONS"].map(changesData)).toEqual([false, false, false]);
    expect(["POST", "PUT", "PATCH", "delete"].map(changesData)).toEqual([true, true, true, true]);
  });
});
