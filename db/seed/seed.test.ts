import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "../client";
import { applyMigrations } from "../migrate";
import * as s from "../schema";
import { isEmpty, seed } from ".";

const articleFile = path.resolve(import.meta.dirname, "../../../shared/source/china-auto-forum-2024.txt");
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

  it("names the three people of the article with the titles it gives", () => {
    const people = getDb().select().from(s.speakers).all();
    expect(people.map((p) => `${p.nameEn}, ${p.titleEn.toLowerCase()}`).sort()).toEqual([
      "Liu Jining, chief financial officer",
      "Lu Fangzhou, party secretary of jiading",
      "Wang Yao, deputy chief engineer",
    ]);
    expect(people.every((p) => p.nameZh === null)).toBe(true);
  });

  it("quotes the article word for word, and Lu Fangzhou only as a paraphrase", () => {
    const article = fs.readFileSync(articleFile, "utf8");
    const quotes = getDb().query.quotes.findMany({ with: { speaker: true, source: true } }).sync();
    expect(quotes).toHaveLength(4);
    for (const q of quotes.filter((x) => x.kind === "direct")) {
      // Each fragment stands in the article, inside its quotation marks, bar the closing punctuation.
      for (const fragment of q.text.split(" … ")) {
        expect(article).toContain(fragment.replace(/[.,]$/, ""));
      }
      expect(q.speaker.slug).not.toBe("lu-fangzhou");
    }
    const paraphrases = quotes.filter((x) => x.kind === "paraphrase");
    expect(paraphrases.map((q) => q.speaker.slug)).toEqual(["lu-fangzhou"]);
    expect(quotes.every((q) => q.source.title === "Industry experts address auto sector's sustainability")).toBe(true);
    expect(quotes.every((q) => q.source.publishedOn === "2024-07-25")).toBe(true);
  });

  it("gives every key figure as the article states it, with its source", () => {
    const article = fs.readFileSync(articleFile, "utf8");
    const figures = getDb().select().from(s.keyFigures).all();
    expect(figures.length).toBeGreaterThanOrEqual(6);
    for (const f of figures) expect(article).toContain(f.value);
  });
});
