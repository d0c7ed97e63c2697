// @ts-check
/**
 * What every server process must learn when any of them revalidates a page: the cache tags
 * revalidated, kept in the database (table cache_invalidations, newest time per tag), because the
 * server runs one process per core and each keeps its own caches in memory (Next's and the page
 * copy).
 *
 * - record(tags): Next's cache handler (server/next-cache-handler.mjs) calls it whenever Next
 *   revalidates, in the process that did; the row is committed before the action answers.
 * - poll(): each process calls it before it answers from a cache of its own; it reads the rows
 *   added since its last look (one indexed read when there are none) and tells its listeners.
 * - expiredSince(tags, time): whether any of these tags was revalidated after `time`.
 *
 * One state per process, on globalThis: server.mjs and the cache handler Next loads share it.
 */
import path from "node:path";
import Database from "better-sqlite3";

const KEY = Symbol.for("forum.sharedCache");

/**
 * @typedef {{ tag: string, at: number }} Invalidation
 * @typedef {(invalidations: Invalidation[]) => void} Listener
 * @typedef {{
 *   db: import("better-sqlite3").Database | null,
 *   lastSeq: number,
 *   latest: Map<string, number>,
 *   listeners: Set<Listener>,
 *   statements: { since: import("better-sqlite3").Statement, insert: import("better-sqlite3").Statement, prune: import("better-sqlite3").Statement } | null,
 * }} State
 */

/** @returns {State} */
function state() {
  const holder = /** @type {{ [KEY]?: State }} */ (/** @type {unknown} */ (globalThis));
  return (holder[KEY] ??= { db: null, lastSeq: 0, latest: new Map(), listeners: new Set(), statements: null });
}

/** The database the app uses (the same rule as lib/data-path.ts). */
export function databaseFile() {
  return path.resolve(/* turbopackIgnore: true */ process.env.DATABASE_PATH || "./data/forum.db");
}

/**
 * Opens the connection on first use, never at import: `next build` loads the cache handler in
 * workers that must not hold the database. Every tag already recorded is read once, with its
 * time, so that a process started after a change still finds older pages on disk stale.
 * @param {State} s
 */
function open(s) {
  if (s.db) return s;
  const db = new Database(databaseFile(), { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  s.statements = {
    since: db.prepare("SELECT seq, tag, at FROM cache_invalidations WHERE seq > ? ORDER BY seq"),
    insert: db.prepare("INSERT INTO cache_invalidations (tag, at) VALUES (?, ?)"),
    // One row per tag is enough (the newest): the table stays as small as the set of tags.
    prune: db.prepare("DELETE FROM cache_invalidations WHERE tag = ? AND seq < ?"),
  };
  s.db = db;
  for (const row of /** @type {{ seq: number, tag: string, at: number }[]} */ (s.statements.since.all(0))) {
    s.latest.set(row.tag, Math.max(s.latest.get(row.tag) ?? 0, row.at));
    s.lastSeq = row.seq;
  }
  return s;
}

/**
 * Records that these tags were revalidated now, for every process, in one transaction.
 * @param {readonly string[]} tags
 * @param {number} [now]
 */
export function record(tags, now = Date.now()) {
  if (tags.length === 0) return;
  const s = open(state());
  const { insert, prune } = /** @type {NonNullable<State["statements"]>} */ (s.statements);
  /** @type {import("better-sqlite3").Database} */ (s.db).transaction(() => {
    for (const tag of tags) {
      const seq = Number(insert.run(tag, now).lastInsertRowid);
      prune.run(tag, seq);
    }
  }).immediate();
}

/** Reads what any process recorded since the last look and tells the listeners; returns it. */
export function poll() {
  const s = open(state());
  const rows = /** @type {{ seq: number, tag: string, at: number }[]} */ (
    /** @type {NonNullable<State["statements"]>} */ (s.statements).since.all(s.lastSeq)
  );
  if (rows.length === 0) return [];
  s.lastSeq = /** @type {{ seq: number }} */ (rows[rows.length - 1]).seq;
  const invalidations = rows.map(({ tag, at }) => ({ tag, at }));
  for (const { tag, at } of invalidations) s.latest.set(tag, Math.max(s.latest.get(tag) ?? 0, at));
  for (const listener of s.listeners) listener(invalidations);
  return invalidations;
}

/**
 * Whether any of these tags was revalidated at or after `time` (ms since the epoch), as far as
 * this process knows: call poll() first for the newest.
 * @param {readonly string[]} tags
 * @param {number} time
 */
export function expiredSince(tags, time) {
  const { latest } = state();
  return tags.some((tag) => (latest.get(tag) ?? -Infinity) >= time);
}

/**
 * The newest time at which a tag that `covers` accepts was revalidated, or -Infinity.
 * @param {(tag: string) => boolean} covers
 */
export function latestWhere(covers) {
  let newest = -Infinity;
  for (const [tag, at] of state().latest) if (at > newest && covers(tag)) newest = at;
  return newest;
}

/**
 * Calls `listener` with what each poll() finds; returns the way to stop.
 * @param {Listener} listener
 */
export function subscribe(listener) {
  const { listeners } = state();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Closes the connection and forgets everything (tests). */
export function reset() {
  const s = state();
  s.db?.close();
  Object.assign(s, { db: null, lastSeq: 0, latest: new Map(), statements: null });
  s.listeners.clear();
}
