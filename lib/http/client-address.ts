import { trustedEntry, trustedHops } from "@/server/trust-proxy.mjs";

export { trustedHops };

/**
 * The address a rate limit and the sign-in throttle are keyed on.
 *
 * A route handler has no access to the socket. What it has is `x-forwarded-for`: Next 16's server
 * (next/dist/server/base-server.js, `handleRequestImpl`) sets it to the socket's remote address
 * when the request arrives without one (`req.headers["x-forwarded-for"] ??= socket.remoteAddress`),
 * and leaves a header the client sent as it is. So:
 *
 * - TRUST_PROXY=n (n proxies in front of the app append to the header): the entry n from the
 *   right is the client the outermost proxy saw; entries further left are the client's own claim.
 * - TRUST_PROXY unset: server.mjs drops the header a client sent, so it holds exactly the socket
 *   address Next wrote; we take its last entry, the hop nearest to us, all the same.
 *
 * x-real-ip is only believed behind a trusted proxy, and only without x-forwarded-for: nothing in
 * Next sets it.
 */
export function clientAddress(headers: Headers, hops: number): string {
  const forwarded = trustedEntry(headers.get("x-forwarded-for"), Math.max(1, hops));
  const candidate = forwarded ?? (hops > 0 ? headers.get("x-real-ip")?.trim() : undefined);
  return candidate ? normalizeAddress(candidate) : "unknown";
}

/** One key per client whichever way its address is written: "::ffff:1.2.3.4" is 1.2.3.4. */
export function normalizeAddress(address: string): string {
  const value = address.trim().toLowerCase().slice(0, 64);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  if (mapped) return mapped[1]!;
  // "[::1]:1234" and "1.2.3.4:1234", as some proxies write them.
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(value);
  if (bracketed) return normalizeAddress(bracketed[1]!);
  const v4port = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value);
  if (v4port) return v4port[1]!;
  return value;
}
