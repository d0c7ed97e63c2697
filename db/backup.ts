/**
 * Backups and restores of the SQLite database through SQLite's online backup API, so both work
 * while the server is running. A file is checked before it replaces anything: `checkBackup`
 * refuses what is not this app's database at a migration level this code knows.
 */
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { databasePath, ensureDatabaseFile, type Db } from "./client";
import { readErasureLog } from "./erasure-log";
import { reapplyErasures } from "./queries/registrations";
import { applyMigrations } from "./migrate";
import * as schema from "./schema";

/** A file refused, or a step that failed, with a message meant for the person at the terminal. */
export class BackupError extends Error {}

export type DbSummary = {
  bytes: number;
  registrations: number;
  byStatus: Record<string, number>;
  sessions: number;
  users: number;
  emails: number;
  migrations: number;
};

export type CheckedBackup = {
  /** The migrations this code has and the file had not: applied to the copy being restored. */
  pending: string[];
  /** Things worth saying that do not make the file unfit. */
  warnings: string[];
  summary: DbSummary;
};

const MAGIC = "SQLite format 3\0";
const MIGRATIONS_TABLE = "__drizzle_migrations";
// The backup API copies this many pages per step; this many means "all of them in one step":
// one consistent snapshot under one read lock, never restarted by a concurrent writer.
const ALL_PAGES = 0x7fffffff;

/** The migrations of this code, oldest first (the folder db/migrate.ts applies). */
function knownMigrations(folder = path.join(process.cwd(), "db/migrations")) {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta/_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  const files = readMigrationFiles({ migrationsFolder: folder });
  return journal.entries.map((entry, i) => ({
    tag: entry.tag,
    when: entry.when,
    hash: files[i]?.hash,
  }));
}

const when = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Every table db/schema.ts declares, with its columns: what the code will read and write. */
function schemaTables(): { name: string; columns: string[] }[] {
  return (Object.values(schema) as unknown[])
    .filter((value): value is SQLiteTable => is(value, SQLiteTable))
    .map((table) => {
      const config = getTableConfig(table);
      return { name: config.name, columns: config.columns.map((column) => column.name) };
    });
}

function tableNames(conn: Database.Database): string[] {
  return (
    conn.prepare("select name from sqlite_master where type = 'table' order by name").all() as {
      name: string;
    }[]
  ).map((row) => row.name);
}

export function summarize(conn: Database.Database, file: string): DbSummary {
  const count = (sql: string) => (conn.prepare(sql).get() as { n: number }).n;
  const byStatus = Object.fromEntries(
    (
      conn.prepare("select status, count(*) n from registrations group by status").all() as {
        status: string;
        n: number;
      }[]
    ).map((row) => [row.status, row.n]),
  );
  return {
    bytes: fs.statSync(file).size,
    registrations: count("select count(*) n from registrations"),
    byStatus,
    sessions: count("select count(*) n from sessions"),
    users: count("select count(*) n from users"),
    emails: count("select count(*) n from outbox"),
    migrations: count(`select count(*) n from ${MIGRATIONS_TABLE}`),
  };
}

export function describeSummary(summary: DbSummary): string {
  const statuses = Object.entries(summary.byStatus)
    .map(([status, n]) => `${n} ${status}`)
    .join(", ");
  const mb = (summary.bytes / 1024 / 1024).toFixed(2);
  return (
    `${mb} MB (${summary.bytes} bytes): ${plural(summary.registrations, "registration")}` +
    `${statuses ? ` (${statuses})` : ""}, ${plural(summary.sessions, "session")}, ${plural(summary.users, "user")}, ` +
    `${plural(summary.emails, "email")} in the outbox, ${plural(summary.migrations, "migration")} applied`
  );
}

function integrityProblems(conn: Database.Database): string[] {
  const rows = conn.pragma("integrity_check") as { integrity_check: string }[];
  const messages = rows.map((row) => row.integrity_check);
  return messages.length === 1 && messages[0] === "ok" ? [] : messages;
}

/**
 * Checks the header of `file` without opening it with SQLite: what SQLite would only report as
 * "file is not a database", or a damaged page much later, is said here plainly.
 */
