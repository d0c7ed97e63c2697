import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { openApiValidator } from "./openapi-validator";
import { encodeCursor } from "./quote-query";

const validator = openApiValidator(JSON.parse(JSON.stringify(openApiDocument)));

const localized = { en: "Opening Ceremony", zh: "开幕式" };
const session = {
  id: 1,
  slug: "opening-ceremony",
  url: "http://localhost:3000/en/sessions/opening-ceremony",
  type: "ceremony",
  status: "published",
  startsAt: "2024-07-11T01:00:00.000Z",
  endsAt: "2024-07-11T01:30:00.000Z",
  timeZone: "Asia/Shanghai",
  day: "2024-07-11",
  title: localized,
  abstract: localized,
  room: { slug: "main-hall", name: { en: "Main Hall", zh: "主会场" } },
  track: null,
  seatLimit: null,
  speakers: [
    {
      slug: "wang-yao",
      name: { en: "Wang Yao", zh: null },
      url: "http://localhost:3000/en/speakers/wang-yao",
      role: "speaker",
    },
  ],
};

describe("the read-only API's schemas", () => {
  it("describe a public session, and refuse a draft or an undocumented field", () => {
    expect(validator.schema("Session", session)).toEqual([]);
    expect(validator.schema("Session", { ...session, status: "draft" })).not.toEqual([]);
    expect(validator.schema("Session", { ...session, secret: 1 })).not.toEqual([]);
    expect(validator.schema("Session", { ...session, startsAt: "11 July" })).not.toEqual([]);
  });

  it("describe a page of quotes with its cursor", () => {
    const page = { data: [], nextCursor: encodeCursor(4) };
    expect(validator.response("/api/v1/quotes", "get", 200, page)).toEqual([]);
    expect(validator.response("/api/v1/quotes", "get", 200, { data: [] })).not.toEqual([]);
    expect(
      validator.response("/api/v1/quotes", "get", 400, { error: "x", parameter: "cursor" }),
    ).toEqual([]);
  });
});
