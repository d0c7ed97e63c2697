// @ts-check
// `npm run bench:pages`: builds the site, starts the production server on a fresh seeded database
// and, with autocannon, measures the agenda (and its first day at its own address), a speaker page, the quote archive and a static file
// from public/ one after the other, after a warm-up of each. It prints req/s, p50 and p99 latency
// and each page's ratio to the static file's rate, every request asking for gzip or brotli as a
// browser does; then the bytes of the agenda, a speaker page and the register page, plain and
// compressed. Target: every page at least 0.75 of the static
// file's rate with p99 at most 100 ms.
//
// It is a benchmark, not a test: it exits 0 whether or not the target is met, and non-zero only if
// the build or the server failed, a URL did not answer 200 before the run, or requests failed
// massively (more than 1% errors or non-2xx responses on a URL).
//
// Environment: BENCH_DURATION (seconds a URL, default 15), BENCH_CONNECTIONS (default 50),
// BENCH_WARMUP (seconds of warm-up a URL, default 3), BENCH_SKIP_BUILD=1 to reuse .next-bench,
// BENCH_PORT (default 3200).
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import PDFDocument from "pdfkit";
import sharp from "sharp";
import { request, text } from "./lib/http-client.mjs";
import Database from "better-sqlite3";
import { freshDatabase, startProductionServer } from "./lib/prod-server.mjs";
import { positiveInteger, positiveNumber, runWithServer } from "./lib/script-env.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const PORT = positiveInteger("BENCH_PORT", 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const DIST_DIR = ".next-bench";
const DATABASE_PATH = "./data/bench.db";
// A file from public/: robots.txt is answered per request now (its sitemap line needs the site's address).
const STATIC_PATH = "/icons/icon-192.png";
const UPLOADS_DIR = "./data/bench-uploads";
// The agenda twice: the current edition's and an archived edition's (the seeded 2024 forum, once
// the run's database holds a later edition made current: see archiveSeededEdition).
const PAGE_PATHS = ["/en/agenda", "/en/2024/agenda", "/en/speakers/wang-yao", "/en/quotes"];
// What a browser sends: every request of the run asks for a compressed answer, as a phone at the
// venue would. The sizes are printed for these pages (the register page is rendered per request).
const ACCEPT_ENCODING = "gzip, deflate, br";
const SIZE_PATHS = ["/en/agenda", "/en/speakers/wang-yao", "/en/register"];
const MIN_RATIO = 0.75;
const MAX_P99_MS = 100;
// Above this share of failed requests (connection errors, timeouts, non-2xx) on any URL, the run is
// reported as broken and the exit code is 1.
const MAX_FAILURE_SHARE = 0.01;


const DURATION = positiveNumber("BENCH_DURATION", 15);
const CONNECTIONS = Math.round(positiveNumber("BENCH_CONNECTIONS", 50));
const WARMUP = positiveNumber("BENCH_WARMUP", 3);
const SKIP_BUILD = Boolean(process.env.BENCH_SKIP_BUILD) && process.env.BENCH_SKIP_BUILD !== "0";

class BenchError extends Error {}

/**
 * Makes the seeded edition an archive, as it will be once the next forum is current: a benchmark
 * edition, a year later, with a copy of its rooms, tracks and illustrative program, becomes current
 * (before the build, so that both editions' pages are rendered ahead). The copy exists only in the
 * benchmark's database and names no real person (the program's people are illustrative).
 * @param {string} file
 */