function checkHeader(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new BackupError(`There is no file at ${file}.`);
  }
  if (!stat.isFile()) throw new BackupError(`${file} is not a file.`);
  if (stat.size === 0)
    throw new BackupError(`${file} is empty (0 bytes): it is not a database backup.`);
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, "r");
  let read: number;
  try {
    read = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.subarray(0, 16).toString("latin1") !== MAGIC) {
    throw new BackupError(
      `${file} is not an SQLite database: it does not start with "SQLite format 3".`,
    );
  }
  if (read < 100)
    throw new BackupError(
      `${file} is truncated: it ends inside the SQLite header (${read} bytes).`,
    );
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  // The page count in the header is valid when the change counter equals "version-valid-for".
  const pages = header.readUInt32BE(24) === header.readUInt32BE(92) ? header.readUInt32BE(28) : 0;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    throw new BackupError(
      `${file} is damaged: its header gives an impossible page size (${rawPageSize}).`,
    );
  }
  if (stat.size % pageSize !== 0 || stat.size < pages * pageSize) {
    throw new BackupError(
      `${file} is truncated: it has ${stat.size} bytes, its header says ${pages} pages of ${pageSize} bytes (${pages * pageSize} bytes).`,
    );
  }
}

function checkMigrations(conn: Database.Database, file: string, migrationsFolder?: string) {
  const tables = tableNames(conn);
  if (!tables.includes(MIGRATIONS_TABLE)) {
    const shown = tables.slice(0, 8).join(", ") + (tables.length > 8 ? ", …" : "");
    throw new BackupError(
      `${file} is not this app's database: it has no ${MIGRATIONS_TABLE} table ` +
        `(its tables: ${shown || "none"}).`,
    );
  }
  const known = knownMigrations(migrationsFolder);
  const newest = known.at(-1);
  const applied = conn
    .prepare(`select hash, created_at as createdAt from ${MIGRATIONS_TABLE} order by created_at`)
    .all() as { hash: string; createdAt: number | string }[];
  const warnings: string[] = [];
  for (const row of applied) {
    const at = Number(row.createdAt);
    const match = known.find((migration) => migration.when === at);
    if (match) {
      if (match.hash !== row.hash) {
        warnings.push(
          `migration ${match.tag} was applied from a file that differs from this code's (another hash)`,
        );
      }
      continue;
    }
    if (!newest || at > newest.when) {
      throw new BackupError(
        `${file} comes from a newer version of the app: it has a migration of ${when(at)}, ` +
          `and this code's newest is ${newest ? `${newest.tag} of ${when(newest.when)}` : "none"}. ` +
          "Restore it with the version of the app that made it.",
      );
    }
    throw new BackupError(
      `${file} has a migration this code does not know (of ${when(at)}): it comes from another app or branch.`,
    );
  }
  const last = applied.length ? Number(applied.at(-1)!.createdAt) : 0;
  return {
    pending: known.filter((migration) => migration.when > last).map((m) => m.tag),
    warnings,
  };
}

function checkTables(conn: Database.Database, file: string): void {
  const missing: string[] = [];
  for (const table of schemaTables()) {
    const columns = (
      conn.prepare(`select name from pragma_table_info(?)`).all(table.name) as { name: string }[]
    ).map((row) => row.name);
    if (columns.length === 0) missing.push(`table ${table.name}`);
    else
      missing.push(
        ...table.columns
          .filter((c) => !columns.includes(c))
          .map((c) => `column ${table.name}.${c}`),
      );
  }
  if (missing.length) {
    throw new BackupError(
      `${file} is not this app's database, or is damaged: it lacks ${missing.slice(0, 5).join(", ")}` +
        `${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}.`,
    );
  }
}

/**
 * Checks a backup and brings it up to this code's migrations, on a copy in a temporary folder:
 * the file itself is only read. Throws a BackupError saying why a file is unfit. The caller
 * restores from `copy` (an open connection) and then calls `dispose`.
 */
