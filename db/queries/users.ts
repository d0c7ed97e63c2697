import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, asc, count, eq, ne } from "drizzle-orm";
import { databasePath, getDb } from "../client";
import { users, type User } from "../schema";
import { type UserRole } from "../../lib/auth/roles";
import { recordAudit } from "./audit";
import { attemptKeys, giveBackAttempt, reserveAttempt } from "./sign-in-attempts";
import {
  BUSY,
  DUMMY_HASH,
  generatePassword,
  hashPassword,
  verifyPassword,
  verifyPasswordUnlessBusy,
} from "../../lib/auth/password";

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
  | { ok: false; reason: "invalid" | "busy" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks a password with brute-force protection (lib/auth/throttle.ts). The attempt is counted
 * before the password is checked, atomically, so that parallel guesses all count: too many for an
 * email from one address are refused for a while, and attempts are slowed down per email from
 * anywhere, per address and per pair. Unknown emails cost the same time. When too many hashes are
 * running in this process, the answer is "busy" and the attempt does not count.
 */
export async function authenticate(email: string, password: string, address: string): Promise<SignInResult> {
  const keys = attemptKeys(normalizeEmail(email), address);
  const reservation = reserveAttempt(keys);
  if (!reservation.ok) return { ok: false, reason: "locked", retryAfterMs: reservation.retryAfterMs };
  if (reservation.delayMs > 0) await sleep(reservation.delayMs);

  const user = findUserByEmail(email);
  const matches = await verifyPasswordUnlessBusy(password, user?.passwordHash ?? DUMMY_HASH);
  if (matches === BUSY) {
    giveBackAttempt(keys, reservation.at, { cleared: false });
    return { ok: false, reason: "busy" };
  }
  if (!user || !matches || user.disabled) return { ok: false, reason: "invalid" };
  giveBackAttempt(keys, reservation.at, { cleared: true });
  getDb().update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id)).run();
  return { ok: true, user };
}

/**
 * On a database without users: the first admin, from ADMIN_EMAIL and ADMIN_PASSWORD when set.
 * Without ADMIN_EMAIL the address carries a random part (admin-…@forum.local), so that no one can
 * guess it; without ADMIN_PASSWORD the password is generated. What was generated is printed once
 * and written beside the database (mode 0600).
 */
export async function ensureFirstAdmin(log: (line: string) => void = console.log): Promise<void> {
  if (countUsers() > 0) return;
  const givenEmail = process.env.ADMIN_EMAIL?.trim();
  const email = normalizeEmail(givenEmail || `admin-${randomBytes(5).toString("hex")}@forum.local`);
  const given = process.env.ADMIN_PASSWORD;
  const password = given || generatePassword();
  const result = await createUser({ email, name: "Administrator", role: "admin", password, mustChangePassword: !given }, "system");
  if (!result.ok) return;
  if (given && givenEmail) {
    log(`Created the first admin, ${email}, with the password from ADMIN_PASSWORD.`);
    return;
  }
  const file = path.join(path.dirname(databasePath()), "admin-password.txt");
  fs.writeFileSync(file, `${email}\n${given ? "(the password given in ADMIN_PASSWORD)" : password}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  log(`Created the first admin: ${email}${given ? " with the password from ADMIN_PASSWORD" : ` / ${password}`}`);
  log(`(printed once; also written to ${file}, mode 0600. Sign in at /en/sign-in${given ? "" : " and choose a new password"}.)`);
}
