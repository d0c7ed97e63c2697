import "server-only";
import fs from "node:fs";
import path from "node:path";
import { and, asc, count, eq, ne } from "drizzle-orm";
import { databasePath, getDb } from "../client";
import { signInFailures, users, type User, type UserRole } from "../schema";
import { recordAudit } from "./audit";
import {
  DUMMY_HASH,
  generatePassword,
  hashPassword,
  verifyPassword,
} from "../../lib/auth/password";
import {
  ADDRESS_LIMITS,
  decide,
  EMAIL_LIMITS,
  recordFailure,
  type FailureRecord,
} from "../../lib/auth/throttle";

export type PublicUser = Omit<User, "passwordHash">;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function strip({ passwordHash: _, ...user }: User): PublicUser {
  return user;
}

export function findUserById(id: number): User | undefined {
  return getDb().select().from(users).where(eq(users.id, id)).get();
}

export function findUserByEmail(email: string): User | undefined {
  return getDb().select().from(users).where(eq(users.email, normalizeEmail(email))).get();
}

export function listUsers(): PublicUser[] {
  return getDb().select().from(users).orderBy(asc(users.email)).all().map(strip);
}

export function countUsers(): number {
  return getDb().select({ n: count() }).from(users).get()?.n ?? 0;
}

export type CreateUserResult = { ok: true; user: PublicUser } | { ok: false; error: "emailTaken" };

export async function createUser(
  input: { email: string; name?: string; role: UserRole; password: string; mustChangePassword: boolean },
  actor: string,
): Promise<CreateUserResult> {
  // Hashing takes a few hundred ms: done before the transaction, which stays synchronous.
  const passwordHash = await hashPassword(input.password);
  const email = normalizeEmail(input.email);
  return getDb().transaction(
    (tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
        return { ok: false, error: "emailTaken" } as const;
      }
      const user = tx
        .insert(users)
        .values({ email, name: input.name?.trim() ?? "", role: input.role, passwordHash, mustChangePassword: input.mustChangePassword })
        .returning()
        .get();
      recordAudit(tx, { actor, action: "create", entity: "user", entityId: user.id, after: { email, name: user.name, role: user.role } });
      return { ok: true, user: strip(user) } as const;
    },
    { behavior: "immediate" },
  );
}

export type UpdateUserResult = { ok: true } | { ok: false; error: "notFound" | "lastAdmin" };

/** Role, name or disabled flag. Disabling ends the user's sessions at once (sessionVersion). */
export function updateUser(
  id: number,
  change: { role?: UserRole; disabled?: boolean; name?: string },
  actor: string,
): UpdateUserResult {
  return getDb().transaction(
    (tx) => {
      const user = tx.select().from(users).where(eq(users.id, id)).get();
      if (!user) return { ok: false, error: "notFound" } as const;
      const losesAdmin =
        user.role === "admin" && !user.disabled && ((change.role && change.role !== "admin") || change.disabled === true);
      if (losesAdmin) {
        const otherAdmins =
          tx
            .select({ n: count() })
            .from(users)
            .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, id)))
            .get()?.n ?? 0;
        if (otherAdmins === 0) return { ok: false, error: "lastAdmin" } as const;
      }
      const next = {
        role: change.role ?? user.role,
        disabled: change.disabled ?? user.disabled,
        name: change.name?.trim() ?? user.name,
      };
      tx.update(users)
        .set({
          ...next,
          sessionVersion: next.disabled && !user.disabled ? user.sessionVersion + 1 : user.sessionVersion,
          updatedAt: new Date(),
        })
        .where(eq(users.id, id))
        .run();
      recordAudit(tx, {
        actor,
        action: next.disabled !== user.disabled ? (next.disabled ? "disable" : "enable") : "update",
        entity: "user",
        entityId: id,
        before: { role: user.role, disabled: user.disabled, name: user.name },
        after: next,
      });
      return { ok: true } as const;
    },
    { behavior: "immediate" },
  );
}

/** A new one-time password for someone else; their sessions end and they must choose a new one. */
export async function resetPassword(id: number, actor: string): Promise<string | null> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const done = getDb().transaction(
    (tx) => {
      const user = tx.select().from(users).where(eq(users.id, id)).get();
      if (!user) return false;
      tx.update(users)
        .set({ passwordHash, mustChangePassword: true, sessionVersion: user.sessionVersion + 1, updatedAt: new Date() })
        .where(eq(users.id, id))
        .run();
      recordAudit(tx, { actor, action: "reset-password", entity: "user", entityId: id });
      return true;
    },
    { behavior: "immediate" },
  );
  return done ? password : null;
}

