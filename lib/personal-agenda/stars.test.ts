import { describe, expect, it } from "vitest";
import { cleanStars, MAX_STARS, parseMe, parseStars, parseToken, withStar } from "./stars";

describe("parseStars", () => {
  it("reads a JSON array of slugs, each once, in order", () => {
    expect(parseStars('["opening-ceremony","lunch-day-1","opening-ceremony"]')).toEqual([
      "opening-ceremony",
      "lunch-day-1",
    ]);
  });

  it("reads a missing, damaged or foreign entry as no stars", () => {
    for (const raw of [null, "", "not json", '{"a":1}', '"opening-ceremony"', "null"]) {
      expect(parseStars(raw)).toEqual([]);
    }
  });

  it("drops what is not a slug", () => {
    expect(parseStars(JSON.stringify(["ok-slug", 7, null, "Bad Slug", "../x", "x".repeat(81)]))).toEqual(["ok-slug"]);
    expect(cleanStars(["a", "b-c", "-d", "e-", "f--g", "x".repeat(81)])).toEqual(["a", "b-c"]);
  });

  it("holds at most MAX_STARS", () => {
    expect(cleanStars(Array.from({ length: MAX_STARS + 10 }, (_, i) => `s${i}`))).toHaveLength(MAX_STARS);
  });
});

describe("parseToken", () => {
  it("accepts only a well-formed manage token", () => {
    expect(parseToken("A".repeat(32))).toBe("A".repeat(32));
    expect(parseToken("A".repeat(31))).toBeNull();
    expect(parseToken("A".repeat(31) + "/")).toBeNull();
    expect(parseToken(null)).toBeNull();
  });
});

describe("withStar", () => {
  it("adds once at the end and removes every copy", () => {
    expect(withStar(["a", "b"], "c", true)).toEqual(["a", "b", "c"]);
    expect(withStar(["a", "b"], "a", true)).toEqual(["b", "a"]);
    expect(withStar(["a", "b", "a"], "a", false)).toEqual(["b"]);
    expect(withStar([], "a", false)).toEqual([]);
  });
});

describe("parseMe", () => {
  it("reads stars and the bookings that hold a seat or a place", () => {
    expect(
      parseMe({
        stars: ["a", "b"],
        bookings: [
          { slug: "v", status: "booked", extra: 1 },
          { slug: "w", status: "waiting" },
          { slug: "x", status: "cancelled" },
          { status: "booked" },
          "y",
        ],
      }),
    ).toEqual({
      stars: ["a", "b"],
      bookings: [
        { slug: "v", status: "booked" },
        { slug: "w", status: "waiting" },
      ],
    });
  });

  it("reads an answer without bookings, and refuses what has no stars", () => {
    expect(parseMe({ stars: ["a"] })).toEqual({ stars: ["a"], bookings: [] });
    expect(parseMe({ error: "No registration" })).toBeNull();
    expect(parseMe(null)).toBeNull();
    expect(parseMe(["a"])).toBeNull();
  });
});
