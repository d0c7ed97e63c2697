/**
 * Whether a request that changes data may come from where it says it comes from. A browser sends
 * the console's cookie (and an attendee's) with a form posted from any site, so a request that a
 * browser marks as coming from another site is refused. Clients that are not browsers (curl, the
 * REST API's users) send neither header and carry no cookie by accident: they pass.
 */
export function sameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    // "null" (a sandboxed frame, a file) or garbage.
    return false;
  }
}

/** GET, HEAD and OPTIONS change nothing; every other method must come from our own pages. */
export function changesData(method: string): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}
