import { describe, expect, it } from "vitest";
import { parseFeedLanguage, slugFromFile, tokenFromFile } from "./request";

describe("feed addresses", () => {
  it("take a slug only from <slug>.ics", () => {
    expect(slugFromFile("opening-ceremony.ics")).toBe("opening-ceremony");
    expect(slugFromFile("opening-ceremony")).toBeNull();
    expect(slugFromFile("opening-ceremony.ics.txt")).toBeNull();
    expect(slugFromFile("Opening.ics")).toBeNull();
    expect(slugFromFile("../x.ics")).toBeNull();
    expect(slugFromFile(".ics")).toBeNull();
  });

  it("take a token only when it looks like one", () => {
    expect(tokenFromFile("AbcdEFgh_ijk-LMNOpqrstuv0123456789.ics")).toBe("AbcdEFgh_ijk-LMNOpqrstuv0123456789");
    expect(tokenFromFile("short.ics")).toBeNull();
    expect(tokenFromFile("AbcdEFgh_ijk-LMNOpqrstuv0123456789")).toBeNull();
    expect(tokenFromFile("AbcdEFgh ijk+LMNOpqrstuv0123456789.ics")).toBeNull();
  });

  it("read the language from ?lang, refusing unknown ones", () => {
    expect(parseFeedLanguage("https://x.test/agenda.ics")).toEqual({ ok: true, locale: undefined });
    expect(parseFeedLanguage("https://x.test/agenda.ics?lang=zh-CN")).toEqual({ ok: true, locale: "zh-CN" });
    expect(parseFeedLanguage("https://x.test/agenda.ics?lang=en")).toEqual({ ok: true, locale: "en" });
    expect(parseFeedLanguage("https://x.test/agenda.ics?lang=fr")).toEqual({ ok: false });
  });
});
