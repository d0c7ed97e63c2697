// @ts-check
// TRUST_PROXY, read in this one place by server.mjs and by the app (lib/http/client-address.ts,
// server/same-origin.mjs, server/security-headers.mjs).
//
// Its value is the number of reverse proxies in front of the server that append to
// X-Forwarded-For. Each proxy appends the address it received the request from, so the client's
// address is the entry `hops` from the right; whatever stands to its left was written by the
// client itself and proves nothing. "true" means 1; unset, "", "0" and "false" mean none, and then
// the forwarding headers a client sends are not believed at all.

/**
 * The number of trusted proxies that TRUST_PROXY names. A value that is none of the forms above
 * is a mistake in the configuration, not a choice: it throws, and server.mjs reads it on start.
 * @param {string | undefined} value
 * @returns {number}
 */
export function trustedHops(value = process.env.TRUST_PROXY) {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "" || text === "0" || text === "false") return 0;
  if (text === "true") return 1;
  if (/^[1-9]\d?$/.test(text)) return Number(text);
  throw new Error(`TRUST_PROXY must be the number of trusted proxies (1, 2, …), "true" (1) or unset; it is "${value}".`);
}

/**
 * The entry of a comma-separated forwarding header (X-Forwarded-For, -Host, -Proto) that the
 * outermost of `hops` trusted proxies wrote: `hops` from the right. With fewer entries than hops,
 * the leftmost; with none, undefined.
 * @param {string | null | undefined} header
 * @param {number} hops at least 1
 * @returns {string | undefined}
 */
export function trustedEntry(header, hops) {
  const entries = String(header ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!entries.length) return undefined;
  return entries[Math.max(0, entries.length - Math.max(1, hops))];
}
