import { createHash } from "node:crypto";
import path from "node:path";
import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client";

const MIGRATIONS = path.join(process.cwd(), "db/migrations");

export function applyMigrations(db: Db): void {
  migrateConnection(db.$client);
}

/**
 * Applies the migrations in `folder` (all of ours by default) to a connection. The only way
 * migrations run: some need SQL functions of ours, which a plain drizzle-kit migrate lacks.
 */
export function migrateConnection(sqlite: Database.Database, folder = MIGRATIONS): void {
  // SQLite has no SHA-256: NNNN_secret_links_hashed hashes the private-link tokens stored before it.
  sqlite.function("forum_sha256", { deterministic: true }, (value: unknown) =>
    typeof value === "string" ? createHash("sha256").update(value, "utf8").digest("hex") : value,
  );
  // Adding a column that refers to another table with a default, and rebuilding a table, need
  // foreign keys off (SQLite ignores the pragma inside a transaction, so it is set around the
  // migrator's). What the migrations leave is checked before they count as applied.
  const enforced = sqlite.pragma("foreign_keys", { simple: true }) === 1;
  sqlite.pragma("foreign_keys = OFF");
  try {
    migrate(drizzle(sqlite), { migrationsFolder: folder });
    const broken = sqlite.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
    if (broken.length) {
      const first = broken[0]!;
      throw new Error(`The migrations left ${broken.length} rows whose reference is missing, the first in ${first.table} (row ${first.rowid}) to ${first.parent}.`);
    }
  } finally {
    if (enforced) sqlite.pragma("foreign_keys = ON");
  }
}
