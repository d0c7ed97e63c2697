// @ts-check
// Whether a request that changes data may come from where it says it comes from: used by
// server.mjs before Next handles a Server Action, and by lib/http/same-origin.ts in route handlers.
//
// A browser sends the console's cookie (and an attendee's) with a form posted from any site, so a
// request that a browser marks as coming from another site is refused. Clients that are not
// browsers (curl, the REST API's users) send neither header and carry no cookie by accident: they pass.
import { trustedEntry, trustedHops } from "./trust-proxy.mjs";

/**
 * The Origin is compared with the Host, or with the X-Forwarded-Host that a trusted proxy wrote
 * (TRUST_PROXY): without one, X-Forwarded-Host is the client's own word and is not read.
 * @param {(name: string) => string | null | undefined} header a request header by lower-case name
 * @param {number} hops the trusted proxies (server/trust-proxy.mjs)
 * @returns {boolean}
 */
export function sameOriginHeaders(header, hops = trustedHops()) {
  const site = header("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = header("origin");
  if (!origin) return true;
  const host = (hops > 0 ? trustedEntry(header("x-forwarded-host"), hops) : undefined) ?? header("host");
  try {
    return new URL(origin).host === host;
  } catch {
    // "null" (a sandboxed frame, a file) or garbage.
    return false;
  }
}

/**
 * GET, HEAD and OPTIONS change nothing; every other method must come from our own pages.
 * @param {string} method
 */
export function changesData(method) {
  return !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}
