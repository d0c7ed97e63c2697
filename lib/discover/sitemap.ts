/**
 * /sitemap.xml: every public page, in every language, each with its alternates in the others
 * (sitemaps.org with xhtml:link, as search engines read hreflang from a sitemap).
 */
import { agendaDayPath } from "../agenda";
import { editionDays, editionPrefix } from "../edition";
import { escapeXml } from "../schedule/xml";

export type SitemapEdition = {
  path: string;
  isCurrent: boolean;
  startDate: string;
  endDate: string;
  /** Its public sessions (published and cancelled): drafts have no page. */
  sessionSlugs: readonly string[];
};

export type SitemapSource = {
  editions: readonly SitemapEdition[];
  /** Listed speakers: an unlisted one has no page. */
  speakerSlugs: readonly string[];
  quoteIds: readonly number[];
};

/** The agenda, its days, its changes, its quotes and its sessions, under an edition's segment. */
function editionPages(edition: SitemapEdition, prefix: string): string[] {
  return [
    `${prefix}/agenda`,
    ...editionDays(edition.startDate, edition.endDate).map((day) => agendaDayPath(prefix, day)),
    `${prefix}/agenda/changes`,
    ...edition.sessionSlugs.map((slug) => `${prefix}/sessions/${slug}`),
  ];
}

/**
 * The public pages, without the language ("" is the home page). The current edition's pages are
 * listed at the unprefixed addresses only: its own (/2024/agenda) show the same until it is
 * archived, when the next edition's become the unprefixed ones and these are listed instead.
 */
export function publicPaths(source: SitemapSource): string[] {
  const current = source.editions.find((e) => e.isCurrent);
  const paths = [
    "",
    ...(current ? editionPages(current, "") : []),
    "/speakers",
    ...source.speakerSlugs.map((slug) => `/speakers/${slug}`),
    "/quotes",
    ...source.quoteIds.map((id) => `/quotes/${id}`),
    "/register",
    "/privacy",
  ];
  for (const edition of source.editions) {
    if (edition.isCurrent) continue;
    const prefix = editionPrefix(edition);
    paths.push(...editionPages(edition, prefix), `${prefix}/quotes`);
  }
  return [...new Set(paths)];
}

/**
 * The sitemap: one <url> per page and language, each naming every language's address and
 * x-default, the address without a language (which sends a visitor to theirs).
 */
export function sitemapXml(baseUrl: string, paths: readonly string[], locales: readonly string[]): string {
  const base = baseUrl.replace(/\/+$/, "");
  const address = (path: string) => escapeXml(`${base}${encodeURI(path)}`);
  const urls = paths.flatMap((path) => {
    const alternates = [
      ...locales.map((locale) => `    <xhtml:link rel="alternate" hreflang="${locale}" href="${address(`/${locale}${path}`)}"/>`),
      `    <xhtml:link rel="alternate" hreflang="x-default" href="${address(path || "/")}"/>`,
    ].join("\n");
    return locales.map((locale) => `  <url>\n    <loc>${address(`/${locale}${path}`)}</loc>\n${alternates}\n  </url>`);
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}
