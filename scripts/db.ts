/**
 * `tsx scripts/db.ts migrate | seed [--reset] | prepare | backup FILE`: prepare migrates and seeds
 * an empty database, which is what `npm start` and the end-to-end tests run before the server.
 */
import fs from "node:fs";
import { closeDb, databasePath, getDb } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { isEmpty, seed } from "../db/seed";
import { ensureFirstAdmin } from "../db/queries/users";

const [command, ...flags] = process.argv.slice(2);

async function backup(target: string | undefined): Promise<void> {
  if (!target) throw new Error("Usage: npm run db:backup -- <file>");
  // SQLite's online backup API: consistent even while the server is writing.
  await getDb().$client.backup(target);
  console.log(`Backed up ${databasePath()} to ${target}`);
}

async function main(): Promise<void> {
  if (command === "backup") {
    await backup(flags[0]);
    closeDb();
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
    console.error("Usage: tsx scripts/db.ts migrate | seed [--reset] | prepare | backup FILE");
    process.exitCode = 2;
  }
  closeDb();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
