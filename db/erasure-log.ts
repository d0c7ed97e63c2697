/**
 * The erasures, one line each ("<ISO time> <registration code>"), appended to `erasures.log` beside
 * the database. It is not in the database, so a restore of an older backup does not take it back:
 * `db:restore` applies again every erasure it lists (db/backup.ts). Only codes, no personal data.
 */
import fs from "node:fs";
import path from "node:path";
import { ensureDataFolder } from "./client";

const CODE = /^CAF-[2-9A-HJKMNP-Z]{8}$/;

export function erasureLogPath(databaseFile: string): string {
  return path.join(path.dirname(path.resolve(databaseFile)), "erasures.log");
}

export function appendErasure(databaseFile: string, code: string, at: Date): void {
  const file = erasureLogPath(databaseFile);
  ensureDataFolder(path.dirname(file));
  fs.appendFileSync(file, `${at.toISOString()} ${code}\n`, { mode: 0o600 });
}

/** The codes the log lists, each once; none when there is no log. */
export function readErasureLog(databaseFile: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(erasureLogPath(databaseFile), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const codes = text
    .split("\n")
    .map((line) => line.trim().split(/\s+/)[1] ?? "")
    .filter((code) => CODE.test(code));
  return [...new Set(codes)];
}
