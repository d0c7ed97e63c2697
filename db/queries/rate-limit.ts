/**
 * The rate limit of the registration endpoints, for the whole server: every process takes from
 * the same buckets, in the database (rate_limit_buckets), by the rule of lib/http/rate-limit.ts.
 */
import "server-only";
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { clientAddress, trustedHops } from "../../lib/http/client-address";
import { rateLimitPerMinute, takeToken, type Bucket, type BucketRule, type RateLimitDecision } from "../../lib/http/rate-limit";
import { tooManyRequests } from "../../lib/api/limits";
import { attempt, BUSY, getDb, getScratchDb, lockTimeout, promptly, retrySoon, WAIT_FOR_LOCK_MS } from "../client";
import { secret } from "../secret-files";

const WINDOW_MS = 60_000;
/** Full buckets are deleted once every this many takes of a process. */
const SWEEP_EVERY = 500;
/** Most buckets kept: past it a sweep also drops the least recently used, which forgives them. */
const MAX_BUCKETS = 100_000;

type Statements = {
  take: (key: string, t: number, rule: BucketRule) => RateLimitDecision;
  takeAll: (keys: readonly string[], t: number, rule: BucketRule) => RateLimitDecision[];
  /** takeAll without waiting: BUSY while another connection writes. */
  attemptTakeAll: (keys: readonly string[], t: number, rule: BucketRule) => RateLimitDecision[] | typeof BUSY;
  sweep: (t: number, rule: BucketRule) => number;
  count: () => number;
};

// Prepared once per connection: the take runs on every request of the registration endpoints.
const statementsFor = new WeakMap<Database.Database, Statements>();

function statements(sqlite: Database.Database): Statements {
  const known = statementsFor.get(sqlite);
  if (known) return known;
  const get = sqlite.prepare<[string], Bucket>("SELECT tokens, at FROM rate_limit_buckets WHERE key = ?");
  const put = sqlite.prepare<[string, number, number]>(
    "INSERT INTO rate_limit_buckets (key, tokens, at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET tokens = excluded.tokens, at = excluded.at",
  );
  // The bucket is full again from lib/http/rate-limit.ts's fullAgainAt: at + (limit - tokens) / perMs.
  const dropFull = sqlite.prepare<[number, number, number]>(
    "DELETE FROM rate_limit_buckets WHERE at + max(0, ? - tokens) / ? <= ?",
  );
  const dropOldest = sqlite.prepare<[number]>(
    "DELETE FROM rate_limit_buckets WHERE key IN (SELECT key FROM rate_limit_buckets ORDER BY at LIMIT ?)",
  );
  const count = sqlite.prepare<[], { n: number }>("SELECT count(*) AS n FROM rate_limit_buckets");
  // Read, refill, take and write in one immediate transaction: another process taking from the
  // same bucket waits for this one, so no two of them spend the same token.
  const take = sqlite.transaction((begun: () => void, key: string, t: number, rule: BucketRule) => {
    begun();
    const result = takeToken(get.get(key), t, rule);
    put.run(key, result.bucket.tokens, result.bucket.at);
    return result.decision;
  });
  const sweep = sqlite.transaction((begun: () => void, t: number, rule: BucketRule) => {
    begun();
    let dropped = dropFull.run(rule.limit, rule.limit / rule.windowMs, t).changes;
    const left = count.get()!.n;
    if (left > MAX_BUCKETS) dropped += dropOldest.run(left - MAX_BUCKETS + Math.floor(MAX_BUCKETS / 10)).changes;
    return dropped;
  });
  // Several takes in one immediate transaction, each as above (a savepoint inside it).
  const takeAll = sqlite.transaction((begun: () => void, keys: readonly string[], t: number, rule: BucketRule) => {
    begun();
    return keys.map((key) => take(() => {}, key, t, rule));
  });
  const made: Statements = {
    take: (key, t, rule) => promptly(sqlite, (begun) => take.immediate(begun, key, t, rule)),
    takeAll: (keys, t, rule) => promptly(sqlite, (begun) => takeAll.immediate(begun, keys, t, rule)),
    attemptTakeAll: (keys, t, rule) => attempt(sqlite, (begun) => takeAll.immediate(begun, keys, t, rule)),
    sweep: (t, rule) => promptly(sqlite, (begun) => sweep.immediate(begun, t, rule)),
    count: () => count.get()!.n,
  };
  statementsFor.set(sqlite, made);
  return made;
}

let takes = 0;

