/**
 * `tsx scripts/db.ts migrate | seed [--reset] | prepare | backup FILE [--force] | restore FILE`:
 * prepare migrates and seeds an empty database, which is what `npm start` and the end-to-end
 * tests run before the server.
 */
import fs from "node:fs";
import { BackupError, backupDatabase, describeSummary, restoreDatabase } from "../db/backup";
import { closeDb, databasePath, getDb } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { isEmpty, seed } from "../db/seed";
import { endAllConsoleSessions } from "../db/queries/console-sessions";
import { ensureFirstAdmin } from "../db/queries/users";

const [command, ...flags] = process.argv.slice(2);

const USAGE =
  "Usage: tsx scripts/db.ts migrate | seed [--reset] | prepare | backup FILE [--force] | restore FILE";

/** The one file argument of backup and restore; anything else is a mistake worth stopping for. */
function fileArgument(usage: string, allowed: string[]): string {
  const options = flags.filter((flag) => flag.startsWith("--"));
  const files = flags.filter((flag) => !flag.startsWith("--"));
  const unknown = options.filter((option) => !allowed.includes(option));
  if (files.length !== 1 || unknown.length) {
    throw new BackupError(
      unknown.length ? `Unknown option ${unknown.join(", ")}. ${usage}` : usage,
    );
  }
  return files[0]!;
}

async function backup(): Promise<void> {
  const target = fileArgument("Usage: npm run db:backup -- <file> [--force]", ["--force"]);
  // SQLite's online backup API: consistent even while the server is writing.
  const summary = await backupDatabase(databasePath(), target, {
    force: flags.includes("--force"),
  });
  console.log(`Backed up ${databasePath()} to ${target}; integrity check ok.`);
  console.log(`Backup: ${describeSummary(summary)}.`);
}

async function restore(): Promise<void> {
  const file = fileArgument("Usage: npm run db:restore -- <file>", []);
  const live = databasePath();
  const report = await restoreDatabase(file, live);
  for (const warning of report.warnings) console.log(`Note: ${warning}.`);
  if (report.previous) console.log(`Kept the database as it was at ${report.previous}.`);
  if (report.pending.length) {
    console.log(`Brought the backup up to this code's migrations: ${report.pending.join(", ")}.`);
  }
  console.log(`Restored ${file} into ${live}; integrity check ok.`);
  // A restored users table may hold old passwords and roles: every console user signs in again.
  console.log(`Ended every console session (${endAllConsoleSessions()}): everyone signs in again.`);
  if (report.reerased.length) {
    console.log(
      `Erased again ${report.reerased.length} registration(s) erased after the backup was taken: ${report.reerased.join(", ")}.`,
    );
  }
  console.log(`Now: ${describeSummary(report.restored)}.`);
  console.log(
    [
      "A running server reads the restored data from its next request on: its database connection",
      "sees the new file, and no registration, user or setting is cached in memory, so it needs no",
      "restart for them. The public pages rendered ahead of time (home, agenda, sessions, speakers,",
      "quotes) are not re-rendered by a restore, nor by a restart: if the backup's program, speakers",
      "or quotes differ from what the site shows, run `npm run build` and restart the server.",
      "Speakers' photos are files (data/uploads/ or UPLOADS_DIR), not in the database: restore them too.",
    ].join("\n"),
  );
  closeDb();
}

async function main(): Promise<void> {
  if (command === "backup" || command === "restore") {
    await (command === "backup" ? backup() : restore());
    return;
  }
  if (flags.includes("--reset")) {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(databasePath() + suffix, { force: true });
  }
  const db = getDb();
  if (command === "migrate" || command === "prepare" || command === "seed") {
    applyMigrations(db);
    console.log(`Migrations applied to ${databasePath()}`);
  }
  if (command === "prepare" || command === "seed") {
    if (isEmpty(db)) {
      seed(db);
      console.log("Seeded the forum, its speakers, quotes, figures and illustrative program.");
    } else {
      console.log("The database already holds data; seeding skipped (use --reset to start over).");
    }
    await ensureFirstAdmin();
  }
  if (!["migrate", "prepare", "seed"].includes(command ?? "")) {
    console.error(USAGE);
    process.exitCode = 2;
  }
  closeDb();
}

main().catch((error: unknown) => {
  // A refused file is said in one line; anything else is unexpected and keeps its stack.
  if (error instanceof BackupError) {
    const nothing =
      command === "restore"
        ? "Nothing was restored, the database is unchanged"
        : "No backup was written";
    console.error(`${nothing}: ${error.message}`);
  } else console.error(error);
  process.exitCode = 1;
});