function archiveSeededEdition(file) {
  const db = new Database(file);
  try {
    db.transaction(() => {
      const from = /** @type {{ id: number }} */ (db.prepare("SELECT id FROM events WHERE is_current = 1").get());
      const to = Number(
        db
          .prepare(
            `INSERT INTO events (slug, path, is_current, name_en, name_zh, venue_en, venue_zh, time_zone, start_date, end_date, capacity)
             SELECT 'bench-next', 'bench-next', 0, 'Benchmark edition', '基准测试届次', venue_en, venue_zh, time_zone,
                    date(start_date, '+1 year'), date(end_date, '+1 year'), capacity FROM events WHERE id = ?`,
          )
          .run(from.id).lastInsertRowid,
      );
      db.prepare("INSERT INTO rooms (event_id, slug, name_en, name_zh, capacity, position) SELECT ?, slug, name_en, name_zh, capacity, position FROM rooms WHERE event_id = ?").run(to, from.id);
      db.prepare("INSERT INTO tracks (event_id, slug, name_en, name_zh, color, position) SELECT ?, slug, name_en, name_zh, color, position FROM tracks WHERE event_id = ?").run(to, from.id);
      const year = 365 * 24 * 3600 * 1000;
      db.prepare(
        `INSERT INTO sessions (event_id, slug, type, status, starts_at, ends_at, room_id, track_id, title_en, title_zh, abstract_en, abstract_zh, seat_limit)
         SELECT ?, s.slug, s.type, s.status, s.starts_at + ?, s.ends_at + ?,
                (SELECT n.id FROM rooms o JOIN rooms n ON n.slug = o.slug AND n.event_id = ? WHERE o.id = s.room_id),
                (SELECT n.id FROM tracks o JOIN tracks n ON n.slug = o.slug AND n.event_id = ? WHERE o.id = s.track_id),
                s.title_en, s.title_zh, s.abstract_en, s.abstract_zh, s.seat_limit
         FROM sessions s WHERE s.event_id = ?`,
      ).run(to, year, year, to, to, from.id);
      db.prepare(
        `INSERT INTO session_speakers (session_id, speaker_id, role, position)
         SELECT n.id, ss.speaker_id, ss.role, ss.position FROM session_speakers ss
         JOIN sessions o ON o.id = ss.session_id JOIN sessions n ON n.slug = o.slug AND n.event_id = ?
         WHERE o.event_id = ?`,
      ).run(to, from.id);
      db.prepare("UPDATE events SET is_current = 0 WHERE id = ?").run(from.id);
      db.prepare("UPDATE events SET is_current = 1 WHERE id = ?").run(to);
    })();
  } finally {
    db.close();
  }
}

/**
 * The first day of the current edition's agenda at its own address, read from the run's database
 * (the dates are data).
 * @param {string} file
 */
function firstDayPath(file) {
  const db = new Database(file, { readonly: true });
  try {
    const row = /** @type {{ start_date: string }} */ (db.prepare("SELECT start_date FROM events WHERE is_current = 1").get());
    return `/en/agenda/${row.start_date}`;
  } finally {
    db.close();
  }
}

/** A two-page slide deck, made here: the benchmark's database is fresh and so are its uploads. */
function slideDeck() {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: [960, 540] });
    /** @type {Buffer[]} */
    const chunks = [];
    doc.on("data", (chunk) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.fontSize(40).text("Benchmark slides (illustrative)", 60, 200);
    doc.addPage({ size: [960, 540] }).fontSize(28).text("Second slide", 60, 60);
    doc.end();
  });
}

/**
 * Gives a session of the current edition what a talk keeps once it is over: published slides (a
 * PDF and its preview under their content's hash, as an upload stores them), a recording link and
 * two quotes at moments of it, said by the session's own (illustrative) speaker and cited to an
 * illustrative record. Returns the session page's path.
 * @param {string} file
 */
async function addSessionMaterials(file) {
  const pdf = /** @type {Buffer} */ (await slideDeck());
  const preview = await sharp({ create: { width: 960, height: 540, channels: 3, background: "#0b3954" } }).webp({ quality: 80 }).toBuffer();
  const name = (/** @type {Buffer} */ bytes, /** @type {string} */ ext) => `${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}.${ext}`;
  const [pdfName, previewName] = [name(pdf, "pdf"), name(preview, "webp")];
  const dir = path.join(UPLOADS_DIR, "materials");
  fs.rmSync(UPLOADS_DIR, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, pdfName), pdf);
  fs.writeFileSync(path.join(dir, previewName), preview);
  const db = new Database(file);
  try {
    return db.transaction(() => {
      const session = /** @type {{ id: number, slug: string, event_id: number, speaker_id: number } | undefined} */ (
        db
          .prepare(
            `SELECT s.id, s.slug, s.event_id, ss.speaker_id FROM sessions s
             JOIN events e ON e.id = s.event_id AND e.is_current = 1
             JOIN session_speakers ss ON ss.session_id = s.id
             JOIN speakers p ON p.id = ss.speaker_id AND p.source_id IS NULL
             WHERE s.status = 'published' ORDER BY s.starts_at, s.id LIMIT 1`,
          )
          .get()
      );
      if (!session) throw new BenchError("The seeded program has no published session with an illustrative speaker.");
      db.prepare(
        `INSERT INTO session_materials (session_id, event_id, slides_file, slides_bytes, slides_pages, slides_preview, slides_published,
                                        recording_url, recording_seconds, recording_published)
         VALUES (?, ?, ?, ?, 2, ?, 1, 'https://www.bilibili.com/video/BV1GJ411x7h7', 2700, 1)`,
      ).run(session.id, session.event_id, pdfName, pdf.length, previewName);
      const source = db
        .prepare("INSERT INTO sources (publisher, title, published_on) VALUES (NULL, 'Benchmark session recording (illustrative)', '2025-07-12')")
        .run().lastInsertRowid;
      const quote = db.prepare(
        "INSERT INTO quotes (event_id, speaker_id, session_id, source_id, kind, text, language, recording_offset) VALUES (?, ?, ?, ?, 'direct', ?, 'en', ?)",
      );
      quote.run(session.event_id, session.speaker_id, session.id, source, "Illustrative words for the benchmark, said early in the talk.", 300);
      quote.run(session.event_id, session.speaker_id, session.id, source, "More illustrative words for the benchmark, near the end.", 2400);
      return `/en/sessions/${session.slug}`;
    })();
  } finally {
    db.close();
  }
}

