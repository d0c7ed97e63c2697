import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, trustProxy } from "./client-address";

const headers = (init: Record<string, string>) => new Headers(init);

describe("clientAddress", () => {
  it("uses the address Next wrote for a direct connection", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "127.0.0.1" }), false)).toBe("127.0.0.1");
    expect(clientAddress(headers({ "x-forwarded-for": "::ffff:10.1.2.3" }), false)).toBe(
      "10.1.2.3",
    );
  });

  it("behind a trusted proxy, takes the first entry", () => {
    const h = headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.2", "x-real-ip": "10.0.0.2" });
    expect(clientAddress(h, true)).toBe("203.0.113.9");
  });

  it("without a trusted proxy, takes the nearest hop, never the client's claim", () => {
    const h = headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.2" });
    expect(clientAddress(h, false)).toBe("10.0.0.2");
    expect(clientAddress(headers({ "x-real-ip": "203.0.113.9" }), false)).toBe("unknown");
  });

  it("falls back to x-real-ip only behind a trusted proxy", () => {
    expect(clientAddress(headers({ "x-real-ip": "198.51.100.4" }), true)).toBe("198.51.100.4");
  });

  it("has one key when no address is known", () => {
    expect(clientAddress(headers({}), true)).toBe("unknown");
    expect(clientAddress(headers({ "x-forwarded-for": " , " }), false)).toBe("unknown");
  });
});

describe("normalizeAddress", () => {
  it("writes one address one way", () => {
    expect(normalizeAddress("::FFFF:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("192.0.2.1:5555")).toBe("192.0.2.1");
    expect(normalizeAddress("x".repeat(500))).toHaveLength(64);
  });
});

describe("trustProxy", () => {
  it("is on only when asked for", () => {
    expect(trustProxy("1")).toBe(true);
    expect(trustProxy("true")).toBe(true);
    expect(trustProxy(undefined)).toBe(false);
    expect(trustProxy("0")).toBe(false);
  });
});
