/**
 * A browser's POST from another site must not check anyone in with the staff member's cookie.
 * Modern browsers say where a request comes from in Sec-Fetch-Site, which a page cannot forge and
 * a reverse proxy does not change; older ones send Origin, compared with Host. A client that sends
 * neither (the benchmark, curl) is no cross-site risk, and still needs the session cookie.
 */
export function isCrossSite(headers: { get(name: string): string | null }): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site !== "same-origin";
  const origin = headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== headers.get("host");
  } catch {
    return true;
  }
}