/** Takes one request from the bucket of `key`: the server's budget, shared by all its processes. */
export function takeFromBucket(key: string, now = Date.now(), limit = rateLimitPerMinute()): RateLimitDecision {
  const rule = { limit, windowMs: WINDOW_MS };
  const db = statements(getScratchDb().$client);
  const decision = db.take(key, now, rule);
  takes += 1;
  if (takes % SWEEP_EVERY === 0) sweepBuckets(now, limit);
  return decision;
}

/**
 * Deletes the buckets that are full again (they say nothing a new bucket would not), and past
 * MAX_BUCKETS the least recently used. Then checkpoints through the main connection, which syncs:
 * the scratch connection never does (db/client.ts), and a flood of refused requests writes here only.
 */
export function sweepBuckets(now = Date.now(), limit = rateLimitPerMinute()): number {
  const dropped = statements(getScratchDb().$client).sweep(now, { limit, windowMs: WINDOW_MS });
  getDb().$client.pragma("wal_checkpoint(PASSIVE)");
  return dropped;
}

/** Buckets held, for tests. */
export function bucketCount(): number {
  return statements(getScratchDb().$client).count();
}

/**
 * The bucket's key for a client: a keyed hash of its address, so the table never holds one. Not
 * lib/registration/address-limit.ts's key, which groups an IPv6 /64: this limit is per address.
 */
export function bucketKey(address: string): string {
  return createHash("sha256").update(secret("TICKET_SECRET")).update("\0rate-limit\0").update(address).digest("base64url").slice(0, 32);
}

type PendingTake = { key: string; resolve: (decision: RateLimitDecision) => void; reject: (error: unknown) => void; since: number };
const TAKES = Symbol.for("forum.pendingTakes");
type TakeQueue = { queue: PendingTake[]; scheduled: boolean };
const MAX_TAKES = 256;

/**
 * The same take, done with the others this process receives in the same turn of the event loop
 * in one transaction: one wait for the write lock for all of them (see db/group-commit.ts), and
 * a wait that does not block the process: the requests that arrive meanwhile join the group.
 */
export function takeFromBucketSoon(key: string): Promise<RateLimitDecision> {
  const holder = globalThis as { [TAKES]?: TakeQueue };
  const state = (holder[TAKES] ??= { queue: [], scheduled: false });
  return new Promise((resolve, reject) => {
    state.queue.push({ key, resolve, reject, since: Date.now() });
    if (state.scheduled) return;
    state.scheduled = true;
    setImmediate(() => takeQueued(state));
  });
}

function takeQueued(state: TakeQueue): void {
  const group = state.queue.slice(0, MAX_TAKES);
  const now = Date.now();
  const limit = rateLimitPerMinute();
  let decisions: RateLimitDecision[] | typeof BUSY;
  try {
    decisions = statements(getScratchDb().$client).attemptTakeAll(
      group.map((pending) => pending.key),
      now,
      { limit, windowMs: WINDOW_MS },
    );
    if (decisions === BUSY && now - group[0]!.since <= WAIT_FOR_LOCK_MS) return retrySoon(() => takeQueued(state));
    if (decisions === BUSY) throw lockTimeout();
  } catch (error) {
    state.queue.splice(0, group.length);
    for (const pending of group) pending.reject(error);
    next(state);
    return;
  }
  state.queue.splice(0, group.length);
  group.forEach((pending, i) => pending.resolve(decisions[i]!));
  next(state);
  const before = takes;
  takes += group.length;
  if (Math.floor(takes / SWEEP_EVERY) > Math.floor(before / SWEEP_EVERY)) sweepBuckets(now, limit);
}

function next(state: TakeQueue): void {
  if (state.queue.length) setImmediate(() => takeQueued(state));
  else state.scheduled = false;
}

/** What the registration endpoints and forms ask: one request from this client's budget, taken soon. */
export function takeRequestSoon(headers: Headers): Promise<RateLimitDecision> {
  return takeFromBucketSoon(bucketKey(clientAddress(headers, trustedHops())));
}

/** rateLimited, with the take grouped (takeFromBucketSoon): for the registration POST. */
export async function rateLimitedSoon(request: Request): Promise<Response | null> {
  return tooManyRequests(await takeRequestSoon(request.headers));
}

/** Takes one request from the budget of the client these headers come from. */
export function takeRequest(headers: Headers): RateLimitDecision {
  return takeFromBucket(bucketKey(clientAddress(headers, trustedHops())));
}

/** The API's rate limit, shared with the registration forms: a 429 answer, or null to go on. */
export function rateLimited(request: Request): Response | null {
  return tooManyRequests(takeRequest(request.headers));
}
