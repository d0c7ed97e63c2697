// `npm run bench:register`: builds the site (unless BENCH_SKIP_BUILD=1), starts the production
// server on a fresh database with 250 seats and sends 2,000 registrations with unique emails
// through POST /api/v1/registrations over 50 keep-alive connections. Then, with the server
// stopped, it opens the database read-only and checks what must hold whatever the load:
// exactly 250 confirmed and 1,750 waiting, waiting places without gaps (and the ones each answer
// gave), no duplicate emails, one email queued per registration, and every answer a 201. It prints
// registrations a second and p50/p95/p99 latency, and the rate of /robots.txt (a static file from
// public/) measured the same way in the same run, for comparison.
//
// Target: at least 400 registrations a second with p99 at most 150 ms. It is a benchmark: it exits
// 0 whether or not the target is met, and 1 if an invariant fails or the server could not run.
//
// Environment: BENCH_SKIP_BUILD=1 to reuse .next-bench, BENCH_REGISTRATIONS (default 2000),
// BENCH_CONNECTIONS (default 50), BENCH_STATIC_REQUESTS (default 20000).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { positiveInteger } from "./lib/script-env.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const PORT = 3202;
const HOST = "127.0.0.1";
const BASE = `http://${HOST}:${PORT}`;
const DIST_DIR = ".next-bench";
const DATABASE_PATH = "./data/bench-register.db";
const CAPACITY = 250;
const READY_PATH = "/en";
const READY_TIMEOUT_MS = 60_000;
const STATIC_PATH = "/robots.txt";
const API_PATH = "/api/v1/registrations";
const MIN_RATE = 400;
const MAX_P99_MS = 150;


const REGISTRATIONS = positiveInteger("BENCH_REGISTRATIONS", 2000);
const CONNECTIONS = positiveInteger("BENCH_CONNECTIONS", 50);
const STATIC_REQUESTS = positiveInteger("BENCH_STATIC_REQUESTS", 20_000);
const SKIP_BUILD = Boolean(process.env.BENCH_SKIP_BUILD) && process.env.BENCH_SKIP_BUILD !== "0";

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_PATH,
  NEXT_DIST_DIR: DIST_DIR,
  PORT: String(PORT),
  FORUM_CAPACITY: String(CAPACITY),
  RATE_LIMIT_PER_MINUTE: "1000000",
  // A benchmark of the seat count and the waiting list: every registration is confirmed or queued
  // at once, and one client address may register them all.
  REGISTRATION_MODE: "open",
  REGISTRATIONS_PER_HOUR: "1000000",
};

class BenchError extends Error {}

// `next build` with its own distDir rewrites tsconfig.json and next-env.d.ts: put them back.
const guardedFiles = ["tsconfig.json", "next-env.d.ts"].map((file) => ({
  file,
  content: fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined,
}));
function restoreGuardedFiles() {
  for (const { file, content } of guardedFiles) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
    if (current === content) continue;
    if (content === undefined) fs.rmSync(file, { force: true });
    else fs.writeFileSync(file, content);
  }
}

// --- the server and its cleanup ---------------------------------------------------------------

let server = null; // the server.mjs child, leader of its own process group
let serverExit = null;
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

async function stopServer() {
  if (!server) return;
  const { pid } = server;
  agent.destroy();
  signalGroup(pid, "SIGTERM");
  for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
  if (groupAlive(pid)) {
    signalGroup(pid, "SIGKILL");
    for (let i = 0; i < 20 && groupAlive(pid); i++) await sleep(100);
  }
  server = null;
}

let aborted = false;
let abortCode = 0;
let cleanupPromise = null;
function cleanup() {
  cleanupPromise ??= (async () => {
    await stopServer();
    restoreGuardedFiles();
  })();
  return cleanupPromise;
}

process.on("exit", () => {
  if (server) signalGroup(server.pid, "SIGKILL");
  restoreGuardedFiles();
});

