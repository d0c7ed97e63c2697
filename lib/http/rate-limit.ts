/**
 * A token bucket per key (a client address): `limit` requests at once, refilled evenly over
 * `windowMs`. Pure apart from the clock, which is injected so that tests can move time.
 *
 * Memory is bounded: a bucket that has refilled completely holds no information (it is the same
 * as a new one), so such buckets are dropped when the table is swept; if the table is still full
 * after a sweep, the least recently used keys are evicted, which at worst forgives those clients.
 */
export type RateLimitDecision =
  { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export type RateLimiterOptions = {
  /** Requests allowed per window; also the largest burst. */
  limit: number;
  windowMs?: number;
  /** Most keys kept at once. */
  maxKeys?: number;
  now?: () => number;
};

export type RateLimiter = {
  take(key: string): RateLimitDecision;
  /** Keys currently held, for tests and monitoring. */
  size(): number;
};

type Bucket = { tokens: number; at: number };

export function createRateLimiter({
  limit,
  windowMs = 60_000,
  maxKeys = 10_000,
  now = Date.now,
}: RateLimiterOptions): RateLimiter {
  if (!(limit > 0) || !(windowMs > 0) || !(maxKeys > 0)) {
    throw new RangeError("limit, windowMs and maxKeys must be positive");
  }
  const perMs = limit / windowMs;
  // Map iteration follows insertion order; a key is re-inserted on every use, so the first key
  // is always the least recently used one.
  const buckets = new Map<string, Bucket>();
  const target = maxKeys - Math.max(1, Math.floor(maxKeys / 10));

  const refill = (bucket: Bucket, t: number) =>
    Math.min(limit, bucket.tokens + Math.max(0, t - bucket.at) * perMs);

  function sweep(t: number) {
    for (const [key, bucket] of buckets) {
      if (refill(bucket, t) >= limit) buckets.delete(key);
    }
    // Evicting a tenth at a time keeps the cost of sweeping constant per request on average, even
    // under a flood of new keys.
    while (buckets.size > target) {
      const oldest = buckets.keys().next();
      if (oldest.done) break;
      buckets.delete(oldest.value);
    }
  }

  return {
    take(key) {
      const t = now();
      const existing = buckets.get(key);
      if (existing) buckets.delete(key);
      else if (buckets.size >= maxKeys) sweep(t);
      const tokens = existing ? refill(existing, t) : limit;
      if (tokens >= 1) {
        buckets.set(key, { tokens: tokens - 1, at: t });
        return { ok: true, remaining: Math.floor(tokens - 1) };
      }
      buckets.set(key, { tokens, at: t });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    },
    size: () => buckets.size,
  };
}

/** RATE_LIMIT_PER_MINUTE, default 600; anything that is not a positive integer falls back. */
export function rateLimitPerMinute(
  value: string | undefined = process.env.RATE_LIMIT_PER_MINUTE,
): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== "" && Number.isSafeInteger(n) && n > 0 ? n : 600;
}
