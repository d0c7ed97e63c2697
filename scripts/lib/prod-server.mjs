// Builds and starts the production server (server.mjs) on a fresh seeded database, for benchmarks
// and the durability tests. `freshDb: false` starts it again on the database as it is (after a
// crash, say); the returned `child` is the node process running server.mjs itself, not a wrapper.
// For the soak benchmark: `setup(env)` runs after the database is ready and before the server
// starts (to create users, say); `runDir` serves a copy of the build made there, so that the pages
// the server regenerates after an edit do not land in the build being reused; `nodeArgs` are flags
// for the server's node (--cpu-prof, which NODE_OPTIONS refuses); `portMustBeFree` refuses to start
// when something already answers on the port.
import { execSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** `next build` with its own distDir rewrites tsconfig.json and next-env.d.ts: put them back. */
function buildKeepingConfig(env) {
  const kept = ["tsconfig.json", "next-env.d.ts"].map((file) => [
    file,
    fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined,
  ]);
  try {
    execSync("npx next build", { env, stdio: "inherit" });
  } finally {
    for (const [file, content] of kept) {
      if (content !== undefined && fs.readFileSync(file, "utf8") !== content)
        fs.writeFileSync(file, content);
    }
  }
}

/** A copy of a build without its build cache (the server only reads the rest, and writes pages). */
function copyBuild(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from)) {
    if (entry !== "cache")
      fs.cpSync(path.join(from, entry), path.join(to, entry), { recursive: true });
  }
}

const answers = (url) =>
  fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );

export async function startProductionServer({
  port,
  db,
  distDir,
  skipBuild = false,
  env: extra = {},
  freshDb = true,
  readyPath = "/en",
  readyTimeoutMs = 60_000,
  // "ignore" keeps the outbox's line per email out of the output; stderr is always shown.
  stdout = "ignore",
  // Or a file for both stdout and stderr, to read the server's errors afterwards.
  logFile,
  setup,
  runDir,
  nodeArgs = [],
  portMustBeFree = false,
}) {
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_PATH: db,
    NEXT_DIST_DIR: distDir,
    PORT: String(port),
    ...extra,
  };
  if (freshDb) {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(db + suffix, { force: true });
    execSync("npx tsx --conditions=react-server scripts/db.ts prepare", { env, stdio: "inherit" });
  }
  if (!skipBuild) buildKeepingConfig(env);
  else if (!fs.existsSync(`${distDir}/BUILD_ID`))
    throw new Error(`${distDir} holds no build (no BUILD_ID): build it first.`);
  if (setup) await setup(env);
  const url = `http://127.0.0.1:${port}`;
  // Else the readiness check below would take another server's answer for this one's.
  if (portMustBeFree && (await answers(url)))
    throw new Error(`Something already answers on port ${port}; stop it first.`);
  if (runDir) copyBuild(distDir, runDir);
  const log = logFile ? fs.openSync(logFile, "w") : null;
  const child = spawn(process.execPath, [...nodeArgs, "server.mjs"], {
    env: { ...env, NODE_ENV: "production", ...(runDir ? { NEXT_DIST_DIR: runDir } : {}) },
    stdio: log === null ? ["ignore", stdout, "inherit"] : ["ignore", log, log],
    detached: true,
  });
  if (log !== null) fs.closeSync(log);
  const exited = new Promise((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  exited.then(() => process.off("exit", stop));
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The server exited with ${child.signalCode ?? `code ${child.exitCode}`} before it was ready.`,
      );
    }
    try {
      if ((await fetch(`${url}${readyPath}`, { signal: AbortSignal.timeout(5_000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`The server did not answer within ${readyTimeoutMs / 1000} s.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, stop, child, pid: child.pid, exited };
}
