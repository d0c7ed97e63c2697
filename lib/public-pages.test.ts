import { describe, expect, it } from "vitest";
import { inEveryLocale, pagesOfQuoteEdit, pagesOfSpeakerEdit } from "./public-pages";

const speaker = {
  slug: "wang-yao",
  nameEn: "Wang Yao",
  nameZh: null,
  titleEn: "Director",
  titleZh: "",
  organisationEn: "Example",
  organisationZh: "",
  bioEn: "Old",
  bioZh: "",
  photoPath: null,
  listed: true,
};

describe("pagesOfSpeakerEdit", () => {
  it("narrows a biography to the speaker's page, and a photo to it and the list", () => {
    expect(pagesOfSpeakerEdit(speaker, { ...speaker, bioEn: "New", bioZh: "新" })).toEqual(["/speakers/wang-yao"]);
    expect(pagesOfSpeakerEdit(speaker, { ...speaker, photoPath: "1-abc.webp" })).toEqual(["/speakers/wang-yao", "/speakers"]);
    expect(pagesOfSpeakerEdit(speaker, { ...speaker })).toEqual([]);
  });

  it("narrows the public links (approved from the speaker portal) to the speaker's page", () => {
    expect(pagesOfSpeakerEdit(speaker, { ...speaker, websiteUrl: "https://example.org/", wechatAccount: "测试" })).toEqual(["/speakers/wang-yao"]);
    expect(pagesOfSpeakerEdit(speaker, { ...speaker, linkedinUrl: "https://www.linkedin.com/in/x", photoPath: "1-abc.webp" })).toEqual(["/speakers/wang-yao", "/speakers"]);
    // A row without the link columns reads as one without links.
    expect(pagesOfSpeakerEdit(speaker, { ...speaker, weiboUrl: null })).toEqual([]);
    expect(pagesOfSpeakerEdit(speaker, { ...speaker, organisationEn: "Elsewhere", websiteUrl: "https://example.org/" })).toBe("all");
  });

  it("re-renders everything for what the agenda and quotes show", () => {
    for (const change of [{ nameEn: "Wang Y." }, { nameZh: "王耀" }, { titleEn: "CEO" }, { organisationZh: "某" }, { listed: false }, { slug: "wang-y" }]) {
      expect(pagesOfSpeakerEdit(speaker, { ...speaker, ...change, bioEn: "New" })).toBe("all");
    }
  });
});

describe("pagesOfQuoteEdit", () => {
  it("names the home page (its link to the quotes), the list, the quote, and every speaker and session it was or is on, in both languages", () => {
    const pages = inEveryLocale(pagesOfQuoteEdit([7], ["wang-yao", "li-na"], ["opening"], []));
    expect(pages).toEqual([
      "/en",
      "/zh-CN",
      "/en/quotes",
      "/zh-CN/quotes",
      "/en/quotes/7",
      "/zh-CN/quotes/7",
      "/en/speakers/wang-yao",
      "/zh-CN/speakers/wang-yao",
      "/en/speakers/li-na",
      "/zh-CN/speakers/li-na",
      "/en/sessions/opening",
      "/zh-CN/sessions/opening",
    ]);
  });
});
