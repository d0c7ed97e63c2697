import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "./client";
import { applyMigrations, migrateConnection } from "./migrate";
import * as schema from "./schema";
import { tokenHash } from "../lib/registration/secret-links";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-token-migration-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The migrations folder as it was before tokens were hashed: the journal up to 0007. */
function migrationsBeforeHashing(): string {
  const source = path.join(process.cwd(), "db/migrations");
  const target = path.join(dir, "before");
  fs.cpSync(source, target, { recursive: true });
  const journalFile = path.join(target, "meta/_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag.startsWith("0007_"));
  journal.entries = journal.entries.slice(0, last + 1);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return target;
}

describe("migration 0008: private links stored as hashes", () => {
  it("replaces the tokens stored before it by their SHA-256, so the links people hold keep working", () => {
    const conn = new Database(path.join(dir, "old.db"));
    const db = drizzle(conn, { schema }) as unknown as Db;
    migrateConnection(conn, migrationsBeforeHashing());
    // A database with registrations always had its one event.
    conn
      .prepare("INSERT INTO events (slug, name_en, name_zh, venue_en, venue_zh, time_zone, start_date, end_date) VALUES ('caf2024', 'F', 'F', 'V', 'V', 'Asia/Shanghai', '2024-07-11', '2024-07-13')")
      .run();
    const manage = "M".repeat(32);
    const calendar = "C".repeat(32);
    conn
      .prepare(
        `insert into registrations (code, manage_token, calendar_token, status, full_name, email, email_key, organisation, job_title, category, days, privacy_consent_at)
         values ('CAF-AAAAAAAA', ?, ?, 'confirmed', 'Old Person', 'old@example.test', 'old@example.test', 'Org', 'Job', 'industry', '[]', 0),
                ('CAF-BBBBBBBB', ?, null, 'confirmed', 'Other Person', 'other@example.test', 'other@example.test', 'Org', 'Job', 'industry', '[]', 0)`,
      )
      .run(manage, calendar, "N".repeat(32));

    applyMigrations(db);

    const rows = conn
      .prepare("select code, manage_token_hash hash, calendar_token_hash calendar from registrations order by code")
      .all() as { code: string; hash: string; calendar: string | null }[];
    expect(rows).toEqual([
      { code: "CAF-AAAAAAAA", hash: tokenHash(manage), calendar: tokenHash(calendar) },
      { code: "CAF-BBBBBBBB", hash: tokenHash("N".repeat(32)), calendar: null },
    ]);
    // Applying the migrations again changes nothing.
    applyMigrations(db);
    expect(conn.prepare("select manage_token_hash h from registrations where code = 'CAF-AAAAAAAA'").get()).toEqual({ h: tokenHash(manage) });
    conn.close();
  });
});
