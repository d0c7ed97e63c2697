import "server-only";
import type { SitemapSource } from "../../lib/discover/sitemap";
import { listEditions } from "./event";
import { listQuoteIds } from "./quotes";
import { listPublicSessionSlugs } from "./sessions";
import { listSpeakerSlugs } from "./speakers";

/** What /sitemap.xml lists: every edition's public sessions, the listed speakers, their quotes. */
export function sitemapSource(): SitemapSource {
  return {
    editions: listEditions().map((e) => ({
      path: e.path,
      isCurrent: e.isCurrent,
      startDate: e.startDate,
      endDate: e.endDate,
      sessionSlugs: listPublicSessionSlugs(e.id),
    })),
    speakerSlugs: listSpeakerSlugs(),
    quoteIds: listQuoteIds(),
  };
}
