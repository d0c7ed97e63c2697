import { describe, expect, it } from "vitest";
import { etagMatches, etagOf, notModified } from "./etag";

describe("etagOf", () => {
  it("is a weak tag that follows the bytes, and the same for the same body", () => {
    expect(etagOf("abc")).toMatch(/^W\/"[A-Za-z0-9_-]{32}"$/);
    expect(etagOf("abc")).toBe(etagOf("abc"));
    expect(etagOf("abc")).not.toBe(etagOf("abd"));
    // Characters beyond ASCII are hashed as UTF-8, not as UTF-16 units.
    expect(etagOf("会议")).not.toBe(etagOf("会"));
  });
});

describe("etagMatches", () => {
  const tag = etagOf("x");
  const strong = tag.slice(2);

  it("compares weakly: W/\"x\" and \"x\" match, any tag of a list, or *", () => {
    expect(etagMatches(tag, tag)).toBe(true);
    expect(etagMatches(strong, tag)).toBe(true);
    expect(etagMatches(`"other", ${tag}`, tag)).toBe(true);
    expect(etagMatches(`"other",${strong}`, tag)).toBe(true);
    expect(etagMatches("*", tag)).toBe(true);
  });

  it("does not match another tag, or no header", () => {
    expect(etagMatches('"other"', tag)).toBe(false);
    expect(etagMatches(etagOf("y"), tag)).toBe(false);
    expect(etagMatches(null, tag)).toBe(false);
    expect(etagMatches(undefined, tag)).toBe(false);
    expect(etagMatches("", tag)).toBe(false);
  });
});

describe("notModified", () => {
  const tag = etagOf("body");
  const get = (headers: Record<string, string>) => new Request("http://forum.test/schedule.json", { headers });

  it("reads the request's If-None-Match", () => {
    expect(notModified(get({ "if-none-match": tag }), tag)).toBe(true);
    expect(notModified(get({ "if-none-match": etagOf("older body") }), tag)).toBe(false);
    expect(notModified(get({}), tag)).toBe(false);
  });
});
