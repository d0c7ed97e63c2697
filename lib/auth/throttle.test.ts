import { describe, expect, it } from "vitest";
import { decide, EMAIL_LIMITS, minutesLeft, recordFailure, type FailureRecord } from "./throttle";

const limits = EMAIL_LIMITS;

function fail(times: number, start = 0, step = 1_000): FailureRecord | undefined {
  let record: FailureRecord | undefined;
  for (let i = 0; i < times; i++) record = recordFailure(record, start + i * step, limits);
  return record;
}

describe("sign-in throttle", () => {
  it("lets the first attempts through at once", () => {
    expect(decide(undefined, 0, limits)).toEqual({ locked: false, delayMs: 0 });
    expect(decide(fail(limits.slowAfter - 1), 10_000, limits)).toEqual({ locked: false, delayMs: 0 });
  });

  it("slows attempts down after repeated failures, more with each one, up to a ceiling", () => {
    const first = decide(fail(limits.slowAfter), 10_000, limits);
    const later = decide(fail(limits.slowAfter + 2), 10_000, limits);
    expect(first.locked).toBe(false);
    expect(!first.locked && first.delayMs).toBeGreaterThan(0);
    expect(!later.locked && later.delayMs).toBeGreaterThan(!first.locked ? first.delayMs : 0);
    expect(!later.locked && later.delayMs).toBeLessThanOrEqual(limits.maxDelayMs);
  });

  it("locks the key for a while once the limit is reached, then lets it start over", () => {
    const record = fail(limits.lockAfter);
    expect(record?.lockedUntil).not.toBeNull();
    const now = limits.lockAfter * 1_000;
    const locked = decide(record, now, limits);
    expect(locked.locked).toBe(true);
    expect(locked.locked && minutesLeft(locked.retryAfterMs)).toBe(15);
    expect(decide(record, record!.lockedUntil! + 1, limits)).toEqual({ locked: false, delayMs: 0 });
    expect(recordFailure(record, record!.lockedUntil! + 1, limits).count).toBe(1);
  });

  it("forgets failures older than the window", () => {
    const record = fail(limits.lockAfter - 1);
    expect(recordFailure(record, limits.windowMs + 60_000, limits).count).toBe(1);
  });
});
