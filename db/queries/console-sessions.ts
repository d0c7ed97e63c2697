import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { getDb } from "../client";
import { consoleSessions } from "../schema";

/**
 * A new console session for the user, good for `hours`: its id goes into the session cookie.
 * Sessions that have expired are deleted on the way.
 */
export function startConsoleSession(userId: number, hours: number, now = Date.now()): string {
  const id = randomBytes(24).toString("base64url");
  const db = getDb();
  db.transaction(
    (tx) => {
      tx.delete(consoleSessions).where(lt(consoleSessions.expiresAt, new Date(now))).run();
      tx.insert(consoleSessions).values({ id, userId, expiresAt: new Date(now + hours * 3_600_000) }).run();
    },
    { behavior: "immediate" },
  );
  return id;
}

/** Whether the session the cookie names is still open: not signed out, not expired, this user's. */
export function consoleSessionOpen(id: string, userId: number, now = Date.now()): boolean {
  const row = getDb()
    .select({ id: consoleSessions.id })
    .from(consoleSessions)
    .where(and(eq(consoleSessions.id, id), eq(consoleSessions.userId, userId), gt(consoleSessions.expiresAt, new Date(now))))
    .get();
  return Boolean(row);
}

/** Signing out: the session ends on the server, so a copy of its cookie stops working too. */
export function endConsoleSession(id: string): void {
  getDb().delete(consoleSessions).where(eq(consoleSessions.id, id)).run();
}

/** Every console session ends (after a restore of the database): everyone signs in again. */
export function endAllConsoleSessions(): number {
  return getDb().delete(consoleSessions).where(gt(consoleSessions.expiresAt, new Date(0))).run().changes;
}
