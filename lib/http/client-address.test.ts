import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress } from "./client-address";

const headers = (init: Record<string, string>) => new Headers(init);

describe("clientAddress", () => {
  it("uses the address Next wrote for a direct connection", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "127.0.0.1" }), 0)).toBe("127.0.0.1");
    expect(clientAddress(headers({ "x-forwarded-for": "::ffff:10.1.2.3" }), 0)).toBe("10.1.2.3");
  });

  it("behind one trusted proxy, takes the entry it appended: the rightmost", () => {
    const h = headers({ "x-forwarded-for": "203.0.113.9, 198.51.100.7", "x-real-ip": "10.0.0.2" });
    expect(clientAddress(h, 1)).toBe("198.51.100.7");
  });

  it("never believes what a client wrote to the left of what the trusted proxies appended", () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
    const forged = headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" });
    expect(clientAddress(forged, 1)).toBe("198.51.100.7");
    // Two proxies: the outer one appended the client, the inner one appended the outer proxy.
    const twoHops = headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.7, 10.0.0.5" });
    expect(clientAddress(twoHops, 2)).toBe("198.51.100.7");
  });

  it("with fewer entries than trusted hops, takes the leftmost", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "198.51.100.7" }), 3)).toBe("198.51.100.7");
  });

  it("without a trusted proxy, takes the nearest hop, never the client's claim", () => {
    const h = headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.2" });
    expect(clientAddress(h, 0)).toBe("10.0.0.2");
    expect(clientAddress(headers({ "x-real-ip": "203.0.113.9" }), 0)).toBe("unknown");
  });

  it("falls back to x-real-ip only behind a trusted proxy", () => {
    expect(clientAddress(headers({ "x-real-ip": "198.51.100.4" }), 1)).toBe("198.51.100.4");
  });

  it("has one key when no address is known", () => {
    expect(clientAddress(headers({}), 1)).toBe("unknown");
    expect(clientAddress(headers({ "x-forwarded-for": " , " }), 0)).toBe("unknown");
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
