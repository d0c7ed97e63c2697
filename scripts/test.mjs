// @ts-check
// `npm test`: typecheck, lint, unit tests, then the end-to-end tests against a production build on a
// fresh database, then the scripts that test that build from outside. Every step's exit code counts,
// and so does every failed, skipped, todo or focused test (scripts/lib/verdict.mjs). Its last line
// is the totals: "N passed, N failed".
//
// TEST_STEPS (default all: packages,typecheck,lint,unit,e2e,outside) runs only the steps named;
// scripts/test.test.ts runs this file on small fixture projects that way.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { readChecks } from "./lib/checks.mjs";
import { e2eStep, outsideStep, plainStep, unitStep, verdict } from "./lib/verdict.mjs";

const ALL_STEPS = ["packages", "typecheck", "lint", "unit", "e2e", "outside"];
const steps = (process.env.TEST_STEPS || ALL_STEPS.join(",")).split(",").map((s) => s.trim());
const unknown = steps.filter((s) => !ALL_STEPS.includes(s));
if (unknown.length) {
  console.error(`TEST_STEPS names unknown steps (${unknown.join(", ")}); the steps are ${ALL_STEPS.join(", ")}.`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const skipped = ALL_STEPS.filter((s) => !steps.includes(s));
if (skipped.length) console.log(`TEST_STEPS: not running ${skipped.join(", ")}.`);

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
/**
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [extraEnv]
 */
const run = (command, args, extraEnv = {}) => {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  return { status: result.status, signal: result.signal, error: result.error?.message };
};
/** @param {string} file */
const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
};

// Debian's packages the tests use: the browser, CJK fonts, and the reference parsers and
// validators the exports are checked with (python3-icalendar, xmllint).
if (steps.includes("packages")) {
  const needed = [
    ["/usr/bin/chromium", "chromium fonts-noto-cjk"],
    ["/usr/lib/python3/dist-packages/icalendar", "python3-icalendar"],
    ["/usr/bin/xmllint", "libxml2-utils"],
  ].filter(([file]) => !fs.existsSync(String(file)));
  if (needed.length) {
    const packages = needed.map(([, pkgs]) => pkgs).join(" ");
    console.log(`Installing Debian's ${packages} for the tests…`);
    const installed = run("sh", ["-c", `apt-get update && apt-get install -y ${packages}`]);
    if (installed.status !== 0) console.error(`Could not install ${packages}: the tests that need them will fail.`);
  }
}

// Reports are removed first: a runner that never starts must not leave an old green one behind.
fs.rmSync("test-results", { recursive: true, force: true });
fs.mkdirSync("test-results", { recursive: true });
/** @type {import("./lib/verdict.mjs").StepResult[]} */
const results = [];
if (steps.includes("typecheck")) results.push(plainStep("typecheck", run("npm", ["run", "typecheck"])));
if (steps.includes("lint")) results.push(plainStep("lint", run("npm", ["run", "lint"])));

if (steps.includes("unit")) {
  const exit = run("npx", [
    "vitest",
    "run",
    "--allowOnly=false",
    "--reporter=default",
    "--reporter=json",
    "--outputFile=test-results/unit.json",
  ]);
  results.push(unitStep(exit, readJson("test-results/unit.json")));
}
if (steps.includes("e2e")) {
  // playwright.config.ts writes its JSON report to test-results/e2e.json.
  const exit = run("npx", ["playwright", "test", "--forbid-only"]);
  results.push(e2eStep(exit, readJson("test-results/e2e.json")));
}

// Tests of the production server from outside, on the build the end-to-end tests made: each is one
// script that prints its own figures, reports how many checks it ran (CHECKS_FILE) and exits
// non-zero on any fault.
if (steps.includes("outside")) {
  /** @type {Array<[string, string]>} */
  const outside = [
    ["durability (SIGKILL mid-registration, restart, every 201 intact; 5 rounds)", "durability"],
    ["drain (SIGTERM answers every request in flight)", "drain-test"],
    ["abuse (hostile requests to every route handler and Server Action: 4xx, no 5xx, data unchanged)", "abuse"],
  ];
  const buildDir = process.env.E2E_DIST_DIR || ".next-e2e";
  for (const [name, script] of outside) {
    const checksFile = `test-results/${script}.checks.json`;
    const exit = fs.existsSync(`${buildDir}/BUILD_ID`)
      ? run("node", [`scripts/${script}.mjs`], { SKIP_BUILD: "1", NEXT_DIST_DIR: buildDir, CHECKS_FILE: checksFile })
      : { status: null, error: `no build in ${buildDir}` };
    results.push(outsideStep(name, exit, readChecks(checksFile)));
  }
}

const { lines, exitCode } = verdict(results);
console.log("");
for (const line of lines) console.log(line);
process.exit(exitCode);