export function checkBackup(
  file: string,
  options: { migrationsFolder?: string } = {},
): CheckedBackup & { copy: Database.Database; dispose: () => void } {
  checkHeader(file);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-restore-"));
  const copyPath = path.join(dir, "candidate.db");
  let conn: Database.Database | undefined;
  const dispose = () => {
    conn?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    fs.copyFileSync(file, copyPath);
    // A copy of a database in WAL mode taken with its -wal file: SQLite reads both.
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copyPath}-wal`);
    try {
      conn = new Database(copyPath);
      const problems = integrityProblems(conn);
      if (problems.length) {
        throw new BackupError(
          `${file} is damaged: PRAGMA integrity_check says ${problems.slice(0, 3).join("; ")}.`,
        );
      }
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError(
        `${file} is damaged: SQLite cannot read it (${(error as Error).message}).`,
      );
    }
    const { pending, warnings } = checkMigrations(conn, file, options.migrationsFolder);
    if (pending.length) {
      try {
        applyMigrations(drizzle(conn, { schema }) as unknown as Db);
      } catch (error) {
        throw new BackupError(
          `${file} could not be brought up to this code's migrations: ${(error as Error).message}`,
        );
      }
    }
    checkTables(conn, file);
    const violations = conn.pragma("foreign_key_check") as { table: string }[];
    if (violations.length) {
      const tables = [...new Set(violations.map((v) => v.table))].join(", ");
      throw new BackupError(
        `${file} has ${plural(violations.length, "row")} whose references are broken (in ${tables}).`,
      );
    }
    conn.pragma("wal_checkpoint(TRUNCATE)");
    return { pending, warnings, summary: summarize(conn, copyPath), copy: conn, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

/**
 * Writes a copy of the database open on `source` to `target` and checks it: through a temporary
 * file beside the target, so a failed copy leaves nothing behind, in rollback-journal mode, so the
 * backup is one self-contained file. Without `force` an existing target is never replaced.
 */
async function copyDatabase(
  source: Database.Database,
  target: string,
  force: boolean,
): Promise<DbSummary> {
  const dir = path.dirname(path.resolve(target));
  if (!fs.existsSync(dir)) throw new BackupError(`The folder ${dir} does not exist.`);
  if (!force && fs.existsSync(target)) {
    throw new BackupError(
      `${target} already exists: choose another name, or add --force to replace it.`,
    );
  }
  const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.partial`);
  fs.rmSync(temporary, { force: true });
  try {
    await source.backup(temporary, { progress: () => ALL_PAGES });
    const written = new Database(temporary);
    let summary: DbSummary;
    try {
      written.pragma("journal_mode = DELETE");
      const problems = integrityProblems(written);
      if (problems.length)
        throw new BackupError(
          `The copy failed its integrity check: ${problems.slice(0, 3).join("; ")}.`,
        );
      summary = summarize(written, temporary);
    } finally {
      written.close();
    }
    // Names, emails and password hashes: readable by the owner only, like the secrets beside the database.
    fs.chmodSync(temporary, 0o600);
    if (force) fs.renameSync(temporary, target);
    else {
      // link() fails if the target appeared meanwhile, where rename() would replace it.
      try {
        fs.linkSync(temporary, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") {
          throw new BackupError(
            `${target} already exists: choose another name, or add --force to replace it.`,
          );
        }
        throw error;
      }
    }
    return { ...summary, bytes: fs.statSync(target).size };
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

function openExisting(file: string): Database.Database {
  if (!fs.existsSync(file)) throw new BackupError(`There is no database at ${file}.`);
  const conn = new Database(file, { fileMustExist: true });
  conn.pragma("busy_timeout = 5000");
  return conn;
}

/** `npm run db:backup -- FILE [--force]`: a consistent copy, even while the server writes. */
export async function backupDatabase(
  livePath: string,
  target: string,
  options: { force?: boolean } = {},
) {
  const source = openExisting(livePath);
  try {
    return await copyDatabase(source, target, options.force ?? false);
  } finally {
    source.close();
  }
}

export type RestoreReport = CheckedBackup & {
  /** The database as it was before, kept beside it; null when there was none. */
  previous: string | null;
  restored: DbSummary;
  /** Registrations erased after the backup was taken, erased again in the restored database. */
  reerased: string[];
};

/** The codes of the erased registrations of the database at `file`. */
function erasedCodesIn(file: string): string[] {
  const conn = openExisting(file);
  try {
    return (
      conn.prepare("select code from registrations where erased_at is not null").all() as {
        code: string;
      }[]
    ).map((row) => row.code);
  } finally {
    conn.close();
  }
}

/**
 * Copies `copy` over the database at `livePath` with the backup API, running `whileLocked` once
 * the live database's write lock is held and before any page is written: nothing can commit in
 * between, so a copy taken there is exactly what the restore replaces. If `whileLocked` fails,
 * the restore is rolled back.
 */
async function replaceLocked(
  copy: Database.Database,
  livePath: string,
  whileLocked: () => Promise<void>,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const lock: { state: "waiting" | "locked" | "ready" | Error } = { state: "waiting" };
    await copy.backup(livePath, {
      // Called after each step; the first step takes the destination's write lock and keeps it
      // until the end. Zero pages per step holds the lock while `whileLocked` runs.
      progress: () => {
        if (lock.state === "waiting") {
          lock.state = "locked";
          whileLocked().then(
            () => (lock.state = "ready"),
            (error: unknown) =>
              (lock.state = error instanceof Error ? error : new Error(String(error))),
          );
        }
        if (lock.state instanceof Error) throw lock.state;
        return lock.state === "ready" ? ALL_PAGES : 0;
      },
    });
    if (lock.state === "ready") return;
    // better-sqlite3 reports SQLITE_BUSY on the first step (another connection was committing)
    // as a backup with nothing left to copy: nothing was written. Try again.
    if (attempt === 100) {
      throw new BackupError(
        `${livePath} stayed locked by another writer for 10 s: nothing was restored.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Replaces the database at `livePath` with the backup in `file`, once `checkBackup` accepts it.
 * The current database is first copied to `<db>.before-restore-<time>`, under the same write lock
 * as the restore. The restore is one write transaction of the backup API into the live file: a
 * running server's connection waits for it (busy_timeout) and then reads the restored data.
 */
export async function restoreDatabase(
  file: string,
  livePath: string,
  options: { now?: Date; migrationsFolder?: string } = {},
): Promise<RestoreReport> {
  if (path.resolve(file) === path.resolve(livePath)) {
    throw new BackupError(`${file} is the live database itself: name a backup file.`);
  }
  const checked = checkBackup(file, options);
  try {
    let previous: string | null = null;
    if (fs.existsSync(livePath)) {
      const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, "-");
      previous = `${livePath}.before-restore-${stamp}`;
    } else {
      ensureDatabaseFile(path.resolve(livePath));
    }
    const kept = previous ?? "nowhere (there was none)";
    // Every erasure made so far, from the log beside the database and from the database itself
    // (read under the restore's lock, below): the backup may predate some, and they must stand.
    const erasures = new Set(readErasureLog(livePath));
    // A mark that only the restored file carries: proof the restore took effect, whatever a
    // running server writes meanwhile. Set back to the backup's own value afterwards.
    const userVersion = checked.copy.pragma("user_version", { simple: true }) as number;
    const mark = crypto.randomInt(1, 2 ** 31 - 1);
    checked.copy.pragma(`user_version = ${mark}`);
    await replaceLocked(checked.copy, livePath, async () => {
      if (previous) {
        for (const code of erasedCodesIn(livePath)) erasures.add(code);
        await backupDatabase(livePath, previous);
      }
    });
    const live = openExisting(livePath);
    try {
      if (live.pragma("user_version", { simple: true }) !== mark) {
        throw new BackupError(
          `The restore did not take effect; the previous database is kept at ${kept}.`,
        );
      }
      live.pragma(`user_version = ${userVersion}`);
      // The file kept its WAL mode: only the pages changed. Check what a server would now read.
      const problems = integrityProblems(live);
      if (problems.length) {
        throw new BackupError(
          `The restored database fails its integrity check (${problems.slice(0, 3).join("; ")}); ` +
            `the previous one is kept at ${kept}.`,
        );
      }
      // Erased through the query layer, on the connection the app uses for this database, as if
      // the person asked again: their data goes, their seat is given on, and the trail says so.
      const warnings = [...checked.warnings];
      let reerased: string[] = [];
      if (path.resolve(livePath) === databasePath()) reerased = reapplyErasures(erasures);
      else if (erasures.size) {
        warnings.push(
          `${erasures.size} erasure(s) were not applied again: ${livePath} is not DATABASE_PATH`,
        );
      }
      // Counts may already differ from the backup's: a running server writes as soon as it may.
      return {
        pending: checked.pending,
        warnings,
        summary: checked.summary,
        previous,
        restored: summarize(live, livePath),
        reerased,
      };
    } finally {
      live.close();
    }
  } finally {
    checked.dispose();
  }
}
