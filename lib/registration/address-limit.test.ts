import { describe, expect, it } from "vitest";
import { addressGroup, addressKey, expandIpv6, registrationsPerHour, retryAfterSeconds } from "./address-limit";

describe("addressGroup", () => {
  it("keeps an IPv4 address whole", () => {
    expect(addressGroup("203.0.113.7")).toBe("203.0.113.7");
    expect(addressGroup("203.0.113.8")).not.toBe(addressGroup("203.0.113.7"));
  });

  it("groups IPv6 addresses by their /64, however they are written", () => {
    const a = addressGroup("2001:db8:1:2::1");
    expect(a).toBe("2001:db8:1:2::/64");
    expect(addressGroup("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff")).toBe(a);
    expect(addressGroup("2001:db8:1:2:abcd::9%eth0")).toBe(a);
    expect(addressGroup("2001:db8:1:3::1")).not.toBe(a);
  });

  it("counts an IPv4-mapped address as the IPv4 client", () => {
    expect(addressGroup("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressGroup("::ffff:cb00:7107")).toBe("203.0.113.7");
  });

  it("leaves text that is no address as it is", () => {
    expect(addressGroup("unknown")).toBe("unknown");
    expect(addressGroup("1:2:3")).toBe("1:2:3");
    expect(expandIpv6("1::2::3")).toBeNull();
    expect(expandIpv6("::ffff:300.1.1.1")).toBeNull();
    expect(expandIpv6("1:2:3:4:5:6:7:8")).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(expandIpv6("::")).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe("addressKey", () => {
  it("is the same for one /64, differs by secret, and holds no address", () => {
    const key = addressKey("2001:db8:1:2::1", "s1");
    expect(addressKey("2001:db8:1:2::99", "s1")).toBe(key);
    expect(addressKey("2001:db8:1:2::1", "s2")).not.toBe(key);
    expect(key).not.toContain("2001");
    expect(addressKey("203.0.113.7", "s1")).not.toBe(addressKey("203.0.113.8", "s1"));
  });
});

describe("registrationsPerHour", () => {
  it("defaults to 20 and takes only positive integers", () => {
    expect(registrationsPerHour(undefined)).toBe(20);
    expect(registrationsPerHour("5")).toBe(5);
    for (const bad of ["", "0", "-1", "2.5", "many"]) expect(registrationsPerHour(bad)).toBe(20);
  });
});

describe("retryAfterSeconds", () => {
  it("counts until the oldest attempt is an hour old", () => {
    expect(retryAfterSeconds(0, 59 * 60_000)).toBe(60);
    expect(retryAfterSeconds(0, 60 * 60_000 + 5)).toBe(1);
  });
});
