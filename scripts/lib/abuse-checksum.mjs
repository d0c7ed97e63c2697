// @ts-check
// A fingerprint of everything the abuse must not change: every table of the database (less what
// changes by design when a request is refused) and every file beside it (the uploaded photos).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Left out, with the reason. Every other table counts, so a table added to db/schema.ts is
 * covered without touching this script.
 */
/** @type {Record<string, string>} */
export const EXCLUDED_TABLES = {
  sign_in_attempts:
    "counts sign-in attempts per email, address and pair before the password is checked: refusing a wrong password must write there (it is how repeated guesses get locked out)",
  __drizzle_migrations: "the migrations applied, written once at start, not user data",
  rate_limit_buckets:
    "the rate limit's token bucket per client address, shared by the server's processes: every request to the registration endpoints takes a token, refused or not, so it changes by design",
  cache_invalidations:
    "the cache tags revalidated by any process, read by the others to drop stale pages: a record of what was refreshed, not user data",
};

/** Columns that change after the request that wrote the row, on their own schedule. */
/** @type {Record<string, { columns: string[], why: string }>} */
export const EXCLUDED_COLUMNS = {
  outbox: {
    columns: ["status", "attempts", "last_error", "next_attempt_at", "sent_at"],
    why: "the delivery of an email queued before the abuse (the test attendee's confirmation) goes on in the background; the emails themselves count",
  },
};

/** Rows that a request answered as intended writes by design, with the reason. */
/** @type {Record<string, { where: string, why: string }>} */
export const EXCLUDED_ROWS = {
  audit_log: {
    where: "action NOT LIKE 'export-%'",
    why: "an organizer's bulk export (CSV, XLSX, badges) writes an audit row with its filters and row count, hostile filters included: the export answers with the matching rows (none), and the row records who took it",
  },
};

/** @typedef {{ tables: Record<string, string>, files: Record<string, string> }} Snapshot */

/**
 * sha256 per table over its rows in primary-key order, as JSON.
 * @param {string} dbPath
 */
export function tableDigests(dbPath) {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all()
      .map((row) => /** @type {{ name: string }} */ (row))
      .map((row) => row.name)
      .filter((name) => !(name in EXCLUDED_TABLES));
    /** @type {Record<string, string>} */
    const digests = {};
    // One read transaction: the tables are read as of one moment.
    db.transaction(() => {
      for (const table of tables) {
        const skip = new Set(EXCLUDED_COLUMNS[table]?.columns ?? []);
        const columns = /** @type {Array<{ name: string, pk: number }>} */ (db.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(table));
        const kept = columns.filter((c) => !skip.has(c.name)).map((c) => `"${c.name}"`);
        const keys = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => `"${c.name}"`);
        const order = keys.length ? keys.join(", ") : kept.join(", ");
        const hash = createHash("sha256");
        let rows = 0;
        const excluded = EXCLUDED_ROWS[table];
        const where = excluded ? ` WHERE ${excluded.where}` : "";
        for (const row of db.prepare(`SELECT ${kept.join(", ")} FROM "${table}"${where} ORDER BY ${order}`).raw().iterate()) {
          hash.update(JSON.stringify(row, (_key, value) => (Buffer.isBuffer(value) ? value.toString("base64") : value)));
          hash.update("\n");
          rows += 1;
        }
        digests[table] = `${rows}:${hash.digest("hex").slice(0, 16)}`;
      }
    })();
    return digests;
  } finally {
    db.close();
  }
}

/**
 * Every file under `dir` (the database's own files and `skip` left out): path, size and sha256.
 * @param {string} dir
 * @param {string[]} skip
 */
export function fileDigests(dir, skip) {
  /** @type {Record<string, string>} */
  const out = {};
  /** @param {string} current */
  const walk = (current) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (skip.some((s) => full === s || full.startsWith(`${s}-`))) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out[path.relative(dir, full)] = createHash("sha256").update(fs.readFileSync(full)).digest("hex").slice(0, 16);
    }
  };
  walk(dir);
  return out;
}

/**
 * @param {string} dbPath
 * @param {string[]} skip
 * @returns {Snapshot}
 */
export function snapshot(dbPath, skip) {
  return { tables: tableDigests(dbPath), files: fileDigests(path.dirname(dbPath), [dbPath, ...skip]) };
}

/**
 * One sha256 over a snapshot: the figure printed before and after.
 * @param {Snapshot} snap
 */
export function checksum(snap) {
  return createHash("sha256").update(JSON.stringify(snap)).digest("hex");
}

/**
 * What differs between two snapshots, in words: "registrations (3 → 4 rows)", "file uploads/x".
 * @param {Snapshot} before
 * @param {Snapshot} after
 */
export function differences(before, after) {
  /** @type {string[]} */
  const out = [];
  for (const table of new Set([...Object.keys(before.tables), ...Object.keys(after.tables)])) {
    const a = before.tables[table];
    const b = after.tables[table];
    if (a === b) continue;
    /** @param {string | undefined} d */
    const rows = (d) => (d === undefined ? "none" : d.split(":")[0]);
    out.push(`table ${table} (${rows(a)} → ${rows(b)} rows${rows(a) === rows(b) ? ", contents changed" : ""})`);
  }
  for (const file of new Set([...Object.keys(before.files), ...Object.keys(after.files)])) {
    if (before.files[file] === after.files[file]) continue;
    out.push(`file ${file} ${before.files[file] === undefined ? "appeared" : after.files[file] === undefined ? "disappeared" : "changed"}`);
  }
  return out;
}
