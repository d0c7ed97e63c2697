// @ts-check
// The server the end-to-end tests run against: a fresh database, migrated and seeded, and a
// production build in its own folder, so that a running `npm start` is left alone. Playwright
// starts it (playwright.config.ts) and waits on its own for the address to answer.
import fs from "node:fs";
import { execSync } from "node:child_process";
import { startProductionServer } from "./lib/prod-server.mjs";

const distDir = process.env.NEXT_DIST_DIR || ".next-e2e";
const db = process.env.DATABASE_PATH || "./data/e2e.db";
// E2E_JOIN: a second process on the database and build another server has just made.
const join = Boolean(process.env.E2E_JOIN);
const skipBuild = Boolean(process.env.E2E_SKIP_BUILD) || join;

// A server that changes public pages (publishing, new rooms) must not write its regenerated
// pages into a build folder another server reads: it starts from a copy of the build.
if (process.env.E2E_BUILD_FROM && !join) {
  fs.rmSync(distDir, { recursive: true, force: true });
  fs.cpSync(process.env.E2E_BUILD_FROM, distDir, { recursive: true });
}
if (process.env.E2E_SKIP_BUILD && !fs.existsSync(`${distDir}/BUILD_ID`)) {
  console.error(`E2E_SKIP_BUILD is set but ${distDir} holds no build: run once without it.`);
  process.exit(1);
}

const server = await startProductionServer({
  port: Number(process.env.PORT || 3100),
  db,
  distDir,
  skipBuild,
  freshDb: !join,
  env: {
    // One process each, so that a spec's second request reaches the process that answered its
    // first (several specs check what that process keeps); the pair in playwright.config.ts is the
    // two-process case, each of its servers one process on a database they share.
    WEB_CONCURRENCY: process.env.WEB_CONCURRENCY || "1",
    // The console's test users (e2e/support/console.ts signs in with these).
    ADMIN_EMAIL: "admin@forum.test",
    ADMIN_PASSWORD: "forum e2e passphrase 2024",
    E2E_USER_PASSWORD: "forum e2e passphrase 2024",
  },
  setup: (env) => {
    if (join) return;
    for (const role of ["organizer", "staff"]) {
      execSync(
        `npx tsx --conditions=react-server scripts/user.ts create --email ${role}@forum.test --role ${role} --name "Test ${role}" --password-env E2E_USER_PASSWORD`,
        { env, stdio: "inherit" },
      );
    }
  },
  stdout: "inherit",
  // Playwright stops its web servers by killing their process group: the server must be in it.
  detached: false,
  // Playwright's own timeout (playwright.config.ts) is the one that counts.
  readyTimeoutMs: 300_000,
});
const stop = () => void server.stop();
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.exited.then(({ code }) => process.exit(code ?? 0));
