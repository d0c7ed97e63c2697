// The migration that makes the article's people real (NNNN_real_people), on a database seeded
// before it: what the old seed wrote is corrected, and the database then refuses the old links.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { migrateConnection } from "./migrate";
import { MIGRATIONS_FOLDER, migrationsBefore } from "./migrations-before";
import { afterAll, describe, expect, it } from "vitest";

// Found by name, not number: migrations are renumbered when branches meet.
const TAG = "_real_people";
const migrations = MIGRATIONS_FOLDER;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-real-people-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const OLD_APOLLO =
  "Recently, Apollo Go has captured the public’s interest … However, if you visit Jiading, you’ll notice that high-level autonomous vehicles like Apollo Go are a common sight in the streets.";
const OLD_LU =
  "The district has been accelerating its development as a core area of a global automobile industry hub, and has built high-quality industrial parks, including an Automotive Chip Valley and an Intelligent Vehicle Software Park.";
const OLD_WANG = "These features enhance the consumer experience and drive the long-term development of our NEVs.";

/** What the seed of the previous version wrote, the parts this migration corrects. */
function oldSeed(db: Database.Database) {
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
  run("INSERT INTO events (id, slug, name_en, name_zh, venue_en, venue_zh, time_zone, start_date, end_date) VALUES (1, 'caf2024', 'F', 'F', 'V', 'V', 'Asia/Shanghai', '2024-07-11', '2024-07-13')");
  run("INSERT INTO sources (id, title, published_on) VALUES (1, 'Industry experts address auto sector''s sustainability', '2024-07-25')");
  run("INSERT INTO speakers (id, slug, name_en, title_en, organisation_en, organisation_zh, bio_en) VALUES (1, 'wang-yao', 'Wang Yao', 'Deputy chief engineer', 'China Association of Automobile Manufacturers', '中国汽车工业协会', 'Deputy chief engineer of the China Association of Automobile Manufacturers, who spoke at the 2024 China Auto Forum about connected and intelligent new-energy vehicles.')");
  run("INSERT INTO speakers (id, slug, name_en, title_en, organisation_en, organisation_zh) VALUES (2, 'liu-jining', 'Liu Jining', 'Chief financial officer', 'Ji Yue Auto', '极越汽车')");
  run("INSERT INTO speakers (id, slug, name_en, title_en, organisation_en, organisation_zh) VALUES (3, 'lu-fangzhou', 'Lu Fangzhou', 'Party secretary of Jiading', 'Jiading District', '嘉定区')");
  run("INSERT INTO speakers (id, slug, name_en) VALUES (4, 'someone-else', 'Someone Else')");
  for (const id of [1, 2]) {
    run("INSERT INTO sessions (id, event_id, slug, type, status, starts_at, ends_at, title_en, title_zh) VALUES (?, 1, ?, 'talk', 'published', 0, 1, 'T', 'T')", id, `s-${id}`);
  }
  run("INSERT INTO session_speakers (session_id, speaker_id, role) VALUES (1, 1, 'speaker'), (2, 2, 'speaker'), (2, 4, 'moderator')");
  run(
    "INSERT INTO session_drafts (session_id, data, revision) VALUES (1, ?, 2)",
    JSON.stringify({ titleEn: "T", speakers: [{ speakerId: 1, role: "speaker" }, { speakerId: 4, role: "panelist" }] }),
  );
  run("INSERT INTO topics (id, slug, name_en, name_zh) VALUES (1, 'autonomous-driving', 'A', 'A'), (2, 'nev', 'N', 'N')");
  run("INSERT INTO quotes (id, speaker_id, session_id, source_id, kind, text, language, translation) VALUES (1, 1, 1, 1, 'direct', ?, 'en', '译')", OLD_WANG);
  run("INSERT INTO quotes (id, speaker_id, source_id, kind, text, language, translation) VALUES (2, 2, 1, 'direct', ?, 'en', '萝卜快跑')", OLD_APOLLO);
  run("INSERT INTO quotes (id, speaker_id, source_id, kind, text, language, translation) VALUES (3, 3, 1, 'paraphrase', ?, 'en', '译')", OLD_LU);
  run("INSERT INTO quote_topics (quote_id, topic_id) VALUES (1, 2), (2, 1)");
  run("INSERT INTO key_figures (slug, value, unit_en, label_en, label_zh, source_id) VALUES ('jiading-platforms', '200', 'R&D platforms', 'L', 'L', 1)");
}