export type ChangePasswordResult = { ok: true; sessionVersion: number } | { ok: false; error: "wrongPassword" | "notFound" };

/** The user's own change: the current password is required. Other sessions of theirs end. */
export async function changeOwnPassword(id: number, current: string, next: string): Promise<ChangePasswordResult> {
  const user = findUserById(id);
  if (!user) return { ok: false, error: "notFound" };
  if (!(await verifyPassword(current, user.passwordHash))) return { ok: false, error: "wrongPassword" };
  const passwordHash = await hashPassword(next);
  const sessionVersion = user.sessionVersion + 1;
  getDb().transaction(
    (tx) => {
      tx.update(users)
        .set({ passwordHash, mustChangePassword: false, sessionVersion, updatedAt: new Date() })
        .where(eq(users.id, id))
        .run();
      recordAudit(tx, { actor: `user:${id}`, action: "change-password", entity: "user", entityId: id });
    },
    { behavior: "immediate" },
  );
  return { ok: true, sessionVersion };
}

export type SignInResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

function failureRecord(key: string): FailureRecord | undefined {
  const row = getDb().select().from(signInFailures).where(eq(signInFailures.key, key)).get();
  return row && { count: row.count, firstAt: row.firstAt.getTime(), lastAt: row.lastAt.getTime(), lockedUntil: row.lockedUntil?.getTime() ?? null };
}

function saveFailure(key: string, record: FailureRecord): void {
  const values = {
    key,
    count: record.count,
    firstAt: new Date(record.firstAt),
    lastAt: new Date(record.lastAt),
    lockedUntil: record.lockedUntil === null ? null : new Date(record.lockedUntil),
  };
  getDb()
    .insert(signInFailures)
    .values(values)
    .onConflictDoUpdate({ target: signInFailures.key, set: values })
    .run();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks a password with brute-force protection: per email and per address, repeated failures
 * first slow the answer down, then lock the key for a while. Unknown emails cost the same time.
 */
export async function authenticate(email: string, password: string, address: string): Promise<SignInResult> {
  const emailKey = `email:${normalizeEmail(email)}`;
  const addressKey = `ip:${address}`;
  const now = Date.now();
  const byEmail = decide(failureRecord(emailKey), now, EMAIL_LIMITS);
  const byAddress = decide(failureRecord(addressKey), now, ADDRESS_LIMITS);
  if (byEmail.locked || byAddress.locked) {
    const retryAfterMs = Math.max(byEmail.locked ? byEmail.retryAfterMs : 0, byAddress.locked ? byAddress.retryAfterMs : 0);
    return { ok: false, reason: "locked", retryAfterMs };
  }
  const delay = Math.max(byEmail.delayMs, byAddress.delayMs);
  if (delay > 0) await sleep(delay);

  const user = findUserByEmail(email);
  const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !matches || user.disabled) {
    const at = Date.now();
    // Re-read: parallel attempts must all count.
    saveFailure(emailKey, recordFailure(failureRecord(emailKey), at, EMAIL_LIMITS));
    saveFailure(addressKey, recordFailure(failureRecord(addressKey), at, ADDRESS_LIMITS));
    return { ok: false, reason: "invalid" };
  }
  getDb().delete(signInFailures).where(eq(signInFailures.key, emailKey)).run();
  getDb().update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id)).run();
  return { ok: true, user };
}

/**
 * On a database without users: the first admin, from ADMIN_EMAIL and ADMIN_PASSWORD when set;
 * otherwise with a generated password, printed once and written beside the database (mode 0600).
 */
export async function ensureFirstAdmin(log: (line: string) => void = console.log): Promise<void> {
  if (countUsers() > 0) return;
  const email = normalizeEmail(process.env.ADMIN_EMAIL || "admin@forum.local");
  const given = process.env.ADMIN_PASSWORD;
  const password = given || generatePassword();
  const result = await createUser({ email, name: "Administrator", role: "admin", password, mustChangePassword: !given }, "system");
  if (!result.ok) return;
  if (given) {
    log(`Created the first admin, ${email}, with the password from ADMIN_PASSWORD.`);
    return;
  }
  const file = path.join(path.dirname(databasePath()), "admin-password.txt");
  fs.writeFileSync(file, `${email}\n${password}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  log(`Created the first admin: ${email} / ${password}`);
  log(`(printed once; also written to ${file}, mode 0600. Sign in at /en/sign-in and choose a new password.)`);
}

