// Builds and starts the production server (server.mjs) on a fresh seeded database, for benchmarks.
import { execSync, spawn } from "node:child_process";
import fs from "node:fs";

export async function startProductionServer({ port, db, distDir, skipBuild = false, env: extra = {} }) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_PATH: db, NEXT_DIST_DIR: distDir, PORT: String(port), ...extra };
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(db + suffix, { force: true });
  execSync("npx tsx --conditions=react-server scripts/db.ts prepare", { env, stdio: "inherit" });
  if (!skipBuild) execSync("npx next build", { env, stdio: "inherit" });
  const child = spawn(process.execPath, ["server.mjs"], { env: { ...env, NODE_ENV: "production" }, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}.`);
    try {
      if ((await fetch(`${url}/en`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error("The server did not answer within 60 s.");
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, stop };
}
