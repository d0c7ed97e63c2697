// The migration that makes the forum a series of editions (NNNN_editions), on a database made the
// way the code before it made one: one event, its rooms, program, registrations, invitations,
// words, figures, versions and audit trail. Each row is given to that one edition, which becomes
// the current one, and the database then holds the rules of several editions.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrateConnection } from "./migrate";
import { MIGRATIONS_FOLDER, migrationsBefore } from "./migrations-before";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-editions-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What the previous version's seed and a few days of use wrote, in its schema. */
function oldDatabase(db: Database.Database) {
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
  run("INSERT INTO events (id, slug, name_en, name_zh, venue_en, venue_zh, time_zone, start_date, end_date, capacity) VALUES (7, 'caf2024', 'F', 'F', 'V', 'V', 'Asia/Shanghai', '2024-07-11', '2024-07-13', 250)");
  run("INSERT INTO rooms (id, event_id, slug, name_en, name_zh) VALUES (1, 7, 'hall', 'Hall', '大厅')");
  run("INSERT INTO tracks (id, event_id, slug, name_en, name_zh, color) VALUES (1, 7, 'nev', 'NEV', '新能源', '#112233')");
  run("INSERT INTO sessions (id, event_id, slug, type, status, starts_at, ends_at, room_id, track_id, title_en, title_zh) VALUES (1, 7, 'opening', 'talk', 'published', 0, 1, 1, 1, 'T', 'T')");
  run("INSERT INTO sources (id, title, published_on) VALUES (1, 'Article', '2024-07-25')");
  run("INSERT INTO speakers (id, slug, name_en) VALUES (1, 'someone', 'Someone'), (2, 'real', 'Real')");
  run("UPDATE speakers SET source_id = 1 WHERE id = 2");
  run("INSERT INTO quotes (id, speaker_id, session_id, source_id, kind, text, language) VALUES (1, 1, 1, 1, 'direct', 'In a session', 'en')");
  run("INSERT INTO quotes (id, speaker_id, source_id, kind, text, language) VALUES (2, 2, 1, 'direct', 'In the article', 'en')");
  run("INSERT INTO key_figures (slug, value, label_en, label_zh, source_id) VALUES ('platforms', 'Some 200', 'L', 'L', 1)");
  run("INSERT INTO users (id, email, role, password_hash) VALUES (1, 'admin@example.test', 'admin', 'x')");
  run("INSERT INTO invitations (id, code, label, max_uses, created_by) VALUES (1, 'INV-AAAA', 'Delegation', 5, 1)");
  run(
    "INSERT INTO registrations (id, code, manage_token_hash, status, full_name, email, email_key, organisation, job_title, category, days, privacy_consent_at, invitation_id) VALUES (1, 'CAF-AAAAAA', 'h1', 'confirmed', 'A', 'a@example.test', 'a@example.test', 'O', 'J', 'industry', '[\"2024-07-11\"]', 0, 1)",
  );
  run("INSERT INTO schedule_versions (number, published_by, changes) VALUES (1, 1, '[]'), (2, 1, '[]')");
  run("INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ('attendee:CAF-AAAAAA', 'register', 'registration', 1), ('user:1', 'create', 'user', 1), ('user:1', 'update', 'speaker', 1)");
}

describe("the migration that makes the forum a series of editions", () => {
  const sqlite = new Database(path.join(dir, "forum.db"));
  sqlite.pragma("foreign_keys = ON");
  migrateConnection(sqlite, migrationsBefore("_editions", dir));
  oldDatabase(sqlite);
  migrateConnection(sqlite, MIGRATIONS_FOLDER);
  const all = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[];
  const run = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).run(...params);
  afterAll(() => sqlite.close());

  it("makes the one event the current edition, found at the digits of its acronym", () => {
    expect(all("SELECT id, slug, path, is_current AS current FROM events")).toEqual([{ id: 7, slug: "caf2024", path: "2024", current: 1 }]);
  });

  it("gives every row that belongs to a forum to that edition", () => {
    for (const table of ["registrations", "invitations", "quotes", "key_figures", "schedule_versions"]) {
      expect(all(`SELECT DISTINCT event_id AS e FROM ${table}`), table).toEqual([{ e: 7 }]);
    }
    expect(all("SELECT entity, event_id AS e FROM audit_log ORDER BY id")).toEqual([
      { entity: "registration", e: 7 },
      { entity: "user", e: null },
      { entity: "speaker", e: null },
    ]);
    // Foreign keys still hold, and the migration left nothing that breaks them.
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
  });

  it("still refuses a real person's words in a session", () => {
    expect(() => run("UPDATE quotes SET session_id = 1 WHERE id = 2")).toThrow(/real person/);
  });

  it("keeps one edition's rules: one current edition, one registration per address, one slug per room or session", () => {
    run("INSERT INTO events (id, slug, path, name_en, name_zh, venue_en, venue_zh, time_zone, start_date, end_date) VALUES (8, 'caf2025', '2025', 'F', 'F', 'V', 'V', 'Europe/Berlin', '2025-09-30', '2025-10-01')");
    expect(() => run("UPDATE events SET is_current = 1 WHERE id = 8")).toThrow(/UNIQUE/);
    expect(() => run("INSERT INTO events (slug, path, name_en, name_zh, venue_en, venue_zh, time_zone, start_date, end_date) VALUES ('x2025', '2025', 'F', 'F', 'V', 'V', 'UTC', '2025-01-01', '2025-01-01')")).toThrow(/UNIQUE/);

    const register = (event: number, code: string) =>
      run(
        "INSERT INTO registrations (event_id, code, manage_token_hash, status, full_name, email, email_key, organisation, job_title, category, days, privacy_consent_at) VALUES (?, ?, ?, 'confirmed', 'A', 'a@example.test', 'a@example.test', 'O', 'J', 'industry', '[]', 0)",
        event,
        code,
        `hash-${code}`,
      );
    register(8, "CAF-BBBBBB");
    expect(() => register(8, "CAF-CCCCCC")).toThrow(/UNIQUE/);

    run("INSERT INTO rooms (event_id, slug, name_en, name_zh) VALUES (8, 'hall', 'Hall', '大厅')");
    expect(() => run("INSERT INTO rooms (event_id, slug, name_en, name_zh) VALUES (8, 'hall', 'Hall', '大厅')")).toThrow(/UNIQUE/);
    run("INSERT INTO sessions (event_id, slug, type, starts_at, ends_at, title_en, title_zh) VALUES (8, 'opening', 'talk', 0, 1, 'T', 'T')");
    run("INSERT INTO schedule_versions (event_id, number, changes) VALUES (8, 1, '[]')");
  });

  it("refuses a row that names no edition", () => {
    expect(() => run("INSERT INTO invitations (code, label, max_uses) VALUES ('INV-BBBB', 'No edition', 1)")).toThrow(/FOREIGN KEY/);
  });
});
