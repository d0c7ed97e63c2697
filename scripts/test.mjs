// `npm test`: typecheck, lint, unit tests, then the end-to-end tests against a production build on a
// fresh database. Its last line is the totals of both test runners: "N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const run = (command, args) => spawnSync(command, args, { stdio: "inherit", env }).status === 0;
const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
};

// Debian's packages the tests use: the browser, CJK fonts, and the reference parsers and
// validators the exports are checked with (python3-icalendar, xmllint).
const needed = [
  ["/usr/bin/chromium", "chromium fonts-noto-cjk"],
  ["/usr/lib/python3/dist-packages/icalendar", "python3-icalendar"],
  ["/usr/bin/xmllint", "libxml2-utils"],
].filter(([file]) => !fs.existsSync(file));
if (needed.length) {
  const packages = needed.map(([, pkgs]) => pkgs).join(" ");
  console.log(`Installing Debian's ${packages} for the tests…`);
  if (!run("sh", ["-c", `apt-get update && apt-get install -y ${packages}`])) {
    console.error(`Could not install ${packages}: the tests that need them will fail.`);
  }
}

fs.rmSync("test-results", { recursive: true, force: true });
fs.mkdirSync("test-results", { recursive: true });
const failures = [];
if (!run("npm", ["run", "typecheck"])) failures.push("typecheck");
if (!run("npm", ["run", "lint"])) failures.push("lint");

run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile=test-results/unit.json"]);
const unit = readJson("test-results/unit.json");
run("npx", ["playwright", "test"]);
const e2e = readJson("test-results/e2e.json");

// Tests of the production server from outside, on the build the end-to-end tests made: each is one
// script that prints its own figures and exits non-zero on any fault.
const outside = [
  ["durability (SIGKILL mid-registration, restart, every 201 intact; 5 rounds)", "scripts/durability.mjs"],
  ["drain (SIGTERM answers every request in flight)", "scripts/drain-test.mjs"],
  ["abuse (hostile requests to every route handler and Server Action: 4xx, no 5xx, data unchanged)", "scripts/abuse.mjs"],
];
const buildDir = process.env.E2E_DIST_DIR || ".next-e2e";
const outsideResults = outside.map(([name, script]) => {
  const ok = fs.existsSync(`${buildDir}/BUILD_ID`)
    ? spawnSync("node", [script], { stdio: "inherit", env: { ...env, SKIP_BUILD: "1", NEXT_DIST_DIR: buildDir } }).status === 0
    : false;
  return { name, ok };
});

let passed = 0;
let failed = 0;
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unit.success === false && unit.numFailedTests === 0 ? 1 : 0);
} else failures.push("unit tests (no report)");
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected + (e2e.errors?.length ?? 0);
  if (e2e.stats.skipped) failures.push(`${e2e.stats.skipped} skipped end-to-end tests`);
} else failures.push("end-to-end tests (no report)");

for (const { ok } of outsideResults) {
  if (ok) passed += 1;
  else failed += 1;
}

console.log("");
for (const { name, ok } of outsideResults) console.log(`${ok ? "passed" : "FAILED"}: ${name}`);
if (unit) console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
if (e2e) console.log(`e2e: ${e2e.stats.expected + e2e.stats.flaky} passed, ${e2e.stats.unexpected} failed`);
if (failures.length) console.log(`also failed: ${failures.join(", ")}`);
console.log(`${passed} passed, ${failed + failures.length} failed`);
process.exit(failed || failures.length || passed === 0 ? 1 : 0);
