import { describe, expect, it } from "vitest";
import { tagCovers } from "../../server/cache-tags.mjs";
import type { SpeakerFields } from "../public-pages";
import { pagesChangedBy, tagOf, type ChangeKind, type PublicChange } from "./public-changes";

// Public pages rendered ahead, as the page copy keys them, in both languages: the unprefixed ones
// (the current edition) and each edition's own addresses.
const EDITION_PAGES = ["2024", "2025"].flatMap((e) => [`/${e}/agenda`, `/${e}/agenda/2024-07-12`, `/${e}/agenda/changes`, `/${e}/quotes`, `/${e}/sessions/opening`, `/${e}/sessions/closing`]);
const PAGES = ["", "/agenda", "/agenda/2024-07-11", "/agenda/2024-07-12", "/agenda/changes", "/speakers", "/speakers/wang-yao", "/speakers/li-na", "/quotes", "/quotes/1", "/quotes/2", "/sessions/opening", "/sessions/closing", "/register", ...EDITION_PAGES].flatMap(
  (page) => [`/en${page}`, `/zh-CN${page}`],
);

/** The pages a change refreshes: those a tag Next revalidates for it covers (server/cache-tags.mjs). */
function refreshed(change: PublicChange): string[] {
  const tags = pagesChangedBy(change).map(tagOf);
  return PAGES.filter((page) => tags.some((tag) => tagCovers(tag, page)));
}

const both = (...pages: string[]) => pages.flatMap((page) => [`/en${page}`, `/zh-CN${page}`]);

const speaker: SpeakerFields = {
  slug: "wang-yao",
  nameEn: "Wang Yao",
  nameZh: "王耀",
  titleEn: "Engineer",
  titleZh: "工程师",
  organisationEn: "Forum",
  organisationZh: "论坛",
  bioEn: "Bio",
  bioZh: "简介",
  photoPath: null,
  listed: true,
};

// Every kind of change, with what it must refresh: `satisfies` makes a new kind fail to compile here.
const CASES = {
  session: [{ change: { kind: "session" }, pages: [] }],
  publish: [{ change: { kind: "publish" }, pages: PAGES }],
  room: [{ change: { kind: "room" }, pages: PAGES }],
  track: [{ change: { kind: "track" }, pages: PAGES }],
  settings: [{ change: { kind: "settings" }, pages: PAGES }],
  speaker: [
    { change: { kind: "speaker", before: speaker, after: { ...speaker, bioEn: "New bio" } }, pages: both("/speakers/wang-yao") },
    { change: { kind: "speaker", before: speaker, after: { ...speaker, titleEn: "Director" } }, pages: PAGES },
    { change: { kind: "speaker", before: speaker, after: speaker }, pages: [] },
    { change: { kind: "speaker", before: null, after: { ...speaker, listed: false } }, pages: [] },
    { change: { kind: "speaker", before: null, after: speaker }, pages: PAGES },
    { change: { kind: "speaker", before: speaker, after: null }, pages: PAGES },
  ],
  photo: [{ change: { kind: "photo", before: speaker, after: { ...speaker, photoPath: "speakers/1.webp" } }, pages: both("/speakers", "/speakers/wang-yao") }],
  quote: [
    {
      change: { kind: "quote", quoteIds: [2], speakerSlugs: ["li-na"], sessionSlugs: ["closing"], editionPaths: ["2024"] },
      // Its edition's quotes and session at their own addresses too; the other edition's stay cached.
      pages: both("", "/speakers/li-na", "/quotes", "/quotes/2", "/sessions/closing", "/2024/quotes", "/2024/sessions/closing"),
    },
  ],
  materials: [
    {
      change: { kind: "materials", sessionSlugs: ["opening"], speakerSlugs: ["li-na"], editionPaths: ["2024"], quoteIds: [] },
      // No quote said in it: the quote pages stay cached; the other edition's session too.
      pages: both("/sessions/opening", "/2024/sessions/opening", "/speakers/li-na"),
    },
    {
      change: { kind: "materials", sessionSlugs: ["closing"], speakerSlugs: [], editionPaths: ["2025"], quoteIds: [2] },
      pages: both("/sessions/closing", "/2025/sessions/closing", "/quotes", "/quotes/2", "/2025/quotes"),
    },
  ],
  registration: [{ change: { kind: "registration" }, pages: both("/register") }],
} satisfies Record<ChangeKind, { change: PublicChange; pages: string[] }[]>;

describe("what each kind of change refreshes", () => {
  for (const [kind, cases] of Object.entries(CASES)) {
    it(`${kind}: the pages that show it, and no other`, () => {
      for (const { change, pages } of cases as { change: PublicChange; pages: string[] }[]) {
        expect(refreshed(change).sort(), JSON.stringify(change)).toEqual([...pages].sort());
      }
    });
  }

  it("a publication refreshes every edition's own agenda and sessions, not only the unprefixed ones", () => {
    const pages = refreshed({ kind: "publish" });
    for (const page of ["/en/2024/agenda", "/zh-CN/2025/sessions/opening", "/en/2025/agenda/changes"]) expect(pages).toContain(page);
  });

  it("a publication refreshes each day's own agenda, which lists the day's sessions", () => {
    const pages = refreshed({ kind: "publish" });
    for (const page of ["/en/agenda/2024-07-11", "/zh-CN/agenda/2024-07-12", "/en/2024/agenda/2024-07-12", "/zh-CN/2025/agenda/2024-07-12"]) expect(pages).toContain(page);
    // A quote shows on no agenda: the days stay cached.
    expect(refreshed({ kind: "quote", quoteIds: [1], speakerSlugs: ["li-na"], sessionSlugs: ["opening"], editionPaths: ["2024"] })).not.toContain("/en/agenda/2024-07-11");
  });

  it("a biography edit leaves the agenda, the lists and other speakers cached", () => {
    const pages = refreshed({ kind: "speaker", before: speaker, after: { ...speaker, bioZh: "新简介" } });
    for (const untouched of ["/en/agenda", "/en/speakers", "/en/speakers/li-na", "/zh-CN/quotes", "/en"]) expect(pages).not.toContain(untouched);
  });
});

describe("tagOf", () => {
  it("makes the tags revalidatePath makes", () => {
    expect(tagOf({ path: "/en/speakers/x" })).toBe("_N_T_/en/speakers/x");
    expect(tagOf({ route: "/[locale]", type: "layout" })).toBe("_N_T_/[locale]/layout");
    expect(tagOf({ route: "/[locale]/speakers/[slug]", type: "page" })).toBe("_N_T_/[locale]/speakers/[slug]/page");
  });
});
