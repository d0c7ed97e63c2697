// @ts-check
// The one way a script starts the production server (server.mjs): a fresh seeded database (or the
// one left by a crash: `freshDb: false`), a build in its own folder (built here unless `skipBuild`),
// a port, a wait until it answers, and a stop when the script ends. The returned `child` is the
// node process running server.mjs itself, leader of its own process group.
// For the soak benchmark: `setup(env)` runs after the database is ready and before the server
// starts (to create users, say); `runDir` serves a copy of the build made there, so that the pages
// the server regenerates after an edit do not land in the build being reused; `nodeArgs` are flags
// for the server's node (--cpu-prof, which NODE_OPTIONS refuses); `portMustBeFree` refuses to start
// when something already answers on the port.
import { execSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { request } from "./http-client.mjs";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * `next build` with its own distDir rewrites tsconfig.json and next-env.d.ts: put them back.
 * @param {NodeJS.ProcessEnv} env
 */
export function buildKeepingConfig(env) {
  const kept = ["tsconfig.json", "next-env.d.ts"].map((file) => ({
    file,
    content: fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined,
  }));
  try {
    execSync("npx next build", { env, stdio: "inherit" });
  } finally {
    for (const { file, content } of kept) {
      if (content !== undefined && fs.readFileSync(file, "utf8") !== content) fs.writeFileSync(file, content);
    }
  }
}

/**
 * A fresh database at `db`: the old file and its WAL removed, then migrated and seeded.
 * @param {string} db
 * @param {NodeJS.ProcessEnv} env
 */
export function freshDatabase(db, env) {
  fs.mkdirSync(path.dirname(db), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(db + suffix, { force: true });
  execSync("npx tsx --conditions=react-server scripts/db.ts prepare", { env: { ...env, DATABASE_PATH: db }, stdio: "inherit" });
}

/**
 * A copy of a build without its build cache (the server only reads the rest, and writes pages).
 * @param {string} from
 * @param {string} to
 */
export function copyBuild(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from)) {
    if (entry !== "cache") fs.cpSync(path.join(from, entry), path.join(to, entry), { recursive: true });
  }
}

/** @param {string} url */
const answers = (url) => {
  const { origin, pathname, search } = new URL(url);
  return request(origin, { path: `${pathname}${search}`, timeoutMs: 2_000 }).then((answer) => answer.status !== 0);
};

/** @param {number} pid */
function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}

/**
 * @typedef {object} ServerOptions
 * @property {number} port
 * @property {string} db the SQLite file
 * @property {string} distDir the build folder
 * @property {boolean} [skipBuild] reuse the build in distDir (it must hold one)
 * @property {Record<string, string>} [env] more environment for the server
 * @property {boolean} [freshDb] true: delete, migrate and seed the database first (the default)
 * @property {string} [readyPath] what must answer 2xx before the server counts as ready ("/en")
 * @property {number} [readyTimeoutMs]
 * @property {"ignore" | "inherit"} [stdout] "ignore" keeps the outbox's line per email out of the
 *   output; stderr is always shown
 * @property {string} [logFile] or a file for both stdout and stderr, to read the server's errors
 * @property {(env: NodeJS.ProcessEnv) => void | Promise<void>} [setup]
 * @property {string} [runDir]
 * @property {string[]} [nodeArgs]
 * @property {boolean} [portMustBeFree]
 * @property {boolean} [detached] true (the default): the server leads a process group of its own,
 *   so that a Ctrl-C to the script's terminal does not stop it before the script has read what it
 *   needs; false keeps it in the caller's group, for a caller that is itself killed by group
 *   (Playwright's web servers)
 */

/**
 * @typedef {object} ProductionServer
 * @property {string} url http://127.0.0.1:<port>
 * @property {() => Promise<{ code: number | null, signal: NodeJS.Signals | null }>} stop SIGTERM to
 *   the group (SIGKILL after 10 s); resolves once the server has exited
 * @property {import("node:child_process").ChildProcess} child
 * @property {number} pid
 * @property {boolean} detached whether it leads a process group of its own
 * @property {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} exited
 */

/**
 * @param {ServerOptions} options
 * @returns {Promise<ProductionServer>}
 */
export async function startProductionServer({
  port,
  db,
  distDir,
  skipBuild = false,
  env: extra = {},
  freshDb = true,
  readyPath = "/en",
  readyTimeoutMs = 60_000,
  stdout = "ignore",
  logFile,
  setup,
  runDir,
  nodeArgs = [],
  portMustBeFree = false,
  detached = true,
}) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_PATH: db,
    NEXT_DIST_DIR: distDir,
    PORT: String(port),
    ...extra,
  };
  const url = `http://127.0.0.1:${port}`;
  // Else the readiness check below would take another server's answer for this one's.
  if (portMustBeFree && (await answers(url))) throw new Error(`Something already answers on port ${port}; stop it first.`);
  if (freshDb) freshDatabase(db, env);
  if (!skipBuild) buildKeepingConfig(env);
  else if (!fs.existsSync(`${distDir}/BUILD_ID`)) throw new Error(`${distDir} holds no build (no BUILD_ID): build it first.`);
  if (setup) await setup(env);
  if (runDir) copyBuild(distDir, runDir);
  const log = logFile ? fs.openSync(logFile, "w") : null;
  const child = spawn(process.execPath, [...nodeArgs, "server.mjs"], {
    env: { ...env, NODE_ENV: "production", ...(runDir ? { NEXT_DIST_DIR: runDir } : {}) },
    stdio: log === null ? ["ignore", stdout, "inherit"] : ["ignore", log, log],
    detached,
  });
  if (log !== null) fs.closeSync(log);
  const pid = /** @type {number} */ (child.pid);
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  /** @param {NodeJS.Signals} signal */
  const signalGroup = (signal) => {
    try {
      process.kill(detached ? -pid : pid, signal);
    } catch {
      // already gone
    }
  };
  const alive = () => (detached ? groupAlive(pid) : child.exitCode === null && child.signalCode === null);
  const lastResort = () => signalGroup("SIGTERM");
  process.on("exit", lastResort);
  exited.then(() => process.off("exit", lastResort));
  const stop = async () => {
    signalGroup("SIGTERM");
    // The server's own workers are in its group: wait for all of them, not just the leader.
    for (let i = 0; i < 100 && alive(); i++) await sleep(100);
    if (alive()) signalGroup("SIGKILL");
    return exited;
  };
  const deadline = Date.now() + readyTimeoutMs;
  let last = "no answer";
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited with ${child.signalCode ?? `code ${child.exitCode}`} before it was ready.`);
    }
    // A connection of its own for each probe, closed after it: a probe's kept-alive connection,
    // left idle while a script then blocks (creating users with execSync), is closed by the server
    // after 5 s, and the script's next fetch would reuse it before it sees the close.
    const answer = await request(url, { path: readyPath, timeoutMs: 5_000 });
    if (answer.status >= 200 && answer.status < 300) break;
    last = answer.status ? `HTTP ${answer.status}` : String(answer.error);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer 2xx on ${readyPath} within ${readyTimeoutMs / 1000} s (last: ${last}).`);
    }
    await sleep(100);
  }
  return { url, stop, child, pid, detached, exited };
}
