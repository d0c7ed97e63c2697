/**
 * The addresses at the site's root whose first segment has a dot: route folders such as
 * `app/agenda.ics`, the files Next makes from `app/manifest.ts` and `app/icon.png`, and the files
 * of `public/`. Any other first segment with a dot would reach the `[locale]` pages as a language
 * ("/favicon.ico", "/en.x/agenda"), so the proxy answers those 404 itself. Kept in step with the
 * folders by root-files.test.ts.
 */
export const ROOT_FILES: ReadonlySet<string> = new Set([
  "/agenda.ics",
  "/schedule.json",
  "/schedule.xml",
  "/robots.txt",
  "/sitemap.xml",
  "/manifest.webmanifest",
  "/icon.png",
  "/sw.js",
  "/wake.js",
]);

const FIRST_SEGMENT_WITH_DOT = /^\/[^/]*\.[^/]*(\/|$)/;

/**
 * For an address whose first segment has a dot: "ours" (served as it is, never sent to a language)
 * or "unknown" (a 404). Any other address: null, for the proxy's usual handling.
 */
export function rootFile(pathname: string): "ours" | "unknown" | null {
  if (!FIRST_SEGMENT_WITH_DOT.test(pathname)) return null;
  return ROOT_FILES.has(pathname) ? "ours" : "unknown";
}
