import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { backupDatabase } from "../backup";
import { closeDb, databasePath } from "../client";
import { withSeededDatabase } from "../test-support";
import { consoleSessionOpen, endAllConsoleSessions, endConsoleSession, startConsoleSession } from "./console-sessions";
import { createUser } from "./users";

withSeededDatabase("console-sessions");

let n = 0;
async function user(): Promise<number> {
  const result = await createUser(
    { email: `sessions-${++n}@forum.test`, role: "staff", password: "a long test passphrase", mustChangePassword: false },
    "system",
  );
  if (!result.ok) throw new Error(result.error);
  return result.user.id;
}

describe("console sessions", () => {
  it("is open from sign-in until sign-out, for its own user only", async () => {
    const id = await user();
    const other = await user();
    const sid = startConsoleSession(id, 12);
    expect(consoleSessionOpen(sid, id)).toBe(true);
    expect(consoleSessionOpen(sid, other)).toBe(false);
    expect(consoleSessionOpen("made-up", id)).toBe(false);
    endConsoleSession(sid);
    expect(consoleSessionOpen(sid, id)).toBe(false);
  }, 30_000);

  it("ends when its time is up", async () => {
    const id = await user();
    const now = Date.now();
    const sid = startConsoleSession(id, 12, now);
    expect(consoleSessionOpen(sid, id, now + 12 * 3_600_000 - 1)).toBe(true);
    expect(consoleSessionOpen(sid, id, now + 12 * 3_600_000)).toBe(false);
  }, 30_000);

  it("all end at once", async () => {
    const users = [await user(), await user()];
    const sids = users.map((id) => startConsoleSession(id, 12));
    expect(sids.map((sid, i) => consoleSessionOpen(sid, users[i]!))).toEqual([true, true]);
    expect(endAllConsoleSessions()).toBeGreaterThanOrEqual(2);
    expect(sids.map((sid, i) => consoleSessionOpen(sid, users[i]!))).toEqual([false, false]);
  }, 30_000);

  it("npm run db:restore ends every session, those in the backup included", async () => {
    const id = await user();
    const sid = startConsoleSession(id, 12);
    const backup = path.join(path.dirname(databasePath()), "backup.db");
    await backupDatabase(databasePath(), backup);
    const live = databasePath();
    closeDb();
    execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/db.ts", "restore", backup], {
      env: { ...process.env, DATABASE_PATH: live },
      stdio: "pipe",
    });
    expect(consoleSessionOpen(sid, id)).toBe(false);
  }, 90_000);
});
