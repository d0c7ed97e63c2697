import { describe, expect, it } from "vitest";
import { filterConsoleQuotes, parseConsoleQuoteQuery } from "./filter";

const item = (speakerId: number, text: string, name: string, source = "Report") => ({
  speakerId,
  text,
  translation: null,
  speaker: { nameEn: name, nameZh: null },
  source: { title: source, publisher: null },
});

const items = [item(1, "Batteries are cheaper", "Ann Example"), item(2, "Software sells cars", "Bo Sample", "Daily News")];

describe("console quote list", () => {
  it("searches the words, the speaker and the source, ignoring case", () => {
    expect(filterConsoleQuotes(items, { q: "SOFTWARE", speakerId: null })).toEqual([items[1]]);
    expect(filterConsoleQuotes(items, { q: "ann", speakerId: null })).toEqual([items[0]]);
    expect(filterConsoleQuotes(items, { q: "daily", speakerId: null })).toEqual([items[1]]);
    expect(filterConsoleQuotes(items, { q: "", speakerId: null })).toEqual(items);
  });

  it("filters by speaker, together with the search", () => {
    expect(filterConsoleQuotes(items, { q: "", speakerId: 1 })).toEqual([items[0]]);
    expect(filterConsoleQuotes(items, { q: "software", speakerId: 1 })).toEqual([]);
  });

  it("reads the address, dropping a speaker that is not an id", () => {
    expect(parseConsoleQuoteQuery({ q: "x", speaker: "12" })).toEqual({ q: "x", speakerId: 12 });
    expect(parseConsoleQuoteQuery({ speaker: "../1" })).toEqual({ q: "", speakerId: null });
    expect(parseConsoleQuoteQuery({ q: ["a", "b"] })).toEqual({ q: "a", speakerId: null });
  });
});
