import { describe, expect, it } from "vitest";
import { tagCovers } from "./cache-tags.mjs";

describe("tagCovers", () => {
  it("an address's own tag covers that address only", () => {
    expect(tagCovers("_N_T_/en/speakers/wang-yao", "/en/speakers/wang-yao")).toBe(true);
    expect(tagCovers("_N_T_/en/speakers/wang-yao", "/zh-CN/speakers/wang-yao")).toBe(false);
    expect(tagCovers("_N_T_/en/speakers", "/en/speakers/wang-yao")).toBe(false);
    expect(tagCovers("_N_T_/en/speakers/", "/en/speakers")).toBe(true);
  });

  it("a page tag covers every address of that page and nothing below it", () => {
    expect(tagCovers("_N_T_/[locale]/speakers/[slug]/page", "/zh-CN/speakers/li-na")).toBe(true);
    expect(tagCovers("_N_T_/[locale]/speakers/[slug]/page", "/en/speakers")).toBe(false);
    expect(tagCovers("_N_T_/[locale]/speakers/page", "/en/speakers/li-na")).toBe(false);
    expect(tagCovers("_N_T_/[locale]/page", "/en")).toBe(true);
  });

  it("a layout tag covers every address under it", () => {
    expect(tagCovers("_N_T_/[locale]/layout", "/en/agenda/changes")).toBe(true);
    expect(tagCovers("_N_T_/[locale]/layout", "/zh-CN")).toBe(true);
    expect(tagCovers("_N_T_/layout", "/robots.txt")).toBe(true);
    expect(tagCovers("_N_T_/[locale]/admin/layout", "/en/agenda")).toBe(false);
    expect(tagCovers("_N_T_/[locale]/speakers/layout", "/en/speakers/x")).toBe(true);
  });

  it("route groups and catch-all segments", () => {
    expect(tagCovers("_N_T_/[locale]/(public)/agenda/page", "/en/agenda")).toBe(true);
    expect(tagCovers("_N_T_/[locale]/[...rest]/page", "/en/a/b/c")).toBe(true);
  });

  it("the root's two names, encoded addresses, and tags of our own", () => {
    expect(tagCovers("_N_T_/index", "/")).toBe(true);
    expect(tagCovers("_N_T_/", "/")).toBe(true);
    expect(tagCovers("_N_T_/en/speakers/%E7%8E%8B", "/en/speakers/王")).toBe(true);
    expect(tagCovers("_N_T_/en/speakers/%E7%8E%8B", "/en/speakers/%E7%8E%8B")).toBe(true);
    expect(tagCovers("speakers", "/en/speakers")).toBe(false);
  });
});
