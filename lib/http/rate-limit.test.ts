import { describe, expect, it } from "vitest";
import { createRateLimiter, rateLimitPerMinute } from "./rate-limit";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe("createRateLimiter", () => {
  it("allows exactly the limit at once, then refuses with the wait for the next token", () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 600, now: c.now });
    for (let i = 0; i < 600; i++) expect(limiter.take("a").ok).toBe(true);
    const refused = limiter.take("a");
    // 600 a minute is one token every 100 ms: the client may retry in a second.
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it("refills evenly over the window", () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 60, now: c.now });
    for (let i = 0; i < 60; i++) limiter.take("a");
    expect(limiter.take("a").ok).toBe(false);
    c.advance(999);
    expect(limiter.take("a").ok).toBe(false);
    c.advance(1);
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
    c.advance(60_000);
    for (let i = 0; i < 60; i++) expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
  });

  it("never lets refused requests dig the bucket deeper", () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 2_000, now: c.now });
    limiter.take("a");
    limiter.take("a");
    for (let i = 0; i < 100; i++) expect(limiter.take("a").ok).toBe(false);
    c.advance(1_000);
    expect(limiter.take("a").ok).toBe(true);
  });

  it("says how long to wait in whole seconds, rounded up", () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: c.now });
    limiter.take("a");
    limiter.take("a");
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 30 });
    c.advance(29_001);
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it("counts each key on its own", () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 3, now: c.now });
    for (let i = 0; i < 3; i++) limiter.take("a");
    expect(limiter.take("a").ok).toBe(false);
    expect(limiter.take("b")).toEqual({ ok: true, remaining: 2 });
  });

  it("keeps at most maxKeys, dropping full buckets first and then the least recently used", () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 1_000, maxKeys: 3, now: c.now });
    limiter.take("a");
    limiter.take("a");
    limiter.take("b");
    limiter.take("b");
    limiter.take("c");
    c.advance(600); // c is full again; a and b are still short of a token
    limiter.take("a"); // uses a's refilled token: a becomes the most recently used key
    limiter.take("d"); // the table is full: the sweep drops c
    expect(limiter.size()).toBe(3);
    limiter.take("e"); // nothing is full any more: b, the least recently used, goes
    expect(limiter.size()).toBe(3);
    // a is still remembered as exhausted; b starts over with a fresh bucket.
    expect(limiter.take("a").ok).toBe(false);
    expect(limiter.take("b").ok).toBe(true);
  });

  it("stays bounded under a flood of distinct keys", () => {
    const c = clock();
    const limiter = createRateLimiter({ limit: 10, maxKeys: 1_000, now: c.now });
    for (let i = 0; i < 50_000; i++) {
      limiter.take(`10.0.${i >> 8}.${i & 255}`);
      c.advance(1);
    }
    expect(limiter.size()).toBeLessThanOrEqual(1_000);
  });

  it("rejects a limit that is not positive", () => {
    expect(() => createRateLimiter({ limit: 0 })).toThrow(RangeError);
  });
});

describe("rateLimitPerMinute", () => {
  it("reads a positive integer and falls back to 600 otherwise", () => {
    expect(rateLimitPerMinute("1000000")).toBe(1_000_000);
    expect(rateLimitPerMinute("5")).toBe(5);
    for (const bad of [undefined, "", " ", "0", "-3", "1.5", "many", "1e400"]) {
      expect(rateLimitPerMinute(bad)).toBe(600);
    }
  });
});
