import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { databasePath } from "../lib/data-path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The `tx` of `getDb().transaction(...)`: the one type a query takes when it runs in its caller's transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export { databasePath };

/**
 * Creates the data folder (database, secrets, uploads) readable by its owner only: 0700. A folder
 * that already exists keeps its mode, since it may be one the operator chose and shares.
 */
export function ensureDataFolder(dir: string): void {
  if (fs.existsSync(dir)) return;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

/**
 * Creates an empty database file with mode 0600 before SQLite opens it: SQLite would create it
 * with the process's umask (usually 0644), and it gives the -wal and -shm files the database's mode.
 */
export function ensureDatabaseFile(file: string): void {
  ensureDataFolder(path.dirname(file));
  try {
    fs.writeFileSync(file, "", { mode: 0o600, flag: "wx" });
    fs.chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

let instance: Db | undefined;

/**
 * One connection per process, opened on first use rather than at import: `next build` loads
 * modules in several workers, and opening the file there would race the migrations.
 */
export function getDb(): Db {
  if (instance) return instance;
  const file = databasePath();
  ensureDatabaseFile(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // FULL: a commit is on disk before the 201 that reports it, even if the power fails a moment later
  // (NORMAL survives a killed process, not a power cut). It costs about 2 ms a write here.
  sqlite.pragma("synchronous = FULL");
  instance = drizzle(sqlite, { schema }) as Db;
  takeWriteLockPromptly(instance, sqlite);
  return instance;
}

const BUSY_TIMEOUT_MS = 5000;
const RETRY_EVERY_MS = 0.2;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * The server runs one process per core on this file, and an immediate transaction waits while
 * another process writes. SQLite's own wait (busy_timeout) sleeps 1, 2, 5, 10 … 100 ms between
 * tries, far longer than a write holds the lock (about a millisecond): under a burst, requests
 * stalled for hundreds of milliseconds behind locks long free. So an immediate transaction asks
 * for the lock itself, every 0.2 ms, for up to the same 5 s; once it holds the lock, the rest of
 * the transaction runs with the usual wait. Retrying is safe: the BEGIN is refused before any of
 * the transaction's work runs.
 */
function takeWriteLockPromptly(db: Db, sqlite: Database.Database): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((work, config) => {
    if (config?.behavior !== "immediate") return transaction(work, config);
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    for (;;) {
      let began = false;
      sqlite.pragma("busy_timeout = 0");
      try {
        return transaction((tx) => {
          began = true;
          sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
          return work(tx);
        }, config);
      } catch (error) {
        if (began || (error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw error;
        Atomics.wait(pause, 0, 0, RETRY_EVERY_MS);
      } finally {
        sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      }
    }
  }) as Db["transaction"];
}

export function closeDb(): void {
  instance?.$client.close();
  instance = undefined;
}
