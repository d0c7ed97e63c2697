import { describe, expect, it } from "vitest";
import { etagOf } from "../http/etag";
import { calendarResponse, notFoundResponse } from "./response";

const file = { filename: "caf2024-agenda.ics", body: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" };
const get = (headers: Record<string, string> = {}) => new Request("https://forum.example/agenda.ics", { headers });

describe("calendarResponse", () => {
  it("serves a public feed as inline UTF-8 text/calendar, cacheable for five minutes", async () => {
    const res = calendarResponse(get(), file, "public");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('inline; filename="caf2024-agenda.ics"');
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("etag")).toBe(etagOf(file.body));
    expect(await res.text()).toBe(file.body);
  });

  it("keeps a personal feed out of every cache", () => {
    const res = calendarResponse(get(), file, "private");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-robots-tag")).toBe("noindex");
  });

  it("answers 304 with no body when the client holds the same version", async () => {
    const etag = etagOf(file.body);
    const res = calendarResponse(get({ "if-none-match": etag }), file, "public");
    expect(res.status).toBe(304);
    expect(res.headers.get("etag")).toBe(etag);
    expect(await res.text()).toBe("");
    // Negative control: another version is sent in full.
    const changed = calendarResponse(get({ "if-none-match": etag }), { ...file, body: `${file.body} ` }, "public");
    expect(changed.status).toBe(200);
  });
});

it("a miss is a plain 404 that no cache keeps", async () => {
  const res = notFoundResponse();
  expect(res.status).toBe(404);
  expect(res.headers.get("cache-control")).toBe("no-store");
  expect(await res.text()).toContain("Not Found");
});
