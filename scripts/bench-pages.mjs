// `npm run bench:pages`: builds the site, starts the production server on a fresh seeded database
// and, with autocannon, measures the agenda, a speaker page, the quote archive and a static file
// from public/ one after the other, after a warm-up of each. It prints req/s, p50 and p99 latency
// and each page's ratio to the static file's rate. Target: every page at least 0.75 of the static
// file's rate with p99 at most 100 ms.
//
// It is a benchmark, not a test: it exits 0 whether or not the target is met, and non-zero only if
// the build or the server failed, a URL did not answer 200 before the run, or requests failed
// massively (more than 1% errors or non-2xx responses on a URL).
//
// Environment: BENCH_DURATION (seconds a URL, default 15), BENCH_CONNECTIONS (default 50),
// BENCH_WARMUP (seconds of warm-up a URL, default 3), BENCH_SKIP_BUILD=1 to reuse .next-bench.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { positiveNumber } from "./lib/script-env.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const PORT = 3200;
const HOST = "127.0.0.1";
const BASE = `http://${HOST}:${PORT}`;
const DIST_DIR = ".next-bench";
const DATABASE_PATH = "./data/bench.db";
const READY_PATH = "/en";
const READY_TIMEOUT_MS = 60_000;
const STATIC_PATH = "/robots.txt";
const PAGE_PATHS = ["/en/agenda", "/en/speakers/wang-yao", "/en/quotes"];
const MIN_RATIO = 0.75;
const MAX_P99_MS = 100;
// Above this share of failed requests (connection errors, timeouts, non-2xx) on any URL, the run is
// reported as broken and the exit code is 1.
const MAX_FAILURE_SHARE = 0.01;


const DURATION = positiveNumber("BENCH_DURATION", 15);
const CONNECTIONS = Math.round(positiveNumber("BENCH_CONNECTIONS", 50));
const WARMUP = positiveNumber("BENCH_WARMUP", 3);
const SKIP_BUILD = Boolean(process.env.BENCH_SKIP_BUILD) && process.env.BENCH_SKIP_BUILD !== "0";

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_PATH,
  NEXT_DIST_DIR: DIST_DIR,
  PORT: String(PORT),
};

class BenchError extends Error {}

// `next build` with its own distDir adds that folder's type paths to tsconfig.json and points
// next-env.d.ts at it; this script must leave the project's files as they were.
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
let serverExit = null; // { code, signal } once it has exited
let currentInstance = null; // the running autocannon instance, stopped on SIGINT

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
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
  signalGroup(pid, "SIGTERM");
  for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
  if (groupAlive(pid)) {
    signalGroup(pid, "SIGKILL");
    for (let i = 0; i < 20 && groupAlive(pid); i++) await sleep(100);
  }
  server = null;
}

let aborted = false; // set by a signal: no further step may start
let abortCode = 0;
let cleanupPromise = null;
function cleanup() {
  cleanupPromise ??= (async () => {
    currentInstance?.stop();
    await stopServer();
    restoreGuardedFiles();
  })();
  return cleanupPromise;
}

// Last resort if the process exits some other way: no server may outlive the benchmark.
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

async function get(pathname, timeoutMs = 5_000) {
  return fetch(BASE + pathname, { redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
}

async function portInUse() {
  try {
    await get("/", 2_000);
    return true;
  } catch {
    return false;
  }
}

async function startServer() {
  if (await portInUse()) {
    throw new BenchError(`Something already answers on port ${PORT}; stop it first.`);
  }
  if (aborted) throw new BenchError("Interrupted.");
  // The production server of `npm start`: Next behind its page cache (server.mjs).
  console.log(`$ PORT=${PORT} node server.mjs`);
  server = spawn(process.execPath, ["server.mjs"], {
    env: { ...env, PORT: String(PORT), NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  server.on("exit", (code, signal) => {
    serverExit = { code, signal };
  });
  server.on("error", (error) => {
    serverExit = { code: null, signal: null, error };
  });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (serverExit) {
      const how =
        serverExit.error?.message ?? `code ${serverExit.code}, signal ${serverExit.signal}`;
      throw new BenchError(`The server exited before it was ready (${how}).`);
    }
    try {
      const response = await get(READY_PATH, 2_000);
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

function cannon(pathname, options) {
  if (aborted) return Promise.reject(new BenchError("Interrupted."));
  return new Promise((resolve, reject) => {
    currentInstance = autocannon(
      { url: BASE + pathname, connections: CONNECTIONS, pipelining: 1, timeout: 10, ...options },
      (error, result) => {
        currentInstance = null;
        if (error) reject(error);
        else resolve(result);
      },
    );
  });
}

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

const format = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");

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
    Math.max(title.length, ...lines.map((line) => line[i].length)),
  );
  const numeric = [false, true, true, true, true, true, false];
  const render = (cells) =>
    `| ${cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(" | ")} |`;
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

  fs.mkdirSync(path.dirname(DATABASE_PATH), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(DATABASE_PATH + suffix, { force: true });
  run("npx", ["tsx", "--conditions=react-server", "scripts/db.ts", "prepare"]);

  if (SKIP_BUILD) {
    if (!fs.existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
      throw new BenchError(
        `BENCH_SKIP_BUILD is set but ${DIST_DIR} holds no build; run without it first.`,
      );
    }
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

  const targets = [STATIC_PATH, ...PAGE_PATHS];
  for (const pathname of targets) {
    const response = await get(pathname, 30_000);
    await response.arrayBuffer();
    if (response.status !== 200) {
      throw new BenchError(
        `${pathname} answered HTTP ${response.status} instead of 200 before the run.`,
      );
    }
  }

  for (const pathname of targets) {
    if (aborted) throw new BenchError("Interrupted.");
    console.log(`warm-up   ${pathname} (${WARMUP} s)…`);
    await cannon(pathname, { duration: WARMUP });
  }

  const rows = [];
  for (const pathname of targets) {
    if (aborted) throw new BenchError("Interrupted.");
    console.log(`measuring ${pathname} (${DURATION} s)…`);
    rows.push(summarize(pathname, await cannon(pathname, { duration: DURATION })));
    if (serverExit) throw new BenchError(`The server exited while ${pathname} was being measured.`);
  }

  const [staticRow, ...pageRows] = rows;
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

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  if (!aborted) {
    const message = error instanceof BenchError ? error.message : (error?.stack ?? error);
    console.error(`\nBenchmark failed: ${message}`);
  }
} finally {
  await cleanup();
}
process.exit(aborted ? abortCode : exitCode);
