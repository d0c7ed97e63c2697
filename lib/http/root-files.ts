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
]);

const FIRST_SEGMENT_WITH_DOT = /^\/[^/]*\.[^/]*(\/|$)/;

/** True for an address whose first segment has a dot and which is no file of ours: a 404. */
export function isUnknownRootFile(pathname: string): boolean {
  return FIRST_SEGMENT_WITH_DOT.test(pathname) && !ROOT_FILES.has(pathname);
}
