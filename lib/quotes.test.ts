import { describe, expect, it } from "vitest";
import { filterQuotes, parseQuoteQuery, quoteQueryString, quoteSummary, type QuoteItem } from "./quotes";

const topic = (slug: string, nameEn: string, nameZh: string) => ({ topic: { slug, nameEn, nameZh } });
const quotes: (QuoteItem & { id: number })[] = [
  {
    id: 1,
    text: "Chinese car manufacturers will export not only vehicles but also software",
    translation: "中国汽车制造商出口的将不仅是整车，还有软件",
    speaker: { slug: "liu-jining", nameEn: "Liu Jining", nameZh: null },
    topics: [topic("exports", "Exports", "出海")],
    session: null,
  },
  {
    id: 2,
    text: "These features enhance the consumer experience",
    translation: "这些功能提升了消费者体验",
    speaker: { slug: "wang-yao", nameEn: "Wang Yao", nameZh: null },
    topics: [topic("nev", "New-energy vehicles", "新能源汽车")],
    session: null,
  },
];

describe("quote archive filters", () => {
  const none = { speaker: null, topic: null, q: "" };
  const ids = (list: { id: number }[]) => list.map((q) => q.id);

  it("searches the words, the translation, speakers and topics", () => {
    expect(ids(filterQuotes(quotes, { ...none, q: "software" }))).toEqual([1]);
    expect(ids(filterQuotes(quotes, { ...none, q: "软件" }))).toEqual([1]);
    expect(ids(filterQuotes(quotes, { ...none, q: "WANG" }))).toEqual([2]);
    expect(ids(filterQuotes(quotes, { ...none, q: "新能源" }))).toEqual([2]);
  });

  it("filters by speaker and topic", () => {
    expect(ids(filterQuotes(quotes, { ...none, speaker: "wang-yao" }))).toEqual([2]);
    expect(ids(filterQuotes(quotes, { ...none, topic: "exports" }))).toEqual([1]);
    expect(ids(filterQuotes(quotes, { ...none, topic: "exports", speaker: "wang-yao" }))).toEqual([]);
  });

  it("reads and writes the query string, ignoring unknown values", () => {
    const q = parseQuoteQuery(new URLSearchParams("speaker=nobody&topic=nev&q=x"), { speakers: ["wang-yao"], topics: ["nev"] });
    expect(q).toEqual({ speaker: null, topic: "nev", q: "x" });
    expect(quoteQueryString(q)).toBe("?topic=nev&q=x");
  });
});

describe("a quote in one line (link previews)", () => {
  const direct = { kind: "direct" as const, text: "Words as said", language: "en" as const, translation: "译文" };
  const label = "本站译文，非本人原话";

  it("gives the words in their language in quotation marks, a paraphrase without them", () => {
    expect(quoteSummary("en", direct, "Liu Jining", "Our translation")).toBe("“Words as said” — Liu Jining");
    expect(quoteSummary("en", { ...direct, kind: "paraphrase" }, "Lu Fangzhou", "Our translation")).toBe("Words as said — Lu Fangzhou");
  });

  it("labels a translation as the site's before the words, in Chinese and in English", () => {
    expect(quoteSummary("zh-CN", direct, "Liu Jining", label)).toBe("本站译文，非本人原话：“译文” — Liu Jining");
    const zhOriginal = { ...direct, language: "zh" as const, text: "原话", translation: "The words" };
    expect(quoteSummary("en", zhOriginal, "Li", "The site’s translation")).toBe("The site’s translation: “The words” — Li");
    // No translation: the original, unlabelled, never passed off as a translation.
    expect(quoteSummary("zh-CN", { ...direct, translation: null }, "Liu Jining", label)).toBe("“Words as said” — Liu Jining");
  });
});
