import { describe, expect, it } from "vitest";
import { matches, MAX_QUERY_LENGTH, normalize, queryTerms, searchText } from "./search";

describe("normalize", () => {
  it("folds case, accents, full-width letters and curly quotes", () => {
    expect(normalize("  NEV  Café ")).toBe("nev cafe");
    expect(normalize("ＡＩ芯片")).toBe("ai芯片");
    expect(normalize("China’s")).toBe("china's");
  });
});

describe("queryTerms", () => {
  it("splits words and drops punctuation, quotes and duplicates", () => {
    expect(queryTerms('"Wang  Yao" wang')).toEqual(["wang", "yao"]);
    expect(queryTerms("' OR 1=1 --")).toEqual(["or", "1"]);
    expect(queryTerms("<script>alert(1)</script>")).toEqual(["script", "alert", "1"]);
  });

  it("keeps a Chinese query whole", () => {
    expect(queryTerms("汽车芯片")).toEqual(["汽车芯片"]);
  });

  it("caps a very long query", () => {
    const terms = queryTerms("a".repeat(10_000));
    expect(terms).toHaveLength(1);
    expect(terms[0]?.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  });
});

describe("matches", () => {
  const text = searchText(["Keynote: The NEV market", "主旨演讲：新能源汽车市场", "Wang Yao"]);

  it("finds every term in either language", () => {
    expect(matches(text, queryTerms("nev wang"))).toBe(true);
    expect(matches(text, queryTerms("新能源"))).toBe(true);
    expect(matches(text, queryTerms("KEYNOTE: nev"))).toBe(true);
  });

  it("needs all the terms", () => {
    expect(matches(text, queryTerms("nev chips"))).toBe(false);
  });
});
