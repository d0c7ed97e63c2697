// The server the end-to-end tests run against: a fresh database, migrated and seeded, and a
// production build in its own folder, so that a running `npm start` is left alone.
import { execSync, spawn } from "node:child_process";
import fs from "node:fs";

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_PATH: process.env.DATABASE_PATH || "./data/e2e.db",
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-e2e",
  PORT: process.env.PORT || "3100",
  // One process each, so that a spec's second request reaches the process that answered its first
  // (several specs check what that process keeps); the pair in playwright.config.ts is the
  // two-process case, each of its servers one process on a database they share.
  WEB_CONCURRENCY: process.env.WEB_CONCURRENCY || "1",
  // The console's test users (e2e/support/console.ts signs in with these).
  ADMIN_EMAIL: "admin@forum.test",
  ADMIN_PASSWORD: "forum e2e passphrase 2024",
  E2E_USER_PASSWORD: "forum e2e passphrase 2024",
};
// A server that changes public pages (publishing, new rooms) must not write its regenerated
// pages into a build folder another server reads: it starts from a copy of the build.
if (process.env.E2E_BUILD_FROM && !process.env.E2E_JOIN) {
  fs.rmSync(env.NEXT_DIST_DIR, { recursive: true, force: true });
  fs.cpSync(process.env.E2E_BUILD_FROM, env.NEXT_DIST_DIR, { recursive: true });
}
if (process.env.E2E_SKIP_BUILD && !fs.existsSync(`${env.NEXT_DIST_DIR}/BUILD_ID`)) {
  console.error(`E2E_SKIP_BUILD is set but ${env.NEXT_DIST_DIR} holds no build: run once without it.`);
  process.exit(1);
}
const run = (command) => execSync(command, { env, stdio: "inherit" });
// E2E_JOIN: a second process on the database and build another server has just made.
if (!process.env.E2E_JOIN) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(env.DATABASE_PATH + suffix, { force: true });
  run("npx tsx --conditions=react-server scripts/db.ts prepare");
  for (const role of ["organizer", "staff"]) {
    run(`npx tsx --conditions=react-server scripts/user.ts create --email ${role}@forum.test --role ${role} --name "Test ${role}" --password-env E2E_USER_PASSWORD`);
  }
}
if (!process.env.E2E_SKIP_BUILD) run("npx next build");
const server = spawn(process.execPath, ["server.mjs"], { env: { ...env, NODE_ENV: "production" }, stdio: "inherit" });
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => process.exit(code ?? 0));