/** @type {import("./lib/prod-server.mjs").ProductionServer | null} */
let server = null;
/** @type {autocannon.Instance | null} the running autocannon instance, stopped on a signal */
let currentInstance = null;

/**
 * @param {string} pathname
 * @param {number} [timeoutMs]
 */
function get(pathname, timeoutMs = 5_000) {
  return request(BASE, { path: pathname, timeoutMs });
}

// --- measuring --------------------------------------------------------------------------------

/**
 * @param {string} pathname
 * @param {Partial<autocannon.Options>} options
 * @returns {Promise<autocannon.Result>}
 */
function cannon(pathname, options) {
  return new Promise((resolve, reject) => {
    currentInstance = autocannon(
      {
        url: BASE + pathname,
        connections: CONNECTIONS,
        pipelining: 1,
        timeout: 10,
        headers: { "accept-encoding": ACCEPT_ENCODING },
        ...options,
      },
      (error, result) => {
        currentInstance = null;
        if (error) reject(error);
        else resolve(result);
      },
    );
  });
}

/**
 * @typedef {object} Row one URL's figures
 * @property {string} pathname
 * @property {number} rps
 * @property {number} p50
 * @property {number} p99
 * @property {number} completed
 * @property {number} non2xx
 * @property {number} errors
 * @property {number} timeouts
 * @property {number} failureShare
 * @property {string[]} statuses
 * @property {boolean} [isStatic]
 * @property {number} [ratio]
 * @property {boolean} [met]
 */

/**
 * @param {string} pathname
 * @param {autocannon.Result} result
 * @returns {Row}
 */
function summarize(pathname, result) {
  const completed = result.requests.total;
  const failed = result.errors + result.non2xx;
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => !status.startsWith("2"))
    .map(([status, { count }]) => `${status}×${count}`);
  return {
    pathname,
    rps: result.duration > 0 ? completed / result.duration : 0,
    p50: result.latency.p50,
    p99: result.latency.p99,
    completed,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    failureShare: failed / Math.max(1, completed + result.errors),
    statuses,
  };
}

/** @param {number | undefined} value @param {number} [digits] */
const format = (value, digits = 1) => (value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : "n/a");

/** @param {Row[]} rows */
function printTable(rows) {
  const header = [
    "URL",
    "req/s",
    "p50 ms",
    "p99 ms",
    "ratio to static",
    "non-2xx/errors",
    "target met",
  ];
  const lines = rows.map((row) => [
    row.pathname,
    format(row.rps),
    format(row.p50),
    format(row.p99),
    format(row.ratio, 2),
    `${row.non2xx}/${row.errors}`,
    row.isStatic ? "(reference)" : row.met ? "yes" : "no",
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => (line[i] ?? "").length)),
  );
  const numeric = [false, true, true, true, true, true, false];
  /** @param {string[]} cells */
  const render = (cells) =>
    `| ${cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(" | ")} |`;
  console.log(render(header));
  console.log(
    `|${widths.map((width, i) => (numeric[i] ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`,
  );
  for (const line of lines) console.log(render(line));
}