for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
  ["SIGHUP", 129],
]) {
  process.on(signal, () => {
    if (aborted) return;
    aborted = true;
    abortCode = code;
    console.error(`\n${signal}: stopping the benchmark and the server…`);
    cleanup().finally(() => process.exit(code));
  });
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { env, stdio: "inherit" });
  if (result.error) throw new BenchError(`${command} ${args.join(" ")}: ${result.error.message}`);
  if (result.status !== 0) {
    const how = result.signal ? `signal ${result.signal}` : `exit code ${result.status}`;
    throw new BenchError(`${command} ${args.join(" ")} failed (${how})`);
  }
}

/** One request over the shared keep-alive agent: status, body and milliseconds taken. */
function request(method, pathname, body) {
  return new Promise((resolve) => {
    const started = performance.now();
    const payload = body === undefined ? undefined : Buffer.from(body);
    const req = http.request(
      {
        host: HOST,
        port: PORT,
        method,
        path: pathname,
        agent,
        headers: payload
          ? { "content-type": "application/json", "content-length": payload.length }
          : {},
        timeout: 10_000,
      },
      (res) => {
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode,
            body: Buffer.concat(chunks).toString("utf8"),
            ms: performance.now() - started,
          }),
        );
        res.on("error", (error) =>
          resolve({ status: 0, error: error.message, ms: performance.now() - started }),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error) =>
      resolve({ status: 0, error: error.message, ms: performance.now() - started }),
    );
    req.end(payload);
  });
}

async function portInUse() {
  try {
    await fetch(`${BASE}/`, { signal: AbortSignal.timeout(2_000), redirect: "manual" });
    return true;
  } catch {
    return false;
  }
}

async function startServer() {
  if (await portInUse())
    throw new BenchError(`Something already answers on port ${PORT}; stop it first.`);
  if (aborted) throw new BenchError("Interrupted.");
  console.log(
    `$ PORT=${PORT} FORUM_CAPACITY=${CAPACITY} RATE_LIMIT_PER_MINUTE=${env.RATE_LIMIT_PER_MINUTE} node server.mjs`,
  );
  server = spawn(process.execPath, ["server.mjs"], {
    env: { ...env, NODE_ENV: "production" },
    // Without SMTP_URL the outbox logs a line per email to stdout: 2,000 lines of noise here.
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  server.on("exit", (code, signal) => (serverExit = { code, signal }));
  server.on("error", (error) => (serverExit = { code: null, signal: null, error }));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (serverExit)
      throw new BenchError(
        `The server exited before it was ready (${serverExit.error?.message ?? `code ${serverExit.code}`}).`,
      );
    try {
      const response = await fetch(BASE + READY_PATH, {
        signal: AbortSignal.timeout(2_000),
        redirect: "manual",
      });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.name ?? String(error);
    }
    await sleep(250);
  }
  throw new BenchError(
    `The server did not answer 200 on ${READY_PATH} within ${READY_TIMEOUT_MS / 1000} s (last: ${last}).`,
  );
}

// --- measuring --------------------------------------------------------------------------------

/** Runs `count` requests made by `make(i)` over `CONNECTIONS` concurrent workers. */
async function load(count, make) {
  const results = new Array(count);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(CONNECTIONS, count) }, async () => {
      while (next < count && !aborted) {
        const i = next++;
        const [method, pathname, body] = make(i);
        results[i] = await request(method, pathname, body);
      }
    }),
  );
  return { results, seconds: (performance.now() - started) / 1000 };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarize(name, { results, seconds }) {
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return {
    name,
    count: results.length,
    rate: results.length / seconds,
    seconds,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: ms.at(-1),
    statuses,
  };
}

const runId = `${Date.now().toString(36)}-${process.pid}`;
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

