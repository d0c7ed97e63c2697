import { describe, expect, it } from "vitest";
import { trustedEntry, trustedHops } from "./trust-proxy.mjs";

describe("trustedHops", () => {
  it("reads TRUST_PROXY one way everywhere: a number of proxies, true meaning 1", () => {
    expect(trustedHops(undefined)).toBe(0);
    expect(trustedHops("")).toBe(0);
    expect(trustedHops("0")).toBe(0);
    expect(trustedHops("false")).toBe(0);
    expect(trustedHops("1")).toBe(1);
    expect(trustedHops("true")).toBe(1);
    expect(trustedHops(" TRUE ")).toBe(1);
    expect(trustedHops("2")).toBe(2);
  });

  it("refuses a value that is none of these, rather than guessing", () => {
    for (const value of ["yes", "-1", "1.5", "01", "loopback", "100"]) {
      expect(() => trustedHops(value), value).toThrow(/TRUST_PROXY/);
    }
  });
});

describe("trustedEntry", () => {
  it("counts hops from the right", () => {
    expect(trustedEntry("a, b, c", 1)).toBe("c");
    expect(trustedEntry("a, b, c", 2)).toBe("b");
    expect(trustedEntry("a,b,c", 5)).toBe("a");
    expect(trustedEntry(" , ", 1)).toBeUndefined();
    expect(trustedEntry(null, 1)).toBeUndefined();
  });
});
