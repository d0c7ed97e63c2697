import { describe, expect, it } from "vitest";
import {
  ADDRESS_LIMITS,
  decide,
  EMAIL_LIMITS,
  minutesLeft,
  PAIR_LIMITS,
  planAttempt,
  withAttempt,
  withoutAttempt,
  type AttemptRecords,
} from "./throttle";

const MINUTE = 60_000;
const empty = (): AttemptRecords => ({ pair: [], email: [], address: [] });

/** Runs attempts at the given times against one set of records, as the database would. */
function attempt(records: AttemptRecords, now: number) {
  const plan = planAttempt(records, now);
  if (plan.ok) Object.assign(records, plan.next);
  return plan;
}

describe("sign-in throttle, one email from one address", () => {
  it("lets 8 of 200 simultaneous attempts through, and refuses the rest", () => {
    const records = empty();
    const plans = Array.from({ length: 200 }, () => attempt(records, 1_000));
    expect(plans.filter((p) => p.ok)).toHaveLength(PAIR_LIMITS.lockAfter!);
    const refused = plans.find((p) => !p.ok);
    expect(refused && !refused.ok && minutesLeft(refused.retryAfterMs)).toBe(15);
  });

  it("never lets more than 8 through in any 15 minutes, whenever they come", () => {
    const records = empty();
    const admitted: number[] = [];
    // One attempt every 20 s for two hours, then bursts: a sliding window, not a fixed one.
    const times = [...Array.from({ length: 360 }, (_, i) => i * 20_000), ...Array.from({ length: 50 }, () => 7_300_000)];
    for (const now of times) if (attempt(records, now).ok) admitted.push(now);
    for (const start of admitted) {
      expect(admitted.filter((t) => t >= start && t < start + 15 * MINUTE).length).toBeLessThanOrEqual(8);
    }
    expect(admitted.length).toBeGreaterThan(8);
  });

  it("frees one attempt when the oldest leaves the window", () => {
    const records = empty();
    for (let i = 0; i < 7; i++) attempt(records, 0);
    expect(attempt(records, 14 * MINUTE).ok).toBe(true);
    const locked = attempt(records, 14 * MINUTE + 30_000);
    expect(locked.ok).toBe(false);
    expect(!locked.ok && locked.retryAfterMs).toBe(30_000);
    expect(attempt(records, 15 * MINUTE + 1).ok).toBe(true);
  });

  it("slows attempts down after repeated ones, more with each, up to a ceiling", () => {
    const delays = [];
    const records = empty();
    for (let i = 0; i < 8; i++) {
      const plan = attempt(records, i * 1_000);
      delays.push(plan.ok ? plan.delayMs : -1);
    }
    expect(delays).toEqual([0, 0, 0, 500, 1_000, 2_000, 4_000, 4_000]);
  });

  it("gives an attempt back when its password was right", () => {
    expect(withoutAttempt([1, 2, 2, 3], 2)).toEqual([1, 2, 3]);
    expect(withoutAttempt([1, 3], 2)).toEqual([1, 3]);
  });
});

describe("sign-in throttle, across addresses and emails", () => {
  it("a pair locked from one address does not lock the email from another: it is only slowed down", () => {
    const email: number[] = [];
    const fromAttacker = { pair: [] as number[], email, address: [] as number[] };
    for (let i = 0; i < 50; i++) {
      const plan = planAttempt(fromAttacker, 0);
      if (plan.ok) Object.assign(fromAttacker, plan.next);
    }
    expect(planAttempt(fromAttacker, 0).ok).toBe(false);
    const fromOwner = planAttempt({ pair: [], email: fromAttacker.email, address: [] }, 1_000);
    expect(fromOwner).toMatchObject({ ok: true, delayMs: EMAIL_LIMITS.maxDelayMs });
  });

  it("the email's slow-down comes from attempts made anywhere and keeps only what it needs", () => {
    let email: number[] = [];
    for (let i = 0; i < 100; i++) email = withAttempt(email, i, EMAIL_LIMITS);
    expect(email.length).toBeLessThan(10);
    expect(decide(email, 200, EMAIL_LIMITS)).toEqual({ locked: false, delayMs: EMAIL_LIMITS.maxDelayMs });
    expect(decide(email, 100 + 15 * MINUTE, EMAIL_LIMITS)).toEqual({ locked: false, delayMs: 0 });
  });

  it("an address spraying many emails is refused at 60 attempts", () => {
    let address: number[] = [];
    for (let i = 0; i < ADDRESS_LIMITS.lockAfter!; i++) {
      const plan = planAttempt({ pair: [], email: [], address }, i);
      expect(plan.ok).toBe(true);
      if (plan.ok) address = plan.next.address;
    }
    expect(planAttempt({ pair: [], email: [], address }, 100).ok).toBe(false);
  });
});