function checkDatabase(created) {
  const failures = [];
  const db = new Database(DATABASE_PATH, { readonly: true, fileMustExist: true });
  try {
    const counts = Object.fromEntries(
      db
        .prepare("select status, count(*) n from registrations group by status")
        .all()
        .map((r) => [r.status, r.n]),
    );
    const expectedConfirmed = Math.min(CAPACITY, REGISTRATIONS);
    const expectedWaiting = REGISTRATIONS - expectedConfirmed;
    if ((counts.confirmed ?? 0) !== expectedConfirmed)
      failures.push(`${counts.confirmed ?? 0} confirmed, expected ${expectedConfirmed}`);
    if ((counts.waiting ?? 0) !== expectedWaiting)
      failures.push(`${counts.waiting ?? 0} waiting, expected ${expectedWaiting}`);
    if (counts.cancelled) failures.push(`${counts.cancelled} cancelled, expected none`);

    const emails = db
      .prepare(
        "select count(*) n, count(distinct email_key) keys, count(distinct lower(trim(email))) addresses from registrations",
      )
      .get();
    if (emails.n !== REGISTRATIONS) failures.push(`${emails.n} rows, expected ${REGISTRATIONS}`);
    if (emails.keys !== emails.n || emails.addresses !== emails.n)
      failures.push(`duplicate emails: ${emails.n} rows, ${emails.keys} distinct keys`);

    // The waiting list in its order; each answer's place must be the row's rank in it.
    const waiting = db
      .prepare("select code from registrations where status = 'waiting' order by waitlisted_at, id")
      .all();
    const rank = new Map(waiting.map((r, i) => [r.code, i + 1]));
    const places = created
      .filter((c) => c.status === "waiting")
      .map((c) => c.position)
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
        .map((r) => [r.code, r.status]),
    );
    const mismatched = created.filter((c) => stored.get(c.code) !== c.status);
    if (mismatched.length)
      failures.push(`${mismatched.length} answers do not match the stored registration`);

    const emailsQueued = db
      .prepare(
        "select count(*) n, count(distinct registration_id) regs from outbox where kind in ('confirmation', 'waiting')",
      )
      .get();
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
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(DATABASE_PATH + suffix, { force: true });
  run("npx", ["tsx", "--conditions=react-server", "scripts/db.ts", "prepare"]);

  if (SKIP_BUILD) {
    if (!fs.existsSync(path.join(DIST_DIR, "BUILD_ID")))
      throw new BenchError(`BENCH_SKIP_BUILD is set but ${DIST_DIR} holds no build.`);
    console.log(`Reusing the build in ${DIST_DIR} (BENCH_SKIP_BUILD).`);
  } else {
    try {
      run("npx", ["next", "build"]);
    } finally {
      restoreGuardedFiles();
    }
  }

  await startServer();
  console.log(`Server ready on ${BASE}.`);

  // Warm-up: the static file, and the registration route with bodies it refuses (nothing written).
  const warmStatic = await load(2_000, () => ["GET", STATIC_PATH]);
  const warmApi = await load(1_000, () => ["POST", API_PATH, invalidBody]);
  const unexpected = [
    ...warmStatic.results.filter((r) => r.status !== 200),
    ...warmApi.results.filter((r) => r.status !== 400),
  ];
  if (unexpected.length)
    throw new BenchError(`The warm-up got unexpected answers: ${JSON.stringify(unexpected[0])}`);

  console.log(`sending   ${REGISTRATIONS} registrations…`);
  const registered = await load(REGISTRATIONS, (i) => ["POST", API_PATH, registrationBody(i)]);
  console.log(`measuring ${STATIC_PATH} (${STATIC_REQUESTS} requests)…`);
  const staticRun = await load(STATIC_REQUESTS, () => ["GET", STATIC_PATH]);
  if (serverExit) throw new BenchError("The server exited during the run.");

  const reg = summarize(`POST ${API_PATH}`, registered);
  const stat = summarize(`GET ${STATIC_PATH}`, staticRun);
  await stopServer();

  const created = registered.results.filter((r) => r.status === 201).map((r) => JSON.parse(r.body));
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
      `| ${row.name} | ${row.count} | ${format(row.rate)} | ${format(row.p50)} | ${format(row.p95)} | ${format(row.p99)} | ${format(row.max)} | ${answers} |`,
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

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  if (!aborted)
    console.error(
      `\nBenchmark failed: ${error instanceof BenchError ? error.message : (error?.stack ?? error)}`,
    );
} finally {
  await cleanup();
}
process.exit(aborted ? abortCode : exitCode);
