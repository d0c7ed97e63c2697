import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, paginate, parseQuoteListQuery } from "./quote-query";

const parse = (query: string) => parseQuoteListQuery(new URLSearchParams(query));

describe("cursors", () => {
  it("round-trip ids and refuse anything else", () => {
    for (const id of [1, 4, 99, 1234567890]) expect(decodeCursor(encodeCursor(id))).toBe(id);
    expect(encodeCursor(4)).toMatch(/^[A-Za-z0-9_-]+$/);
    for (const bad of ["", "!!", "NA==", "MA", "LTE", "YWJj", "x".repeat(40), "MDQ", "MQ "]) {
      expect(decodeCursor(bad), bad).toBeNull();
    }
  });
});

describe("parseQuoteListQuery", () => {
  it("defaults to the first 20, unfiltered", () => {
    expect(parse("")).toEqual({
      ok: true,
      query: { limit: 20, after: null, q: "", speaker: null, topic: null },
    });
  });

  it("reads the filters, the limit and the cursor", () => {
    expect(
      parse(
        `speaker=liu-jining&topic=software&q=%E8%BD%AF%E4%BB%B6&limit=100&cursor=${encodeCursor(3)}`,
      ),
    ).toEqual({
      ok: true,
      query: { limit: 100, after: 3, q: "软件", speaker: "liu-jining", topic: "software" },
    });
    // Unknown names are no error: they match nothing.
    expect(parse("speaker=nobody&topic=%3Cscript%3E")).toMatchObject({
      ok: true,
      query: { speaker: "nobody", topic: "<script>" },
    });
  });

  it("refuses a limit out of range or not a whole number", () => {
    for (const limit of ["0", "101", "-1", "1.5", "abc", "", "1e2", "0x10", " 5", "1000"]) {
      expect(parse(`limit=${encodeURIComponent(limit)}`), limit).toMatchObject({
        ok: false,
        parameter: "limit",
      });
    }
    expect(parse("limit=1")).toMatchObject({ ok: true, query: { limit: 1 } });
  });

  it("refuses a malformed cursor and an overlong q", () => {
    for (const cursor of ["", "nope!", "MA", "YWJj"]) {
      expect(parse(`cursor=${encodeURIComponent(cursor)}`), cursor).toMatchObject({
        ok: false,
        parameter: "cursor",
      });
    }
    expect(parse(`q=${"x".repeat(201)}`)).toMatchObject({ ok: false, parameter: "q" });
    expect(parse(`q=${"x".repeat(200)}`)).toMatchObject({ ok: true });
  });
});

describe("paginate", () => {
  const items = [4, 1, 3, 2].map((id) => ({ id }));

  it("walks every item once, in id order, then gives no cursor", () => {
    const seen: number[] = [];
    let after: number | null = null;
    for (let i = 0; i < 10; i++) {
      const { page, nextCursor } = paginate(items, after, 1);
      seen.push(...page.map((p) => p.id));
      if (!nextCursor) break;
      after = decodeCursor(nextCursor);
    }
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it("gives no cursor when the page holds the rest exactly", () => {
    expect(paginate(items, null, 4).nextCursor).toBeNull();
    expect(paginate(items, null, 3).nextCursor).toBe(encodeCursor(3));
    expect(paginate(items, 4, 20)).toEqual({ page: [], nextCursor: null });
  });
});
