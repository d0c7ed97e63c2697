import "server-only";
import { eq, inArray, lt } from "drizzle-orm";
import { getDb } from "../client";
import { signInAttempts } from "../schema";
import { planAttempt, withoutAttempt, type AttemptRecords } from "../../lib/auth/throttle";

/** The three throttle keys of one sign-in attempt (lib/auth/throttle.ts). */
export type AttemptKeys = { pair: string; email: string; address: string };

export function attemptKeys(email: string, address: string): AttemptKeys {
  return { pair: `pair:${email}|${address}`, email: `email:${email}`, address: `ip:${address}` };
}

const WINDOW_MS = 15 * 60_000;

export type Reservation = { ok: true; at: number; delayMs: number } | { ok: false; retryAfterMs: number };

/**
 * Counts one attempt under its three keys before the password is checked, or refuses it, in one
 * write transaction: parallel attempts, in this process or another on the same database, are
 * counted one after the other, so no more get through than the rule allows.
 */
export function reserveAttempt(keys: AttemptKeys, now = Date.now()): Reservation {
  return getDb().transaction(
    (tx) => {
      const rows = tx
        .select()
        .from(signInAttempts)
        .where(inArray(signInAttempts.key, [keys.pair, keys.email, keys.address]))
        .all();
      const of = (key: string) => rows.find((row) => row.key === key)?.attempts ?? [];
      const plan = planAttempt({ pair: of(keys.pair), email: of(keys.email), address: of(keys.address) }, now);
      if (!plan.ok) return { ok: false, retryAfterMs: plan.retryAfterMs } as const;
      for (const kind of ["pair", "email", "address"] as const) {
        const values = { key: keys[kind], attempts: plan.next[kind], lastAt: new Date(now) };
        tx.insert(signInAttempts).values(values).onConflictDoUpdate({ target: signInAttempts.key, set: values }).run();
      }
      // Records nobody has tried for a whole window say nothing any more.
      tx.delete(signInAttempts).where(lt(signInAttempts.lastAt, new Date(now - WINDOW_MS))).run();
      return { ok: true, at: now, delayMs: plan.delayMs } as const;
    },
    { behavior: "immediate" },
  );
}

/**
 * The attempt reserved at `at` was no guess: the right password (`cleared`: the pair starts over)
 * or never checked (the server was busy). It stops counting against the other keys.
 */
export function giveBackAttempt(keys: AttemptKeys, at: number, { cleared }: { cleared: boolean }): void {
  getDb().transaction(
    (tx) => {
      const rows = tx
        .select()
        .from(signInAttempts)
        .where(inArray(signInAttempts.key, [keys.pair, keys.email, keys.address]))
        .all();
      for (const row of rows) {
        if (row.key === keys.pair && cleared) {
          tx.delete(signInAttempts).where(eq(signInAttempts.key, row.key)).run();
          continue;
        }
        tx.update(signInAttempts)
          .set({ attempts: withoutAttempt(row.attempts, at) })
          .where(eq(signInAttempts.key, row.key))
          .run();
      }
    },
    { behavior: "immediate" },
  );
}

/** For tests and the abuse run: the attempts recorded under each key. */
export function attemptRecords(keys: AttemptKeys): AttemptRecords {
  const rows = getDb().select().from(signInAttempts).where(inArray(signInAttempts.key, Object.values(keys))).all();
  const of = (key: string) => rows.find((row) => row.key === key)?.attempts ?? [];
  return { pair: of(keys.pair), email: of(keys.email), address: of(keys.address) };
}
