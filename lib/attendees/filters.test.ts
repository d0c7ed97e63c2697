import { describe, expect, it } from "vitest";
import { attendeeQuery, likePattern, parseAttendeeFilters, strictAttendeeFilters } from "./filters";

describe("parseAttendeeFilters", () => {
  it("defaults to everyone, newest first, page 1", () => {
    expect(parseAttendeeFilters({})).toEqual({
      q: "",
      status: undefined,
      category: undefined,
      day: undefined,
      sort: "created",
      dir: "desc",
      page: 1,
    });
  });

  it("reads every filter", () => {
    const f = parseAttendeeFilters(
      new URLSearchParams("q=+Wang+&status=checked-in&category=media&day=2024-07-12&sort=name&dir=desc&page=3"),
    );
    expect(f).toEqual({ q: "Wang", status: "checked-in", category: "media", day: "2024-07-12", sort: "name", dir: "desc", page: 3 });
  });

  it("filters the registrations still pending (unconfirmed, or waiting for approval)", () => {
    expect(parseAttendeeFilters({ status: "pending" }).status).toBe("pending");
  });

  it("drops each unknown value on its own and keeps the rest", () => {
    const f = parseAttendeeFilters({ q: "li", status: "vip", category: "press", day: "tomorrow", sort: "email; drop table", dir: "up", page: "-1" });
    expect(f).toEqual({ q: "li", status: undefined, category: undefined, day: undefined, sort: "created", dir: "desc", page: 1 });
  });

  it("takes the first of repeated parameters", () => {
    expect(parseAttendeeFilters({ status: ["waiting", "confirmed"] }).status).toBe("waiting");
  });

  it("sorts names from A by default", () => {
    expect(parseAttendeeFilters({ sort: "name" }).dir).toBe("asc");
  });
});

describe("attendeeQuery", () => {
  it("leaves defaults out and changes what is asked", () => {
    const f = parseAttendeeFilters({ q: "王", status: "waiting", page: "2" });
    expect(attendeeQuery(f)).toBe("?q=%E7%8E%8B&status=waiting&page=2");
    expect(attendeeQuery(f, { page: 1 })).toBe("?q=%E7%8E%8B&status=waiting");
    expect(attendeeQuery(parseAttendeeFilters({}))).toBe("");
    expect(attendeeQuery(parseAttendeeFilters({}), { sort: "name", dir: "desc" })).toBe("?sort=name&dir=desc");
  });
});

describe("likePattern", () => {
  it("takes LIKE wildcards literally", () => {
    expect(likePattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});

describe("strictAttendeeFilters", () => {
  it("reads what the list writes, the canonical query included", () => {
    const filters = parseAttendeeFilters({ q: "Wang", status: "waiting", day: "2024-07-12", sort: "name" });
    const strict = strictAttendeeFilters(new URLSearchParams(attendeeQuery(filters)));
    expect(strict).toEqual({ ok: true, filters });
    expect(strictAttendeeFilters(new URLSearchParams(""))).toMatchObject({ ok: true });
  });

  it.each([
    ["status=vip", "status"],
    ["category=%3Cscript%3E", "category"],
    ["day=2024-13-45", "day"],
    ["sort=password_hash", "sort"],
    ["dir=up", "dir"],
    ["page=-1", "page"],
    ["page=1e9", "page"],
    [`q=${"x".repeat(101)}`, "q"],
    ["status=waiting&status=confirmed", "status"],
  ])("names the parameter of %s instead of dropping it", (query, parameter) => {
    expect(strictAttendeeFilters(new URLSearchParams(query))).toEqual({ ok: false, parameter });
  });
});
