/**
 * The address a rate limit is keyed on.
 *
 * A route handler has no access to the socket. What it has is `x-forwarded-for`: Next 16's server
 * (next/dist/server/base-server.js, `handleRequestImpl`) sets it to the socket's remote address
 * when the request arrives without one (`req.headers["x-forwarded-for"] ??= socket.remoteAddress`),
 * and leaves a header the client sent as it is. So:
 *
 * - TRUST_PROXY=1 (the app runs behind a proxy that sets the header): the first entry is the
 *   client the proxy saw.
 * - otherwise the header should hold exactly the socket address Next wrote; we take its last
 *   entry, the hop nearest to us. A client that talks to Next directly could still send a header
 *   of its own, which Next keeps, so a server exposed without a proxy should drop incoming
 *   x-forwarded-for before handing the request to Next (server.mjs is the place for that).
 *
 * x-real-ip is only believed behind a trusted proxy: nothing in Next sets it.
 */
export function clientAddress(headers: Headers, trustProxy: boolean): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = trustProxy
    ? (forwarded[0] ?? headers.get("x-real-ip")?.trim())
    : forwarded[forwarded.length - 1];
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

export function trustProxy(value: string | undefined = process.env.TRUST_PROXY): boolean {
  return value === "1" || value === "true";
}
