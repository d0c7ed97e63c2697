// @ts-check
// The verdict of `npm test`, from what each step left behind: its exit code, and for the test
// runners their JSON report. A step that exits non-zero has failed whatever its report says (vitest
// exits 1 with a green report when a promise rejects after its test has ended); a skipped, todo or
// focused test is a failure too, since what it should prove went unproved.

/**
 * @typedef {{ name: string, passed: number, failed: number, summary: string, problems: string[] }} StepResult
 * @typedef {{ status: number | null, signal?: string | null, error?: string }} Exit
 */

/** @param {Exit} exit */
export function describeExit(exit) {
  if (exit.error) return `could not start (${exit.error})`;
  if (exit.signal) return `was stopped by ${exit.signal}`;
  return `exited ${exit.status}`;
}

/** @param {Exit} exit */
const exitedZero = (exit) => !exit.error && !exit.signal && exit.status === 0;

/**
 * A step without a report of its own (typecheck, lint): one check, failed when it exits non-zero.
 * @param {string} name
 * @param {Exit} exit
 * @returns {StepResult}
 */
export function plainStep(name, exit) {
  const ok = exitedZero(exit);
  return {
    name,
    passed: 0,
    failed: ok ? 0 : 1,
    summary: ok ? "ok" : `FAILED: ${describeExit(exit)}`,
    problems: ok ? [] : [`${name} ${describeExit(exit)}`],
  };
}

/**
 * Counts of a runner, and the problems behind its failures. Passed tests count as passed; every
 * failed, skipped or todo test and every error outside a test counts as failed; a runner that
 * exited non-zero although nothing in its report failed counts one more failure, and so does one
 * that left no report or ran no test.
 * @param {string} name
 * @param {string} runner
 * @param {Exit} exit
 * @param {{ passed: number, failed: number, skipped: number, todo: number, errors: number } | undefined} counts
 * @returns {StepResult}
 */
function runnerStep(name, runner, exit, counts) {
  const problems = [];
  if (!counts) {
    problems.push(`${name}: ${runner} ${describeExit(exit)} and wrote no report`);
    return { name, passed: 0, failed: 1, summary: `no report (${runner} ${describeExit(exit)})`, problems };
  }
  let failed = counts.failed + counts.skipped + counts.todo + counts.errors;
  if (counts.failed) problems.push(`${name}: ${counts.failed} failed tests`);
  if (counts.skipped) problems.push(`${name}: ${counts.skipped} skipped tests (a skipped test proves nothing)`);
  if (counts.todo) problems.push(`${name}: ${counts.todo} todo tests`);
  if (counts.errors) problems.push(`${name}: ${counts.errors} errors outside any test`);
  if (!exitedZero(exit) && failed === 0) {
    failed += 1;
    problems.push(`${name}: ${runner} ${describeExit(exit)} although no test in its report failed (an error outside any test?)`);
  }
  if (counts.passed + failed === 0) {
    failed += 1;
    problems.push(`${name}: ${runner} ran no test`);
  }
  const parts = [`${counts.passed} passed`, `${failed} failed`];
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  if (counts.todo) parts.push(`${counts.todo} todo`);
  if (counts.errors) parts.push(`${counts.errors} errors outside tests`);
  parts.push(`${runner} ${describeExit(exit)}`);
  return { name, passed: counts.passed, failed, summary: parts.join(", "), problems };
}

/**
 * vitest's JSON report (`--reporter=json`).
 * @param {Exit} exit
 * @param {any} report
 */
export function unitStep(exit, report) {
  const counts = report && typeof report.numPassedTests === "number"
    ? {
        passed: report.numPassedTests,
        failed: report.numFailedTests,
        skipped: report.numPendingTests ?? 0,
        todo: report.numTodoTests ?? 0,
        // A file that failed to load (a syntax error, an `.only` refused) fails no test of its own.
        errors:
          report.success === false && report.numFailedTests === 0
            ? Math.max(1, report.numFailedTestSuites ?? 0)
            : 0,
      }
    : undefined;
  return runnerStep("unit", "vitest", exit, counts);
}

/**
 * Playwright's JSON report (the `json` reporter).
 * @param {Exit} exit
 * @param {any} report
 */
export function e2eStep(exit, report) {
  const stats = report?.stats;
  const counts = stats && typeof stats.expected === "number"
    ? {
        passed: stats.expected + (stats.flaky ?? 0),
        failed: stats.unexpected,
        skipped: stats.skipped ?? 0,
        todo: 0,
        errors: report.errors?.length ?? 0,
      }
    : undefined;
  return runnerStep("e2e", "playwright", exit, counts);
}

/**
 * A script that tests the production server from outside (durability, drain, abuse): one test,
 * passed only when it exits 0 and reports that it ran at least one check and none failed
 * (`reportChecks` in scripts/lib/checks.mjs writes that report).
 * @param {string} name
 * @param {Exit} exit
 * @param {{ checks: number, failed: number } | undefined} checks
 * @returns {StepResult}
 */
export function outsideStep(name, exit, checks) {
  const problems = [];
  if (!exitedZero(exit)) problems.push(`${name} ${describeExit(exit)}`);
  if (!checks) problems.push(`${name} reported no checks`);
  else {
    if (checks.checks === 0) problems.push(`${name} ran no check`);
    if (checks.failed) problems.push(`${name}: ${checks.failed} of its ${checks.checks} checks failed`);
  }
  const ok = problems.length === 0;
  const counted = checks ? `${checks.checks} checks, ${checks.failed} failed` : "no checks reported";
  return {
    name,
    passed: ok ? 1 : 0,
    failed: ok ? 0 : 1,
    summary: `${ok ? "passed" : "FAILED"} (${counted}, ${describeExit(exit)})`,
    problems,
  };
}

/**
 * The closing lines: one per step, the problems, and last "N passed, N failed". Exit code 1 when
 * anything failed or nothing passed.
 * @param {StepResult[]} steps
 */
export function verdict(steps) {
  const passed = steps.reduce((sum, s) => sum + s.passed, 0);
  const failed = steps.reduce((sum, s) => sum + s.failed, 0);
  const lines = steps.map((s) => `${s.name}: ${s.summary}`);
  const problems = steps.flatMap((s) => s.problems);
  if (passed === 0 && failed === 0) problems.push("nothing ran");
  if (problems.length) lines.push(`failures: ${problems.join("; ")}`);
  const anyFailed = failed > 0 || passed === 0;
  lines.push(`${passed} passed, ${failed === 0 && anyFailed ? 1 : failed} failed`);
  return { passed, failed, lines, exitCode: anyFailed ? 1 : 0 };
}
