import { describe, expect, it } from "vitest";
import { seededEdition as event } from "../test-fixtures/edition";
import { openApiDocument } from "./openapi";
import { openApiValidator } from "./openapi-validator";
import { encodeCursor } from "./quote-query";

const validator = openApiValidator(JSON.parse(JSON.stringify(openApiDocument(event))));

const localized = { en: "Opening Ceremony", zh: "开幕式" };
const session = {
  id: 1,
  slug: "opening-ceremony",
  edition: "caf2024",
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
      slug: "moderator",
      name: { en: "Moderator", zh: "主持人" },
      url: "http://localhost:3000/en/speakers/moderator",
      role: "speaker",
    },
  ],
  materials: { slides: null, recording: null },
};

describe("the read-only API's schemas", () => {
  it("describe a public session, and refuse a draft or an undocumented field", () => {
    expect(validator.schema("Session", session)).toEqual([]);
    expect(validator.schema("Session", { ...session, status: "draft" })).not.toEqual([]);
    expect(validator.schema("Session", { ...session, secret: 1 })).not.toEqual([]);
    expect(validator.schema("Session", { ...session, startsAt: "11 July" })).not.toEqual([]);
  });

  it("describe a session's published slides and recording, and refuse a host off the allow-list", () => {
    const materials = {
      slides: { url: "http://localhost:3000/files/materials/0123456789abcdef0123456789abcdef.pdf", bytes: 2400000, pages: 12, previewUrl: null },
      recording: { url: "https://www.bilibili.com/video/BV1GJ411x7h7", host: "bilibili", seconds: 3600 },
    };
    expect(validator.schema("Session", { ...session, materials })).toEqual([]);
    expect(validator.schema("Session", { ...session, materials: { ...materials, recording: { ...materials.recording, host: "example" } } })).not.toEqual([]);
    expect(validator.schema("Session", { ...session, materials: { slides: null } })).not.toEqual([]);
  });

  it("describe a session of an edition in another zone, and the list of editions", () => {
    expect(validator.schema("Session", { ...session, edition: "caf2025", timeZone: "Europe/Berlin" })).toEqual([]);
    const { edition: _e, ...withoutEdition } = session;
    expect(validator.schema("Session", withoutEdition)).not.toEqual([]);
    const edition = {
      acronym: "caf2024",
      path: "2024",
      current: true,
      name: { en: "Forum", zh: "论坛" },
      venue: { en: "Hall", zh: "会堂" },
      timeZone: "Asia/Shanghai",
      startDate: "2024-07-11",
      endDate: "2024-07-12",
      url: "http://localhost:3000/en/2024/agenda",
      schedule: {
        json: "http://localhost:3000/editions/2024/schedule.json",
        xml: "http://localhost:3000/editions/2024/schedule.xml",
        ics: "http://localhost:3000/editions/2024/agenda.ics",
      },
    };
    expect(validator.response("/api/v1/editions", "get", 200, { data: [edition] })).toEqual([]);
    expect(validator.response("/api/v1/editions", "get", 200, { data: [{ ...edition, startDate: "11 July" }] })).not.toEqual([]);
    expect(validator.response("/api/v1/sessions", "get", 400, { error: "x", parameter: "edition" })).toEqual([]);
  });

  it("describe a page of quotes with its cursor", () => {
    const page = { data: [], nextCursor: encodeCursor(4) };
    expect(validator.response("/api/v1/quotes", "get", 200, page)).toEqual([]);
    expect(validator.response("/api/v1/quotes", "get", 200, { data: [] })).not.toEqual([]);
    expect(
      validator.response("/api/v1/quotes", "get", 400, { error: "x", parameter: "cursor" }),
    ).toEqual([]);
  });

  it("describe a real person with the source that quotes them, and a translation with its label", () => {
    const person = {
      slug: "liu-jining",
      name: { en: "Liu Jining", zh: null },
      url: "http://localhost:3000/en/speakers/liu-jining",
      jobTitle: { en: "Chief financial officer", zh: "首席财务官" },
      organisation: { en: "Ji Yue Auto", zh: "极越汽车" },
      bio: { en: "Bio.", zh: "简介。" },
      photoUrl: null,
      quotedIn: { title: "Industry experts address auto sector's sustainability", publisher: null, publishedOn: "2024-07-25", url: null },
    };
    expect(validator.schema("Speaker", person)).toEqual([]);
    expect(validator.schema("Speaker", { ...person, quotedIn: null })).toEqual([]);
    const { quotedIn: _q, ...withoutSource } = person;
    expect(validator.schema("Speaker", withoutSource)).not.toEqual([]);
    const translation = { language: "zh", text: "译文", translatedBy: "site", label: "本站译文，非本人原话" };
    const quote = {
      id: 1,
      url: "http://localhost:3000/en/quotes/1",
      edition: "caf2024",
      kind: "direct",
      text: "Words",
      language: "en",
      translation,
      saidOn: null,
      speaker: { slug: person.slug, name: person.name, url: person.url },
      source: person.quotedIn,
      session: null,
      topics: [],
    };
    expect(validator.schema("Quote", quote)).toEqual([]);
    const { label: _l, ...unlabelled } = translation;
    expect(validator.schema("Quote", { ...quote, translation: unlabelled })).not.toEqual([]);
  });
});
