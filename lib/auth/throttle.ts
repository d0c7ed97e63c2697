/**
 * Brute-force protection for sign-in, per email and per client address. Failures are counted in a
 * window; past `slowAfter` each attempt waits longer, and at `lockAfter` the key is refused until
 * the lock ends. A success clears the email's count (not the address's: one right password must
 * not reset a spray across many accounts).
 */
export type FailureRecord = { count: number; firstAt: number; lastAt: number; lockedUntil: number | null };

export type ThrottleLimits = { slowAfter: number; lockAfter: number; windowMs: number; lockMs: number; maxDelayMs: number };

export const EMAIL_LIMITS: ThrottleLimits = {
  slowAfter: 3,
  lockAfter: 8,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxDelayMs: 4_000,
};

export const ADDRESS_LIMITS: ThrottleLimits = {
  slowAfter: 20,
  lockAfter: 60,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxDelayMs: 4_000,
};

export type ThrottleDecision = { locked: true; retryAfterMs: number } | { locked: false; delayMs: number };

function current(record: FailureRecord | undefined, now: number, limits: ThrottleLimits) {
  if (!record) return undefined;
  if (record.lockedUntil !== null && record.lockedUntil > now) return record;
  // An expired lock or a quiet window starts over.
  if (record.lockedUntil !== null || now - record.firstAt > limits.windowMs) return undefined;
  return record;
}

/** What to do with an attempt for this key before checking the password. */
export function decide(record: FailureRecord | undefined, now: number, limits: ThrottleLimits): ThrottleDecision {
  const live = current(record, now, limits);
  if (!live) return { locked: false, delayMs: 0 };
  if (live.lockedUntil !== null && live.lockedUntil > now) {
    return { locked: true, retryAfterMs: live.lockedUntil - now };
  }
  const over = live.count - limits.slowAfter + 1;
  return { locked: false, delayMs: over > 0 ? Math.min(limits.maxDelayMs, 500 * 2 ** (over - 1)) : 0 };
}

/** The record after one more failure. */
export function recordFailure(record: FailureRecord | undefined, now: number, limits: ThrottleLimits): FailureRecord {
  const live = current(record, now, limits);
  const count = (live?.count ?? 0) + 1;
  return {
    count,
    firstAt: live?.firstAt ?? now,
    lastAt: now,
    lockedUntil: count >= limits.lockAfter ? now + limits.lockMs : null,
  };
}

export function minutesLeft(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}
