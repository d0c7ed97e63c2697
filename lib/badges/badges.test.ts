import { describe, expect, it } from "vitest";
import { badgeQuery, parseBadgeFilters, strictBadgeFilters } from "./filters";
import { A4, A6, fitSize, slot } from "./layout";

describe("parseBadgeFilters", () => {
  const list = { q: "", status: "confirmed", category: undefined, day: undefined, sort: "name", dir: "asc", page: 1 };

  it("prints the confirmed, by name, one A6 badge a page, by default", () => {
    expect(parseBadgeFilters({})).toEqual({ layout: "a6", list });
    expect(badgeQuery(parseBadgeFilters({}))).toBe("?status=confirmed");
  });

  it("reads the attendee list's filters and the layout", () => {
    const f = parseBadgeFilters(new URLSearchParams("layout=a4x4&status=checked-in&category=media&day=2024-07-12&q=+王+&sort=code&page=3"));
    expect(f).toEqual({ layout: "a4x4", list: { ...list, status: "checked-in", category: "media", day: "2024-07-12", q: "王" } });
    expect(badgeQuery(f)).toBe("?q=%E7%8E%8B&status=checked-in&category=media&day=2024-07-12&layout=a4x4");
  });

  it("drops each unknown value on its own", () => {
    const f = parseBadgeFilters({ layout: "a3", status: "vip", category: "press", day: "tomorrow", q: ["li", "x"] });
    expect(f).toEqual({ layout: "a6", list: { ...list, q: "li" } });
  });
  it("strictly, reads the page's own links and names anything else", () => {
    const f = parseBadgeFilters(new URLSearchParams("layout=a4x4&status=waiting&q=li"));
    expect(strictBadgeFilters(new URLSearchParams(badgeQuery(f)))).toEqual({ ok: true, filters: f });
    expect(strictBadgeFilters(new URLSearchParams("layout=a3"))).toEqual({ ok: false, parameter: "layout" });
    expect(strictBadgeFilters(new URLSearchParams("layout=a6&layout=a4x4"))).toEqual({ ok: false, parameter: "layout" });
    expect(strictBadgeFilters(new URLSearchParams("status=vip"))).toEqual({ ok: false, parameter: "status" });
  });
});

describe("slot", () => {
  it("gives every A6 badge a page of its own", () => {
    expect(slot("a6", 0)).toEqual({ page: 0, x: 0, y: 0, ...A6 });
    expect(slot("a6", 5).page).toBe(5);
  });

  it("cuts an A4 page into four A6 quarters, row by row", () => {
    const quarters = [0, 1, 2, 3].map((i) => slot("a4x4", i));
    expect(quarters.map((q) => [q.x, q.y])).toEqual([
      [0, 0],
      [A4.width / 2, 0],
      [0, A4.height / 2],
      [A4.width / 2, A4.height / 2],
    ]);
    expect(Math.abs(quarters[0]!.width - A6.width)).toBeLessThan(0.5);
    expect(slot("a4x4", 4)).toMatchObject({ page: 1, x: 0, y: 0 });
  });
});

describe("fitSize", () => {
  it("shrinks a long name until it fits, but not below the minimum", () => {
    const measure = (size: number) => size * 10;
    expect(fitSize(measure, 300, 30, 14)).toBe(30);
    expect(fitSize(measure, 200, 30, 14)).toBe(20);
    expect(fitSize(measure, 50, 30, 14)).toBe(14);
  });
});
