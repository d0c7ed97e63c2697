/**
 * Which public pages an edit in the console changes, so that only those are rendered again. Every
 * public page is rendered ahead of requests; revalidating all of them after each save costs about
 * 80 renders (4 s of server time), during which visitors wait.
 */
import { locales } from "./localized";

/** Paths without the language (`/speakers/wang-yao`), or "all" when an edit can show anywhere. */
export type PublicPages = readonly string[] | "all";

/** The paths in every language: `/speakers/x` → `/en/speakers/x`, `/zh-CN/speakers/x`. */
export function inEveryLocale(pages: readonly string[]): string[] {
  return [...new Set(pages)].flatMap((page) => locales.map((locale) => `/${locale}${page}`));
}

export type SpeakerFields = {
  slug: string;
  nameEn: string;
  nameZh: string | null;
  titleEn: string;
  titleZh: string;
  organisationEn: string;
  organisationZh: string;
  bioEn: string;
  bioZh: string;
  photoPath: string | null;
  listed: boolean;
  /** The public links (approved from the speaker portal); absent reads as none. */
  websiteUrl?: string | null;
  linkedinUrl?: string | null;
  weiboUrl?: string | null;
  wechatAccount?: string | null;
};

const FIELDS: (keyof SpeakerFields)[] = ["slug", "nameEn", "nameZh", "titleEn", "titleZh", "organisationEn", "organisationZh", "bioEn", "bioZh", "photoPath", "listed", "websiteUrl", "linkedinUrl", "weiboUrl", "wechatAccount"];

/** What shows on the speaker's own page alone: the biography and the public links. */
const OWN_PAGE_ONLY = new Set<keyof SpeakerFields>(["bioEn", "bioZh", "websiteUrl", "linkedinUrl", "weiboUrl", "wechatAccount"]);

/**
 * A speaker's biography and public links show on their own page only; their photo also on the speakers list. Their
 * name, title, organisation, address or listing show on the agenda, sessions and quotes too.
 */
export function pagesOfSpeakerEdit(before: SpeakerFields, after: SpeakerFields): PublicPages {
  const changed = FIELDS.filter((field) => (before[field] ?? null) !== (after[field] ?? null));
  if (changed.length === 0) return [];
  const own = `/speakers/${after.slug}`;
  if (changed.every((field) => OWN_PAGE_ONLY.has(field))) return [own];
  if (changed.every((field) => OWN_PAGE_ONLY.has(field) || field === "photoPath")) return [own, "/speakers"];
  return "all";
}

/**
 * A quote shows on the quotes list, its own page, its speaker's page and its session's page; and
 * on its edition's quotes list and session page at the edition's own addresses (/2024/quotes).
 */
export function pagesOfQuoteEdit(
  quoteIds: readonly number[],
  speakerSlugs: readonly string[],
  sessionSlugs: readonly string[],
  editionPaths: readonly string[],
): string[] {
  return [
    // The home page links the quotes only while the edition has some.
    "",
    "/quotes",
    ...quoteIds.map((id) => `/quotes/${id}`),
    ...speakerSlugs.map((slug) => `/speakers/${slug}`),
    ...sessionSlugs.map((slug) => `/sessions/${slug}`),
    ...editionPaths.flatMap((edition) => [`/${edition}/quotes`, ...sessionSlugs.map((slug) => `/${edition}/sessions/${slug}`)]),
  ];
}

/**
 * A session's materials show on its page (unprefixed and at its edition's address), on its
 * speakers' pages, and, through the link to a moment of the recording, on the cards of the quotes
 * said in it: the quotes lists and each quote's own page.
 */
export function pagesOfMaterialsEdit(
  sessionSlugs: readonly string[],
  speakerSlugs: readonly string[],
  editionPaths: readonly string[],
  quoteIds: readonly number[],
): string[] {
  const quotePages = quoteIds.length > 0 ? ["/quotes", ...quoteIds.map((id) => `/quotes/${id}`), ...editionPaths.map((e) => `/${e}/quotes`)] : [];
  return [
    ...sessionSlugs.map((slug) => `/sessions/${slug}`),
    ...editionPaths.flatMap((edition) => sessionSlugs.map((slug) => `/${edition}/sessions/${slug}`)),
    ...speakerSlugs.map((slug) => `/speakers/${slug}`),
    ...quotePages,
  ];
}
