/**
 * Brute-force protection for sign-in. Every attempt is counted before its password is checked
 * (db/queries/sign-in-attempts.ts does so in one write transaction, so parallel attempts and
 * several server processes all count), under three keys:
 *
 * - the pair (email, client address): at most `lockAfter` attempts in any 15 minutes; past that
 *   the pair is refused until its oldest attempt leaves the window. Slowed down before then.
 * - the email, from any address: slowed down, never refused, so that no one can keep a known
 *   account locked from elsewhere; the owner, from their own address, waits a few seconds at most.
 * - the address, across emails: a spray over many accounts is refused at `lockAfter`.
 *
 * A record is the times (ms) of the recent attempts, oldest first. A correct password clears the
 * pair and gives back its attempt to the other two keys.
 */
export type Attempts = readonly number[];

export type ThrottleLimits = {
  /** Recent attempts after which each further one waits (0.5 s, doubling up to maxDelayMs). */
  slowAfter: number;
  /** Attempts allowed in any window; null: never refused, only slowed down. */
  lockAfter: number | null;
  windowMs: number;
  maxDelayMs: number;
};

const WINDOW_MS = 15 * 60_000;

export const PAIR_LIMITS: ThrottleLimits = { slowAfter: 3, lockAfter: 8, windowMs: WINDOW_MS, maxDelayMs: 4_000 };
export const EMAIL_LIMITS: ThrottleLimits = { slowAfter: 5, lockAfter: null, windowMs: WINDOW_MS, maxDelayMs: 4_000 };
export const ADDRESS_LIMITS: ThrottleLimits = { slowAfter: 20, lockAfter: 60, windowMs: WINDOW_MS, maxDelayMs: 4_000 };

const FIRST_DELAY_MS = 500;

export type ThrottleDecision = { locked: true; retryAfterMs: number } | { locked: false; delayMs: number };

function recent(attempts: Attempts, now: number, limits: ThrottleLimits): number[] {
  return attempts.filter((at) => at > now - limits.windowMs);
}

/** What to do with one more attempt under this key, before anything is checked. */
export function decide(attempts: Attempts, now: number, limits: ThrottleLimits): ThrottleDecision {
  const live = recent(attempts, now, limits);
  if (limits.lockAfter !== null && live.length >= limits.lockAfter) {
    // Refused until enough attempts have left the window for one more to fit.
    const freeing = live[live.length - limits.lockAfter]!;
    return { locked: true, retryAfterMs: Math.max(1, freeing + limits.windowMs - now) };
  }
  const over = live.length - limits.slowAfter + 1;
  return { locked: false, delayMs: over > 0 ? Math.min(limits.maxDelayMs, FIRST_DELAY_MS * 2 ** (over - 1)) : 0 };
}

/** How many attempts a record keeps: enough to decide, and no more. */
function kept(limits: ThrottleLimits): number {
  return limits.lockAfter ?? limits.slowAfter + Math.ceil(Math.log2(limits.maxDelayMs / FIRST_DELAY_MS));
}

/** The record with one more attempt at `now`; attempts older than the window are dropped. */
export function withAttempt(attempts: Attempts, now: number, limits: ThrottleLimits): number[] {
  return [...recent(attempts, now, limits), now].sort((a, b) => a - b).slice(-kept(limits));
}

/** The record without the attempt made at `at` (it turned out to be the right password). */
export function withoutAttempt(attempts: Attempts, at: number): number[] {
  const index = attempts.lastIndexOf(at);
  return index === -1 ? [...attempts] : [...attempts.slice(0, index), ...attempts.slice(index + 1)];
}

export type AttemptRecords = { pair: Attempts; email: Attempts; address: Attempts };

export type AttemptPlan =
  | { ok: false; retryAfterMs: number }
  | { ok: true; delayMs: number; next: { pair: number[]; email: number[]; address: number[] } };

/**
 * Whether an attempt may go on to the password check and, if so, how long it waits first and the
 * records that count it. A refused attempt is not counted.
 */
export function planAttempt(records: AttemptRecords, now: number): AttemptPlan {
  const pair = decide(records.pair, now, PAIR_LIMITS);
  const email = decide(records.email, now, EMAIL_LIMITS);
  const address = decide(records.address, now, ADDRESS_LIMITS);
  if (pair.locked || address.locked) {
    const retryAfterMs = Math.max(pair.locked ? pair.retryAfterMs : 0, address.locked ? address.retryAfterMs : 0);
    return { ok: false, retryAfterMs };
  }
  return {
    ok: true,
    delayMs: Math.max(pair.delayMs, email.locked ? 0 : email.delayMs, address.delayMs),
    next: {
      pair: withAttempt(records.pair, now, PAIR_LIMITS),
      email: withAttempt(records.email, now, EMAIL_LIMITS),
      address: withAttempt(records.address, now, ADDRESS_LIMITS),
    },
  };
}

export function minutesLeft(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}
