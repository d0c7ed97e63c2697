import { describe, expect, it } from "vitest";
import { isSlug, slugify, uniqueSlug } from "./slug";

describe("slugs", () => {
  it("makes ASCII slugs from names", () => {
    expect(slugify("Keynote: The NEV Market & Intelligent NEVs")).toBe("keynote-the-nev-market-intelligent-nevs");
    expect(slugify("  Café  Société ")).toBe("cafe-societe");
    expect(slugify("汽车芯片")).toBe("");
  });

  it("recognises only well-formed slugs", () => {
    expect(isSlug("wang-yao")).toBe(true);
    expect(isSlug("Wang-Yao")).toBe(false);
    expect(isSlug("../etc")).toBe(false);
    expect(isSlug("a--b")).toBe(false);
    expect(isSlug("a".repeat(81))).toBe(false);
  });

  it("adds a number when the slug is taken, with a fallback for names without Latin letters", () => {
    expect(uniqueSlug("Lunch", new Set(["lunch", "lunch-2"]))).toBe("lunch-3");
    expect(uniqueSlug("午餐", new Set(), "session")).toBe("session");
  });
});
