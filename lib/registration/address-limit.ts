/**
 * The hourly limit on new registrations per client address. Addresses are grouped the way one
 * client holds them: an IPv4 address alone, an IPv6 address by its /64 (one home or one server
 * gets a whole /64, and can pick any address in it).
 */
import { createHash } from "node:crypto";
import { clientAddress, trustedHops } from "../http/client-address";

export const DEFAULT_REGISTRATIONS_PER_HOUR = 20;
export const HOUR_MS = 60 * 60_000;

/** The group an address counts in: "1.2.3.4", or "2001:db8:1:2::/64". Unparsable input stays as it is. */
export function addressGroup(address: string): string {
  const value = address.trim().toLowerCase();
  if (!value.includes(":")) return value;
  const groups = expandIpv6(value);
  if (!groups) return value;
  // An IPv4-mapped address is the IPv4 client.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}

/** Eight 16-bit groups, or null when the text is not an IPv6 address. Zone ids ("%eth0") are dropped. */
export function expandIpv6(address: string): number[] | null {
  let value = address.split("%")[0]!;
  // A dotted IPv4 tail ("::ffff:1.2.3.4") is the last two groups written another way.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
  if (v4) {
    const o = v4.slice(1).map(Number);
    if (o.some((n) => n > 255)) return null;
    const hex = (a: number, b: number) => ((a << 8) | b).toString(16);
    value = `${value.slice(0, v4.index)}${hex(o[0]!, o[1]!)}:${hex(o[2]!, o[3]!)}`;
  }
  const halves = value.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === "" ? [] : part.split(":"));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  const fill = 8 - head.length - rest.length;
  if (halves.length === 2 ? fill < 1 : fill !== 0) return null;
  return [...head, ...Array<string>(fill).fill("0"), ...rest].map((g) => parseInt(g, 16));
}

/**
 * The key stored with each attempt: a keyed hash of the group, so the table never holds an
 * address, and rows an hour old are deleted as new ones come in.
 */
export function addressKey(address: string, secret: Buffer | string): string {
  return createHash("sha256").update(secret).update("\0registration-address\0").update(addressGroup(address)).digest("base64url").slice(0, 32);
}

/** The key of the client a request comes from, as lib/http/client-address.ts reads its address. */
export function clientAddressKey(headers: Headers, secret: Buffer | string): string {
  return addressKey(clientAddress(headers, trustedHops()), secret);
}

/** REGISTRATIONS_PER_HOUR, default 20; anything that is not a positive integer falls back. */
export function registrationsPerHour(value: string | undefined = process.env.REGISTRATIONS_PER_HOUR): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== "" && Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_REGISTRATIONS_PER_HOUR;
}

/** Seconds until the oldest attempt in the window leaves it, at least 1. */
export function retryAfterSeconds(oldestInWindow: Date | number, now: Date | number): number {
  const oldest = typeof oldestInWindow === "number" ? oldestInWindow : oldestInWindow.getTime();
  const t = typeof now === "number" ? now : now.getTime();
  return Math.max(1, Math.ceil((oldest + HOUR_MS - t) / 1000));
}
