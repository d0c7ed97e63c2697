// @ts-check
// `npm run bench:register`: builds the site (unless BENCH_SKIP_BUILD=1), starts the production
// server on a fresh database with 250 seats and sends 2,000 registrations with unique emails
// through POST /api/v1/registrations over 50 keep-alive connections. Then, with the server
// stopped, it opens the database read-only and checks what must hold whatever the load:
// exactly 250 confirmed and 1,750 waiting, waiting places without gaps (and the ones each answer
// gave), no duplicate emails, one email queued per registration, and every answer a 201. It prints
// registrations a second and p50/p95/p99 latency, and the rate of a static file from public/ (an
// icon) measured the same way in the same run, for comparison.
//
// Target: at least 400 registrations a second with p99 at most 150 ms. It is a benchmark: it exits
// 0 whether or not the target is met, and 1 if an invariant fails or the server could not run.
//
// Environment: BENCH_SKIP_BUILD=1 to reuse .next-bench, BENCH_REGISTRATIONS (default 2000),
// BENCH_CONNECTIONS (default 50), BENCH_STATIC_REQUESTS (default 20000), BENCH_PORT (default 3202).
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { request, text } from "./lib/http-client.mjs";
import { percentiles } from "./lib/percentile.mjs";
import { startProductionServer } from "./lib/prod-server.mjs";
import { positiveInteger, runWithServer } from "./lib/script-env.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const PORT = positiveInteger("BENCH_PORT", 3202);
const DIST_DIR = ".next-bench";
const DATABASE_PATH = "./data/bench-register.db";
const CAPACITY = 250;
// A file from public/: robots.txt is answered per request now (its sitemap line needs the site's address).
const STATIC_PATH = "/icons/icon-192.png";
const API_PATH = "/api/v1/registrations";
const MIN_RATE = 400;
const MAX_P99_MS = 150;


const REGISTRATIONS = positiveInteger("BENCH_REGISTRATIONS", 2000);
const CONNECTIONS = positiveInteger("BENCH_CONNECTIONS", 50);
const STATIC_REQUESTS = positiveInteger("BENCH_STATIC_REQUESTS", 20_000);
const SKIP_BUILD = Boolean(process.env.BENCH_SKIP_BUILD) && process.env.BENCH_SKIP_BUILD !== "0";

const serverEnv = {
  FORUM_CAPACITY: String(CAPACITY),
  RATE_LIMIT_PER_MINUTE: "1000000",
  // A benchmark of the seat count and the waiting list: every registration is confirmed or queued
  // at once, and one client address may register them all.
  REGISTRATION_MODE: "open",
  REGISTRATIONS_PER_HOUR: "1000000",
};

class BenchError extends Error {}

/** @type {import("./lib/prod-server.mjs").ProductionServer | null} */
let server = null;
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

// --- measuring --------------------------------------------------------------------------------

/** @typedef {import("./lib/http-client.mjs").Answer} Answer */
/** @typedef {{ results: Answer[], seconds: number }} Load */

/**
 * Runs `count` requests made by `make(i)` over `CONNECTIONS` concurrent keep-alive connections.
 * @param {string} base
 * @param {number} count
 * @param {(i: number) => [method: string, path: string, body?: string]} make
 * @returns {Promise<Load>}
 */
async function load(base, count, make) {
  /** @type {Answer[]} */
  const results = new Array(count);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(CONNECTIONS, count) }, async () => {
      while (next < count) {
        const i = next++;
        const [method, path, body] = make(i);
        const headers = body === undefined ? {} : { "content-type": "application/json" };
        results[i] = await request(base, { method, path, body, headers, agent });
      }
    }),
  );
  return { results, seconds: (performance.now() - started) / 1000 };
}

/**
 * @param {string} name
 * @param {Load} run
 */
function summarize(name, { results, seconds }) {
  /** @type {Record<string, number>} */
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return {
    name,
    count: results.length,
    rate: results.length / seconds,
    seconds,
    ...percentiles(
      results.map((r) => r.ms),
      [50, 95, 99, 100],
    ),
    statuses,
  };
}

const runId = `${Date.now().toString(36)}-${process.pid}`;
/** @param {number} i */
const registrationBody = (i) =>
  JSON.stringify({
    fullName: `Bench Attendee ${i}`,
    email: `bench-${runId}-${i}@example.test`,
    organisation: "Benchmark Motors",
    jobTitle: "Load Tester",
    category: ["industry", "media", "government", "academia", "other"][i % 5],
    days: i % 2 ? ["2024-07-11", "2024-07-12"] : ["2024-07-13"],
    consent: true,
  });
