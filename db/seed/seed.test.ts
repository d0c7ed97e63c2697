import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "../client";
import { applyMigrations } from "../migrate";
import * as s from "../schema";
import { isEmpty, seed } from ".";
import { readArticle } from "./article-file";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-seed-"));

beforeAll(() => {
  process.env.DATABASE_PATH = path.join(dir, "forum.db");
  const db = getDb();
  applyMigrations(db);
  expect(isEmpty(db)).toBe(true);
  seed(db);
});

afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the seed", () => {
  it("fills the program: at least 24 sessions in at least 3 rooms and 4 tracks", () => {
    const db = getDb();
    expect(isEmpty(db)).toBe(false);
    expect(db.select({ n: count() }).from(s.sessions).get()?.n).toBeGreaterThanOrEqual(24);
    expect(db.select({ n: count() }).from(s.rooms).get()?.n).toBeGreaterThanOrEqual(3);
    expect(db.select({ n: count() }).from(s.tracks).get()?.n).toBeGreaterThanOrEqual(4);
    expect(db.select().from(s.events).get()?.timeZone).toBe("Asia/Shanghai");
  });

  it("stores session times as UTC instants of forum time", () => {
    const opening = getDb().select().from(s.sessions).where(eq(s.sessions.slug, "opening-ceremony")).get();
    expect(opening?.startsAt.toISOString()).toBe("2024-07-11T01:00:00.000Z");
  });

  it("names the three people of the article with the titles it gives, marked as named in it", () => {
    const people = getDb().query.speakers.findMany({ with: { source: true } }).sync();
    const real = people.filter((p) => p.sourceId !== null);
    expect(real.map((p) => `${p.nameEn}, ${p.titleEn.toLowerCase()}`).sort()).toEqual([
      "Liu Jining, chief financial officer",
      "Lu Fangzhou, party secretary of jiading",
      "Wang Yao, deputy chief engineer",
    ]);
    expect(real.every((p) => p.nameZh === null && p.source?.title === "Industry experts address auto sector's sustainability")).toBe(true);
  });

  it("links no real person to any session, and the program's people are roles", () => {
    const links = getDb().query.sessionSpeakers.findMany({ with: { speaker: true, session: true } }).sync();
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => l.speaker.sourceId !== null)).toEqual([]);
    expect(new Set(links.map((l) => l.speaker.nameEn))).toEqual(
      new Set(["Moderator", "Representative of a Jiading chip company", "Representative of a Chinese carmaker"]),
    );
  });

  it("refuses, in the database itself, to put a real person on a session or their words in one", () => {
    const db = getDb();
    const wang = db.select().from(s.speakers).where(eq(s.speakers.slug, "wang-yao")).get()!;
    const session = db.select().from(s.sessions).where(eq(s.sessions.slug, "opening-ceremony")).get()!;
    expect(() => db.insert(s.sessionSpeakers).values({ sessionId: session.id, speakerId: wang.id, role: "moderator" }).run()).toThrow(
      /real person/,
    );
    const quote = db.select().from(s.quotes).where(eq(s.quotes.speakerId, wang.id)).get()!;
    expect(() => db.update(s.quotes).set({ sessionId: session.id }).where(eq(s.quotes.id, quote.id)).run()).toThrow(/real person/);
    expect(db.select().from(s.sessionSpeakers).where(eq(s.sessionSpeakers.speakerId, wang.id)).all()).toEqual([]);
  });

  it("quotes the article word for word, each quoted sentence on its own, and reported speech as paraphrase", () => {
    const article = readArticle();
    const quotes = getDb().query.quotes.findMany({ with: { speaker: true, source: true } }).sync();
    expect(quotes).toHaveLength(6);
    for (const q of quotes.filter((x) => x.kind === "direct")) {
      expect(article).toContain(`“${q.text}`);
      expect(q.speaker.slug).not.toBe("lu-fangzhou");
      expect(q.sessionId).toBeNull();
    }
    const paraphrases = quotes.filter((x) => x.kind === "paraphrase");
    expect(paraphrases.map((q) => q.speaker.slug)).toEqual(["wang-yao", "lu-fangzhou"]);
    expect(quotes.every((q) => q.source.title === "Industry experts address auto sector's sustainability")).toBe(true);
    expect(quotes.every((q) => q.source.publishedOn === "2024-07-25")).toBe(true);
  });

  it("gives every key figure as the article states it, with its source", () => {
    const article = readArticle();
    const figures = getDb().select().from(s.keyFigures).all();
    expect(figures.length).toBeGreaterThanOrEqual(6);
    for (const f of figures) expect(article).toContain(f.value);
    expect(figures.find((f) => f.slug === "jiading-platforms")).toMatchObject({ value: "Some 200", unitEn: "research and development platforms" });
  });
});
