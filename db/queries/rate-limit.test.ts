import { describe, expect, it } from "vitest";
import { fullAgainAt } from "../../lib/http/rate-limit";
import { getDb } from "../client";
import { rateLimitBuckets } from "../schema";
import { inAnotherProcess, withSeededDatabase } from "../test-support";
import { bucketCount, bucketKey, sweepBuckets, takeFromBucket, takeFromBucketSoon } from "./rate-limit";

withSeededDatabase("rate-limit");

let n = 0;
const uniqueKey = () => `test-${++n}-${process.pid}`;

/** One process of its own on the same database file, taking `count` requests as fast as it can. */
async function takesInAnotherProcess(key: string, count: number, limit: number, startAt: number): Promise<number> {
  const code = `
    const loaded = await import("./db/queries/rate-limit.ts");
    const { takeFromBucket } = loaded.default ?? loaded;
    while (Date.now() < ${startAt}) await new Promise((resolve) => setTimeout(resolve, 5));
    let ok = 0;
    // One instant for every take, so that no token refills while they run.
    for (let i = 0; i < ${count}; i++) if (takeFromBucket(${JSON.stringify(key)}, ${startAt}, ${limit}).ok) ok++;
    console.log(ok);`;
  return Number((await inAnotherProcess(code)).trim());
}

describe("the rate limit in the database", () => {
  it("lets the limit through at once, then refuses with the wait for the next token", () => {
    const key = uniqueKey();
    const t = 1_000_000;
    const decisions = Array.from({ length: 31 }, () => takeFromBucket(key, t, 30));
    expect(decisions.filter((d) => d.ok)).toHaveLength(30);
    // 30 a minute is one token every 2 s.
    expect(decisions[30]).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(takeFromBucket(key, t + 1_999, 30).ok).toBe(false);
    expect(takeFromBucket(key, t + 2_000, 30).ok).toBe(true);
    expect(takeFromBucket(key, t + 2_000, 30).ok).toBe(false);
  });

  it("holds across server processes on one database: 3 processes, 40 takes each, 50 through", async () => {
    const key = uniqueKey();
    const startAt = Date.now() + 6_000;
    const admitted = await Promise.all(Array.from({ length: 3 }, () => takesInAnotherProcess(key, 40, 50, startAt)));
    // Each process alone would let 40 through; a limit per process would let 120.
    expect(admitted.reduce((a, b) => a + b, 0)).toBe(50);
    expect(takeFromBucket(key, startAt, 50).ok).toBe(false);
  }, 60_000);

  it("sweeps exactly the buckets that are full again, by the pure rule's fullAgainAt", () => {
    const t = 5_000_000;
    const limit = 60; // a token a second
    const spent = uniqueKey();
    const half = uniqueKey();
    const once = uniqueKey();
    for (let i = 0; i < 60; i++) takeFromBucket(spent, t, limit);
    for (let i = 0; i < 30; i++) takeFromBucket(half, t, limit);
    takeFromBucket(once, t, limit);
    const rule = { limit, windowMs: 60_000 };
    const rows = () => new Map(getDb().select().from(rateLimitBuckets).all().map((r) => [r.key, r]));
    expect(fullAgainAt(rows().get(once)!, rule)).toBe(t + 1_000);
    expect(fullAgainAt(rows().get(half)!, rule)).toBe(t + 30_000);

    sweepBuckets(t + 999, limit);
    expect([...rows().keys()]).toEqual(expect.arrayContaining([spent, half, once]));
    sweepBuckets(t + 1_000, limit);
    expect(rows().has(once)).toBe(false);
    expect(rows().has(half)).toBe(true);
    sweepBuckets(t + 30_000, limit);
    expect(rows().has(half)).toBe(false);
    expect(rows().has(spent)).toBe(true);
    // A bucket swept away is a full one: forgetting it changes no decision.
    expect(takeFromBucket(half, t + 30_000, limit)).toEqual({ ok: true, remaining: 59 });
    const before = bucketCount();
    sweepBuckets(t + 10 * 60_000, limit);
    expect(rows().has(spent)).toBe(false);
    expect(bucketCount()).toBe(before - 2);
  });

  it("stores a keyed hash, never the address", () => {
    const key = bucketKey("203.0.113.77");
    expect(key).not.toContain("203.0.113");
    expect(key).toBe(bucketKey("203.0.113.77"));
    expect(key).not.toBe(bucketKey("203.0.113.78"));
  });

  it("takes asked for together are taken in one transaction, and the limit still holds", async () => {
    const key = uniqueKey();
    const previous = process.env.RATE_LIMIT_PER_MINUTE;
    process.env.RATE_LIMIT_PER_MINUTE = "30";
    try {
      const decisions = await Promise.all(Array.from({ length: 40 }, () => takeFromBucketSoon(key)));
      expect(decisions.filter((d) => d.ok)).toHaveLength(30);
      // In the order asked: the first thirty pass, the last ten wait.
      expect(decisions.slice(0, 30).every((d) => d.ok)).toBe(true);
      expect(decisions.slice(30).every((d) => !d.ok)).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.RATE_LIMIT_PER_MINUTE;
      else process.env.RATE_LIMIT_PER_MINUTE = previous;
    }
  });
});