describe("the migration that makes the article's people real", () => {
  const file = path.join(dir, "forum.db");
  const sqlite = new Database(file);
  sqlite.pragma("foreign_keys = ON");
  migrateConnection(sqlite, migrationsBefore(TAG, dir));
  oldSeed(sqlite);
  migrateConnection(sqlite, migrations);
  const all = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[];
  afterAll(() => sqlite.close());

  it("marks the article's people as named in it, and takes them off every session and draft", () => {
    expect(all("SELECT slug, source_id AS source FROM speakers ORDER BY id")).toEqual([
      { slug: "wang-yao", source: 1 },
      { slug: "liu-jining", source: 1 },
      { slug: "lu-fangzhou", source: 1 },
      { slug: "someone-else", source: null },
    ]);
    expect(all("SELECT session_id AS s, speaker_id AS p FROM session_speakers")).toEqual([{ s: 2, p: 4 }]);
    const [draft] = all<{ data: string }>("SELECT data FROM session_drafts");
    expect(JSON.parse(draft!.data)).toEqual({ titleEn: "T", speakers: [{ speakerId: 4, role: "panelist" }] });
    expect(all("SELECT id FROM quotes WHERE session_id IS NOT NULL")).toEqual([]);
  });

  it("corrects the words and figures to the article's, keeping ids and topics", () => {
    const quotes = all<{ id: number; text: string; kind: string; translation: string }>("SELECT id, text, kind, translation FROM quotes ORDER BY id");
    expect(quotes.map((q) => [q.id, q.kind, q.text])).toEqual([
      [1, "direct", "These features enhance the consumer experience and drive the long-term development of our NEVs"],
      [2, "direct", "Recently, Apollo Go has captured the public’s interest"],
      [3, "paraphrase", "The district has been accelerating its development as a core area of a global automobile industry hub."],
      [4, "direct", "However, if you visit Jiading, you’ll notice that high-level autonomous vehicles like Apollo Go are a common sight in the streets."],
      [5, "paraphrase", "The majority of the new NEV models are now Internet-connected and intelligent."],
    ]);
    expect(quotes.some((q) => q.translation.includes("萝卜快跑"))).toBe(false);
    expect(all("SELECT quote_id AS q, topic_id AS t FROM quote_topics ORDER BY quote_id")).toEqual([
      { q: 1, t: 2 },
      { q: 2, t: 1 },
      { q: 4, t: 1 },
      { q: 5, t: 2 },
    ]);
    expect(all("SELECT value, unit_en AS unit FROM key_figures")).toEqual([{ value: "Some 200", unit: "research and development platforms" }]);
    expect(all("SELECT organisation_en AS o FROM speakers WHERE slug = 'lu-fangzhou'")).toEqual([{ o: "" }]);
    expect(all("SELECT bio_en AS b FROM speakers WHERE slug = 'wang-yao'")).toEqual([
      { b: expect.stringContaining("The article on the 2024 China Auto Forum reports what Wang Yao said") },
    ]);
  });

  it("then refuses a real person on a session, and their words in one", () => {
    expect(() => sqlite.prepare("INSERT INTO session_speakers (session_id, speaker_id, role) VALUES (1, 2, 'moderator')").run()).toThrow(/real person/);
    expect(() => sqlite.prepare("UPDATE session_speakers SET speaker_id = 3 WHERE speaker_id = 4").run()).toThrow(/real person/);
    expect(() => sqlite.prepare("UPDATE quotes SET session_id = 2 WHERE id = 1").run()).toThrow(/real person/);
    expect(() => sqlite.prepare("UPDATE speakers SET source_id = 1 WHERE id = 4").run()).toThrow(/on a session/);
    // The people of the program are not affected.
    sqlite.prepare("INSERT INTO session_speakers (session_id, speaker_id, role) VALUES (1, 4, 'moderator')").run();
  });
});
