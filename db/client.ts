import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function databasePath(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.DATABASE_PATH || "./data/forum.db");
}

let instance: Db | undefined;

/**
 * One connection per process, opened on first use rather than at import: `next build` loads
 * modules in several workers, and opening the file there would race the migrations.
 */
export function getDb(): Db {
  if (instance) return instance;
  const file = databasePath();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // FULL: a commit is on disk before the 201 that reports it, even if the power fails a moment later
  // (NORMAL survives a killed process, not a power cut). It costs about 2 ms a write here.
  sqlite.pragma("synchronous = FULL");
  instance = drizzle(sqlite, { schema }) as Db;
  return instance;
}

export function closeDb(): void {
  instance?.$client.close();
  instance = undefined;
}
