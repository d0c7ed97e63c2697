/**
 * The token-bucket rule: `limit` requests at once, refilled evenly over `windowMs`. Pure, with
 * the time passed in, so that tests can move it. `takeToken` and `fullAgainAt` are the rule;
 * db/queries/rate-limit.ts applies them to buckets in the database, which every server process
 * shares. `createRateLimiter` keeps buckets in memory instead (one process's view), for tests.
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

/** A client's bucket: its tokens when it last changed, and when that was (ms since the epoch). */
export type Bucket = { tokens: number; at: number };

export type BucketRule = { limit: number; windowMs: number };

/** The bucket's tokens at `t`: what it had, plus what the time since refilled, up to the limit. */
export function tokensAt(bucket: Bucket, t: number, { limit, windowMs }: BucketRule): number {
  return Math.min(limit, bucket.tokens + Math.max(0, t - bucket.at) * (limit / windowMs));
}

/**
 * When the bucket is full again, the same as a new one and so safe to forget: a store may drop it
 * from then on (the in-memory one below, and the database's table in db/queries/rate-limit.ts).
 */
export function fullAgainAt(bucket: Bucket, { limit, windowMs }: BucketRule): number {
  return bucket.at + Math.max(0, limit - bucket.tokens) / (limit / windowMs);
}

/**
 * One request against a bucket (none yet: a full one). Returns the decision and the bucket to
 * store; a refused request stores the refilled tokens without taking one, so that refusals never
 * dig the bucket deeper.
 */
export function takeToken(
  bucket: Bucket | undefined,
  t: number,
  rule: BucketRule,
): { decision: RateLimitDecision; bucket: Bucket } {
  const tokens = bucket ? tokensAt(bucket, t, rule) : rule.limit;
  if (tokens >= 1) {
    return { decision: { ok: true, remaining: Math.floor(tokens - 1) }, bucket: { tokens: tokens - 1, at: t } };
  }
  const perMs = rule.limit / rule.windowMs;
  return {
    decision: { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) },
    bucket: { tokens, at: t },
  };
}

export function createRateLimiter({
  limit,
  windowMs = 60_000,
  maxKeys = 10_000,
  now = Date.now,
}: RateLimiterOptions): RateLimiter {
  if (!(limit > 0) || !(windowMs > 0) || !(maxKeys > 0)) {
    throw new RangeError("limit, windowMs and maxKeys must be positive");
  }
  const rule = { limit, windowMs };
  // Map iteration follows insertion order; a key is re-inserted on every use, so the first key
  // is always the least recently used one.
  const buckets = new Map<string, Bucket>();
  const target = maxKeys - Math.max(1, Math.floor(maxKeys / 10));

  function sweep(t: number) {
    for (const [key, bucket] of buckets) {
      if (fullAgainAt(bucket, rule) <= t) buckets.delete(key);
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
      const { decision, bucket } = takeToken(existing, t, rule);
      buckets.set(key, bucket);
      return decision;
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