async function main() {
  console.log(
    `Page benchmark: ${CONNECTIONS} connections, ${WARMUP} s warm-up and ${DURATION} s a URL, ` +
      `one URL at a time (node ${process.version}, ${os.cpus().length} CPUs, ` +
      `load average ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(" ")}).`,
  );

  if (SKIP_BUILD) console.log(`Reusing the build in ${DIST_DIR} (BENCH_SKIP_BUILD).`);
  // The production server of `npm start`.
  freshDatabase(DATABASE_PATH, { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  archiveSeededEdition(DATABASE_PATH);
  const sessionPage = await addSessionMaterials(DATABASE_PATH);
  server = await startProductionServer({
    env: { UPLOADS_DIR },
    port: PORT,
    db: DATABASE_PATH,
    distDir: DIST_DIR,
    skipBuild: SKIP_BUILD,
    freshDb: false,
    stdout: "inherit",
    portMustBeFree: true,
  });
  const running = server;
  console.log(`Server ready on ${BASE}.`);

  const targets = [STATIC_PATH, ...PAGE_PATHS, firstDayPath(DATABASE_PATH), sessionPage];
  for (const pathname of targets) {
    const response = await get(pathname, 30_000);
    if (response.status !== 200) {
      throw new BenchError(
        `${pathname} answered HTTP ${response.status} instead of 200 before the run.`,
      );
    }
  }
  // The session page is measured with what it was given: a page without them would be cheaper.
  const session = text(await get(sessionPage, 30_000));
  for (const part of ["/files/materials/", "Bilibili", "Illustrative words for the benchmark"]) {
    if (!session.includes(part)) throw new BenchError(`${sessionPage} does not show its materials and quotes (no "${part}").`);
  }

  for (const pathname of targets) {
    console.log(`warm-up   ${pathname} (${WARMUP} s)…`);
    await cannon(pathname, { duration: WARMUP });
  }

  const rows = [];
  for (const pathname of targets) {
    console.log(`measuring ${pathname} (${DURATION} s)…`);
    rows.push(summarize(pathname, await cannon(pathname, { duration: DURATION })));
    if (running.child.exitCode !== null || running.child.signalCode !== null) throw new BenchError(`The server exited while ${pathname} was being measured.`);
  }

  const [staticRow, ...pageRows] = rows;
  if (!staticRow) throw new BenchError("Nothing was measured.");
  staticRow.isStatic = true;
  staticRow.ratio = 1;
  for (const row of pageRows) {
    row.ratio = staticRow.rps > 0 ? row.rps / staticRow.rps : NaN;
    row.met = row.ratio >= MIN_RATIO && row.p99 <= MAX_P99_MS && row.non2xx + row.errors === 0;
  }

  console.log("");
  printTable(rows);
  console.log("");
  for (const row of rows) {
    if (row.timeouts || row.statuses.length) {
      const details = [row.timeouts ? `${row.timeouts} timeouts` : "", row.statuses.join(", ")];
      console.log(`${row.pathname}: ${details.filter(Boolean).join("; ")}`);
    }
  }

  console.log("\nBytes sent for a page (plain / gzip / br):");
  for (const pathname of SIZE_PATHS) {
    const sizes = [];
    for (const coding of ["identity", "gzip", "br"]) {
      const answer = await request(BASE, { path: pathname, headers: { "accept-encoding": coding }, timeoutMs: 30_000 });
      const sent = String(answer.headers["content-encoding"] ?? "identity");
      sizes.push(`${answer.bytes.toLocaleString("en")}${sent === coding ? "" : ` (as ${sent})`}`);
    }
    console.log(`  ${pathname}: ${sizes.join(" / ")}`);
  }
  console.log("");

  const broken = rows.filter((row) => row.failureShare > MAX_FAILURE_SHARE || row.completed === 0);
  const allMet = pageRows.every((row) => row.met);
  const missed = pageRows.filter((row) => !row.met).map((row) => row.pathname);
  console.log(
    allMet
      ? `Target met: every page reached at least ${MIN_RATIO} of the static file's rate with p99 <= ${MAX_P99_MS} ms.`
      : `Target NOT met (>= ${MIN_RATIO} of the static file's rate and p99 <= ${MAX_P99_MS} ms, no failed requests) by: ${missed.join(", ")}.`,
  );
  if (broken.length) {
    throw new BenchError(
      `Requests failed massively (over ${MAX_FAILURE_SHARE * 100}% errors or non-2xx) on: ` +
        broken.map((row) => `${row.pathname} (${format(row.failureShare * 100)}%)`).join(", "),
    );
  }
}

// A signal stops the run where it is: the measurement under way, then the server.
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.prependListener(signal, () => currentInstance?.stop());
runWithServer(
  "The page benchmark",
  async () => {
    try {
      await main();
      return 0;
    } catch (error) {
      if (!(error instanceof BenchError)) throw error;
      console.error(`\nBenchmark failed: ${error.message}`);
      return 1;
    }
  },
  () => server,
);
