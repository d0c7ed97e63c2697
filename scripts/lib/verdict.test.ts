import { describe, expect, it } from "vitest";
import { e2eStep, outsideStep, plainStep, unitStep, verdict } from "./verdict.mjs";

const ok = { status: 0 };
const exit1 = { status: 1 };
const unitReport = (over: Record<string, unknown> = {}) => ({
  numPassedTests: 10,
  numFailedTests: 0,
  numPendingTests: 0,
  numTodoTests: 0,
  numFailedTestSuites: 0,
  success: true,
  ...over,
});
const e2eReport = (stats: Record<string, number> = {}, errors: unknown[] = []) => ({
  stats: { expected: 5, unexpected: 0, skipped: 0, flaky: 0, ...stats },
  errors,
});

describe("the verdict of npm test", () => {
  it("passes when every runner exits 0 with only passed tests", () => {
    const result = verdict([plainStep("typecheck", ok), unitStep(ok, unitReport()), e2eStep(ok, e2eReport())]);
    expect(result.exitCode).toBe(0);
    expect(result.lines.at(-1)).toBe("15 passed, 0 failed");
  });

  it("fails when vitest exits non-zero with a green report (an error outside any test)", () => {
    const step = unitStep(exit1, unitReport());
    expect(step.failed).toBe(1);
    const result = verdict([step]);
    expect(result.exitCode).toBe(1);
    expect(result.lines.at(-1)).toBe("10 passed, 1 failed");
    expect(result.lines.join("\n")).toMatch(/vitest exited 1 although no test in its report failed/);
  });

  it("fails when Playwright exits non-zero with a green report", () => {
    const result = verdict([e2eStep(exit1, e2eReport())]);
    expect(result.exitCode).toBe(1);
    expect(result.lines.at(-1)).toBe("5 passed, 1 failed");
  });

  it("counts skipped and todo unit tests as failed, as skipped end-to-end tests are", () => {
    expect(unitStep(ok, unitReport({ numPendingTests: 2, numTodoTests: 1 })).failed).toBe(3);
    expect(e2eStep(ok, e2eReport({ skipped: 2 })).failed).toBe(2);
  });

  it("counts each failed test and each error outside a test", () => {
    expect(unitStep(exit1, unitReport({ numFailedTests: 3, success: false })).failed).toBe(3);
    expect(e2eStep(exit1, e2eReport({ unexpected: 2 }, [{ message: "x" }])).failed).toBe(3);
    // A file that could not load: no test failed, but the run did.
    expect(unitStep(exit1, unitReport({ success: false, numFailedTestSuites: 2 })).failed).toBe(2);
  });

  it("fails a runner that never started or left no report, whatever its exit code", () => {
    expect(unitStep({ status: null, error: "spawn npx ENOENT" }, undefined)).toMatchObject({
      failed: 1,
      summary: "no report (vitest could not start (spawn npx ENOENT))",
    });
    expect(e2eStep(ok, undefined).failed).toBe(1);
    expect(e2eStep({ status: null, signal: "SIGKILL" }, undefined).summary).toMatch(/stopped by SIGKILL/);
  });

  it("fails a runner that ran no test", () => {
    expect(unitStep(ok, unitReport({ numPassedTests: 0 })).failed).toBe(1);
    expect(verdict([]).exitCode).toBe(1);
    expect(verdict([]).lines.at(-1)).toBe("0 passed, 1 failed");
  });

  it("fails typecheck and lint on their exit codes", () => {
    expect(plainStep("lint", exit1).failed).toBe(1);
    expect(plainStep("lint", ok).failed).toBe(0);
  });

  it("passes a script run from outside only when it exits 0 and ran checks, none failed", () => {
    expect(outsideStep("drain", ok, { checks: 60, failed: 0 })).toMatchObject({ passed: 1, failed: 0 });
    expect(outsideStep("drain", ok, { checks: 60, failed: 0 }).summary).toBe("passed (60 checks, 0 failed, exited 0)");
    expect(outsideStep("drain", ok, { checks: 0, failed: 0 })).toMatchObject({ passed: 0, failed: 1, problems: ["drain ran no check"] });
    expect(outsideStep("drain", ok, undefined)).toMatchObject({ failed: 1, problems: ["drain reported no checks"] });
    expect(outsideStep("drain", ok, { checks: 60, failed: 2 }).failed).toBe(1);
    expect(outsideStep("drain", exit1, { checks: 60, failed: 0 }).failed).toBe(1);
  });
});
