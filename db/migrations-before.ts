// For migration tests: the migrations folder as it was before one migration, so that a test can
// make a database the way the code before it did, then apply the rest.
import fs from "node:fs";
import path from "node:path";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db/migrations");

/**
 * A copy of the migrations in `dir` with the journal cut before the migration whose tag ends with
 * `tag` (found by name, not number: migrations are renumbered when branches meet).
 */
export function migrationsBefore(tag: string, dir: string): string {
  const folder = path.join(dir, `before${tag}`);
  fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, "meta/_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { idx: number; tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(tag));
  if (at <= 0) throw new Error(`No migration before one named *${tag}.`);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}