// Exercises the whole route (rate limit, body, validation) without writing: consent is missing.
const invalidBody = JSON.stringify({ fullName: "Warm Up", email: "warm-up@example.test" });

// --- checking the database ------------------------------------------------------------------

/** @typedef {{ code: string, status: string, position?: number }} Created */

/**
 * Whole-database checks; `all` and `get` cast the rows of the SQL written here.
 * @param {Created[]} created
 */
function checkDatabase(created) {
  /** @type {string[]} */
  const failures = [];
  const db = new Database(DATABASE_PATH, { readonly: true, fileMustExist: true });
  try {
    const counts = Object.fromEntries(
      db
        .prepare("select status, count(*) n from registrations group by status")
        .all()
        .map((r) => /** @type {{ status: string, n: number }} */ (r))
        .map((r) => [r.status, r.n]),
    );
    const expectedConfirmed = Math.min(CAPACITY, REGISTRATIONS);
    const expectedWaiting = REGISTRATIONS - expectedConfirmed;
    if ((counts.confirmed ?? 0) !== expectedConfirmed)
      failures.push(`${counts.confirmed ?? 0} confirmed, expected ${expectedConfirmed}`);
    if ((counts.waiting ?? 0) !== expectedWaiting)
      failures.push(`${counts.waiting ?? 0} waiting, expected ${expectedWaiting}`);
    if (counts.cancelled) failures.push(`${counts.cancelled} cancelled, expected none`);

    const emails = /** @type {{ n: number, keys: number, addresses: number }} */ (db
      .prepare(
        "select count(*) n, count(distinct email_key) keys, count(distinct lower(trim(email))) addresses from registrations",
      )
      .get());
    if (emails.n !== REGISTRATIONS) failures.push(`${emails.n} rows, expected ${REGISTRATIONS}`);
    if (emails.keys !== emails.n || emails.addresses !== emails.n)
      failures.push(`duplicate emails: ${emails.n} rows, ${emails.keys} distinct keys`);

    // The waiting list in its order; each answer's place must be the row's rank in it.
    const waiting = /** @type {Array<{ code: string }>} */ (
      db.prepare("select code from registrations where status = 'waiting' order by waitlisted_at, id").all()
    );
    const rank = new Map(waiting.map((r, i) => [r.code, i + 1]));
    const places = created
      .filter((c) => c.status === "waiting")
      .map((c) => c.position ?? NaN)
      .sort((a, b) => a - b);
    if (places.some((p, i) => p !== i + 1))
      failures.push("the places given on registering have gaps or repeats");
    const wrong = created.filter((c) => c.status === "waiting" && rank.get(c.code) !== c.position);
    if (wrong.length)
      failures.push(`${wrong.length} waiting registrations are not at the place their answer gave`);
    const confirmedWithPlace = created.filter(
      (c) => c.status === "confirmed" && c.position !== undefined,
    );
    if (confirmedWithPlace.length)
      failures.push(`${confirmedWithPlace.length} confirmed answers carry a place`);

    const stored = new Map(
      db
        .prepare("select code, status from registrations")
        .all()
        .map((r) => /** @type {{ code: string, status: string }} */ (r))
        .map((r) => [r.code, r.status]),
    );
    const mismatched = created.filter((c) => stored.get(c.code) !== c.status);
    if (mismatched.length)
      failures.push(`${mismatched.length} answers do not match the stored registration`);

    const emailsQueued = /** @type {{ n: number, regs: number }} */ (db
      .prepare(
        "select count(*) n, count(distinct registration_id) regs from outbox where kind in ('confirmation', 'waiting')",
      )
      .get());
    if (emailsQueued.n !== REGISTRATIONS || emailsQueued.regs !== REGISTRATIONS) {
      failures.push(
        `${emailsQueued.n} confirmation/waiting emails queued for ${emailsQueued.regs} registrations, expected one each`,
      );
    }
    return { failures, counts };
  } finally {
    db.close();
  }
}

// --- the run ----------------------------------------------------------------------------------

/** @param {number} value @param {number} [digits] */
const format = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");

