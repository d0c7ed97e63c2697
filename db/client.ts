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
 * the transaction's work runs. `transaction` runs an immediate transaction whose work first calls
 * `begun`: an error after that is the work's own, and is not retried.
 */
export function promptly<T>(sqlite: Database.Database, transaction: (begun: () => void) => T): T {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    const result = attempt(sqlite, transaction);
    if (result !== BUSY) return result;
    if (Date.now() > deadline) throw lockTimeout();
    Atomics.wait(pause, 0, 0, RETRY_EVERY_MS);
  }
}

/** The error of a write that waited WAIT_FOR_LOCK_MS for the lock in vain: SQLite's own, as it words it. */
export function lockTimeout(): Error {
  return Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
}

/** What `attempt` returns when another connection holds the write lock: nothing of the work ran. */
export const BUSY: unique symbol = Symbol("write lock busy");

/**
 * One try at an immediate transaction, without waiting: BUSY if another connection holds the
 * write lock (the work did not run), else what the transaction returned. For callers that wait
 * without blocking their process (db/group-commit.ts): while one server process commits, the
 * other keeps reading requests, and its next group takes them all.
 */
export function attempt<T>(sqlite: Database.Database, transaction: (begun: () => void) => T): T | typeof BUSY {
  let began = false;
  sqlite.pragma("busy_timeout = 0");
  try {
    return transaction(() => {
      began = true;
      sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    });
  } catch (error) {
    if (!began && (error as { code?: string }).code === "SQLITE_BUSY") return BUSY;
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/** How long a caller of `attempt` goes on trying before it reports the database busy. */
export const WAIT_FOR_LOCK_MS = BUSY_TIMEOUT_MS;

/**
 * The next `attempt`, a timer's tick later (about a millisecond, a commit's time): the event loop
 * reads requests meanwhile, and the waiting process leaves the core to the one that writes,
 * where polling every turn would compete with it for the CPU.
 */
export function retrySoon(retry: () => void): void {
  setTimeout(retry, 1);
}

// Drizzle's own transaction of each connection, before takeWriteLockPromptly wraps it.
const waitingTransaction = new WeakMap<Db, Db["transaction"]>();

/** One try at an immediate drizzle transaction on `db` (see `attempt`): BUSY, or what `work` returned. */
export function attemptTransaction<T>(db: Db, work: (tx: Tx) => T): T | typeof BUSY {
  const transaction = waitingTransaction.get(db) ?? db.transaction.bind(db);
  return attempt(db.$client, (begun) =>
    transaction((tx) => {
      begun();
      return work(tx);
    }, { behavior: "immediate" }),
  );
}

/** Every immediate transaction of this connection through drizzle asks for the lock promptly. */
function takeWriteLockPromptly(db: Db, sqlite: Database.Database): void {
  const transaction = db.transaction.bind(db);
  waitingTransaction.set(db, transaction);
  db.transaction = ((work, config) => {
    if (config?.behavior !== "immediate") return transaction(work, config);
    return promptly(sqlite, (begun) =>
      transaction((tx) => {
        begun();
        return work(tx);
      }, config),
    );
  }) as Db["transaction"];
}

let scratch: Db | undefined;

/**
 * A second connection to the same file, for tables whose rows may be lost in a crash without
 * harm (rate_limit_buckets): `synchronous = OFF`, so a commit costs no fsync. The rate limit
 * writes on every request of the registration endpoints; through getDb() that was a second fsync
 * per registration, holding the database's one write lock while the disk caught up.
 *
 * It never checkpoints (wal_autocheckpoint = 0): a checkpoint run without syncing could leave
 * rows that getDb() committed durably only in an unsynced database file. getDb()'s commits, in
 * this process or another, checkpoint as usual, and their fsync of the WAL also makes durable
 * whatever this connection wrote before them.
 */
export function getScratchDb(): Db {
  if (scratch) return scratch;
  getDb(); // creates the file with its mode, as the main connection does
  const sqlite = new Database(databasePath());
  // The main connection has made the file WAL already (a mode kept in the file).
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("wal_autocheckpoint = 0");
  scratch = drizzle(sqlite, { schema }) as Db;
  takeWriteLockPromptly(scratch, sqlite);
  return scratch;
}

export function closeDb(): void {
  scratch?.$client.close();
  scratch = undefined;
  instance?.$client.close();
  instance = undefined;
}
