import { describe, expect, it } from "vitest";
import { isCalendarDate, isHttpUrl, quoteErrors, quoteSchema, readQuoteForm } from "./input";

const valid = {
  speakerId: "7",
  kind: "direct",
  language: "en",
  text: "  We keep  every word, even “inner” marks.  ",
  translation: "",
  saidOn: "",
  sessionId: "",
  topicIds: ["2", "2", "3"],
  sourceMode: "existing",
  sourceId: "4",
  sourcePublisher: "",
  sourceTitle: "",
  sourcePublishedOn: "",
  sourceUrl: "",
};

const errorsOf = (input: unknown) => {
  const result = quoteSchema.safeParse(input);
  expect(result.success).toBe(false);
  return quoteErrors(result.error!);
};

describe("quote input", () => {
  it("keeps a direct quote word for word, trimming only its ends", () => {
    const quote = quoteSchema.parse(valid);
    expect(quote.text).toBe("We keep  every word, even “inner” marks.");
    expect(quote).toMatchObject({ speakerId: 7, sessionId: null, translation: null, topicIds: [2, 3] });
    expect(quote.source).toEqual({ kind: "existing", id: 4 });
  });

  it("cannot be saved without a source", () => {
    expect(errorsOf({ ...valid, sourceId: "" })).toEqual({ sourceId: "sourceRequired" });
    expect(errorsOf({ ...valid, sourceMode: "" })).toEqual({ sourceMode: "sourceRequired" });
    expect(errorsOf({ ...valid, sourceMode: "new" })).toEqual({
      sourceTitle: "required",
      sourcePublishedOn: "required",
    });
  });

  it("creates a source inline with an optional publisher and an http(s) address", () => {
    const quote = quoteSchema.parse({
      ...valid,
      sourceMode: "new",
      sourceTitle: " A report ",
      sourcePublishedOn: "2024-07-25",
      sourceUrl: "https://example.com/a",
    });
    expect(quote.source).toEqual({
      kind: "new",
      publisher: null,
      title: "A report",
      publishedOn: "2024-07-25",
      url: "https://example.com/a",
    });
    expect(
      errorsOf({ ...valid, sourceMode: "new", sourceTitle: "T", sourcePublishedOn: "2024-02-30", sourceUrl: "javascript:alert(1)" }),
    ).toEqual({ sourcePublishedOn: "invalidDate", sourceUrl: "invalidUrl" });
  });

  it("refuses empty and overlong text, bad ids and quotation marks around a direct quote", () => {
    expect(errorsOf({ ...valid, text: "   " })).toEqual({ text: "required" });
    expect(errorsOf({ ...valid, text: "x".repeat(2001) })).toEqual({ text: "tooLong" });
    expect(errorsOf({ ...valid, speakerId: "abc", sessionId: "-1", topicIds: ["0"] })).toEqual({
      speakerId: "invalidId",
      sessionId: "invalidId",
      topicIds: "invalidId",
    });
    expect(errorsOf({ ...valid, text: "“Quoted twice”" })).toEqual({ text: "quoteMarks" });
    expect(quoteSchema.parse({ ...valid, kind: "paraphrase", text: "“Reported”" }).text).toBe("“Reported”");
    expect(errorsOf({ ...valid, kind: "rumour" })).toEqual({ kind: "invalidType" });
  });

  it("reads a form with several topics", () => {
    const data = new FormData();
    data.set("text", "Hi");
    data.append("topicIds", "1");
    data.append("topicIds", "5");
    expect(readQuoteForm(data)).toMatchObject({ text: "Hi", topicIds: ["1", "5"], sourceMode: "" });
  });
});

describe("dates and addresses", () => {
  it("accepts only real calendar dates and web addresses", () => {
    expect(isCalendarDate("2024-07-11")).toBe(true);
    expect(isCalendarDate("2024-13-01")).toBe(false);
    expect(isCalendarDate("11/07/2024")).toBe(false);
    expect(isHttpUrl("http://example.com")).toBe(true);
    expect(isHttpUrl("ftp://example.com")).toBe(false);
    expect(isHttpUrl("not a url")).toBe(false);
  });
});