async function main() {
  console.log(
    `Registration benchmark: ${REGISTRATIONS} registrations, ${CONNECTIONS} connections, ${CAPACITY} seats ` +
      `(node ${process.version}, ${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(" ")}).`,
  );

  fs.mkdirSync(path.dirname(DATABASE_PATH), { recursive: true });
  if (SKIP_BUILD) console.log(`Reusing the build in ${DIST_DIR} (BENCH_SKIP_BUILD).`);
  // Without SMTP_URL the outbox logs a line per email to stdout: 2,000 lines of noise here.
  server = await startProductionServer({
    port: PORT,
    db: DATABASE_PATH,
    distDir: DIST_DIR,
    skipBuild: SKIP_BUILD,
    env: serverEnv,
    portMustBeFree: true,
  });
  const base = server.url;
  console.log(`Server ready on ${base}.`);

  // Warm-up: the static file, and the registration route with bodies it refuses (nothing written).
  const warmStatic = await load(base, 2_000, () => ["GET", STATIC_PATH]);
  const warmApi = await load(base, 1_000, () => ["POST", API_PATH, invalidBody]);
  const unexpected = [
    ...warmStatic.results.filter((r) => r.status !== 200),
    ...warmApi.results.filter((r) => r.status !== 400),
  ];
  if (unexpected.length)
    throw new BenchError(`The warm-up got unexpected answers: ${JSON.stringify(unexpected[0])}`);

  console.log(`sending   ${REGISTRATIONS} registrations…`);
  const registered = await load(base, REGISTRATIONS, (i) => ["POST", API_PATH, registrationBody(i)]);
  console.log(`measuring ${STATIC_PATH} (${STATIC_REQUESTS} requests)…`);
  const staticRun = await load(base, STATIC_REQUESTS, () => ["GET", STATIC_PATH]);
  if (server.child.exitCode !== null || server.child.signalCode !== null)
    throw new BenchError("The server exited during the run.");

  const reg = summarize(`POST ${API_PATH}`, registered);
  const stat = summarize(`GET ${STATIC_PATH}`, staticRun);
  agent.destroy();
  await server.stop();

  /** @type {Array<{ code: string, status: string, position?: number }>} */
  const created = registered.results.filter((r) => r.status === 201).map((r) => JSON.parse(text(r)));
  const failures = [];
  const non201 = registered.results.filter((r) => r.status !== 201);
  if (non201.length) {
    failures.push(
      `${non201.length} registrations were not answered 201: ${JSON.stringify(reg.statuses)}; first: ${JSON.stringify(non201[0]).slice(0, 300)}`,
    );
  }
  if (new Set(created.map((c) => c.code)).size !== created.length)
    failures.push("two answers gave the same code");
  const db = checkDatabase(created);
  failures.push(...db.failures);

  console.log("");
  console.log("| what | requests | per second | p50 ms | p95 ms | p99 ms | max ms | answers |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---|");
  for (const row of [reg, stat]) {
    const answers = Object.entries(row.statuses)
      .map(([status, n]) => `${status}×${n}`)
      .join(" ");
    console.log(
      `| ${row.name} | ${row.count} | ${format(row.rate)} | ${format(row.p50)} | ${format(row.p95)} | ${format(row.p99)} | ${format(row.p100)} | ${answers} |`,
    );
  }
  console.log("");
  console.log(
    `Registrations: ${format(reg.rate)}/s over ${format(reg.seconds, 2)} s, ${format((reg.rate / stat.rate) * 100)}% of the static file's rate.`,
  );
  console.log(
    `Database: ${db.counts.confirmed ?? 0} confirmed, ${db.counts.waiting ?? 0} waiting, ${db.counts.cancelled ?? 0} cancelled.`,
  );
  const met = reg.rate >= MIN_RATE && reg.p99 <= MAX_P99_MS;
  console.log(
    met
      ? `Target met: ${format(reg.rate)} registrations/s >= ${MIN_RATE} and p99 ${format(reg.p99)} ms <= ${MAX_P99_MS} ms.`
      : `Target NOT met (>= ${MIN_RATE} registrations/s with p99 <= ${MAX_P99_MS} ms): ${format(reg.rate)}/s, p99 ${format(reg.p99)} ms.`,
  );
  if (failures.length) throw new BenchError(`Invariants failed:\n  - ${failures.join("\n  - ")}`);
  console.log(
    "Invariants hold: every answer 201, seats and waiting places exact, no duplicate emails, one email queued each.",
  );
}

runWithServer(
  "The registration benchmark",
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
