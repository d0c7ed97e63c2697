// `npm test` itself, run on small fixture projects (a vitest config, a Playwright config, a test
// file or two) with only its unit and e2e steps (TEST_STEPS): what fails must make it exit non-zero
// with a last line that says so. CI is unset, so `.only` is refused without it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const testScript = path.join(root, "scripts/test.mjs");

const VITEST_CONFIG = `import { defineConfig } from "vitest/config";
export default defineConfig({ test: { include: ["unit/**/*.test.ts"] } });
`;
// No forbidOnly here: npm test must refuse `.only` on its own.
const PLAYWRIGHT_CONFIG = `import { defineConfig } from "@playwright/test";
export default defineConfig({ testDir: "./e2e", reporter: [["json", { outputFile: "test-results/e2e.json" }]] });
`;
const UNIT_OK = `import { expect, it } from "vitest";
it("adds", () => { expect(1 + 1).toBe(2); });
it("subtracts", () => { expect(2 - 1).toBe(1); });
`;
const E2E_OK = `import { expect, test } from "@playwright/test";
test("holds", () => { expect(true).toBe(true); });
`;

type Fixture = { steps: string; files: Record<string, string> };
const unitFixture = (test: string): Fixture => ({
  steps: "unit",
  files: { "vitest.config.mts": VITEST_CONFIG, "unit/ok.test.ts": UNIT_OK, "unit/case.test.ts": test },
});
/** Both runners, each with a passing file and the case's file. */
const bothFixture = (test: string, spec: string): Fixture => ({
  steps: "unit,e2e",
  files: {
    "vitest.config.mts": VITEST_CONFIG,
    "unit/ok.test.ts": UNIT_OK,
    "unit/case.test.ts": test,
    "playwright.config.ts": PLAYWRIGHT_CONFIG,
    "e2e/ok.spec.ts": E2E_OK,
    "e2e/case.spec.ts": spec,
  },
});

type Outcome = { code: number | null; output: string; last: string };
let base = "";

function runTestScript(dir: string, steps: string): Promise<Outcome> {
  // Only what a developer's shell would have: not the variables of the vitest running this file.
  const env: NodeJS.ProcessEnv = { ...process.env, TEST_STEPS: steps, NO_COLOR: "1" };
  for (const key of Object.keys(env)) if (key.startsWith("VITEST") || key === "CI") delete env[key];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [testScript], { cwd: dir, env });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ code, output, last: output.trimEnd().split("\n").at(-1) ?? "" }));
  });
}

/** Writes the fixture project into a folder of its own and runs npm test's script there. */
async function npmTest(name: string, fixture: Fixture): Promise<Outcome> {
  const dir = path.join(base, name);
  for (const [file, text] of Object.entries(fixture.files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  return runTestScript(dir, fixture.steps);
}

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), "npm-test-fixtures-"));
});

afterAll(() => {
  if (base) fs.rmSync(base, { recursive: true, force: true });
});

// Each case starts vitest or Playwright (or both) in a child process: seconds, not milliseconds,
// and more on a busy machine, hence the timeout. One at a time, to leave the machine to the rest.
describe("npm test on fixture projects", { timeout: 60_000 }, () => {
  it("exits 0 when every test passed (the control)", async () => {
    const { code, last, output } = await npmTest("passing", {
      steps: "unit,e2e",
      files: { "vitest.config.mts": VITEST_CONFIG, "unit/ok.test.ts": UNIT_OK, "playwright.config.ts": PLAYWRIGHT_CONFIG, "e2e/ok.spec.ts": E2E_OK },
    });
    expect(output).toMatch(/^unit: 2 passed, 0 failed, vitest exited 0$/m);
    expect(output).toMatch(/^e2e: 1 passed, 0 failed, playwright exited 0$/m);
    expect(last).toBe("3 passed, 0 failed");
    expect(code).toBe(0);
  });

  it("exits 1 on a failing test", async () => {
    const { code, last } = await npmTest(
      "failing",
      unitFixture(`import { expect, it } from "vitest";
it("is wrong", () => { expect(1 + 1).toBe(3); });
`),
    );
    expect(last).toBe("2 passed, 1 failed");
    expect(code).toBe(1);
  });

  it("exits 1 on an error outside any test, though vitest's report is green", async () => {
    const { code, last, output } = await npmTest(
      "crash",
      unitFixture(`import { it } from "vitest";
it("ends before its promise rejects", () => { setTimeout(() => Promise.reject(new Error("after the test")), 1); });
`),
    );
    expect(output).toMatch(/vitest exited 1 although no test in its report failed/);
    expect(last).toBe("3 passed, 1 failed");
    expect(code).toBe(1);
  });

  it("exits 1 on skipped and todo unit tests and a skipped end-to-end test, each counted", async () => {
    const { code, last, output } = await npmTest(
      "skipped",
      bothFixture(
        `import { it } from "vitest";
it.skip("is skipped", () => {});
it.todo("is to do");
`,
        `import { test } from "@playwright/test";
test.skip("is skipped", () => {});
`,
      ),
    );
    expect(output).toMatch(/^unit: 2 passed, 2 failed, 1 skipped, 1 todo, vitest exited 0$/m);
    expect(output).toMatch(/^e2e: 1 passed, 1 failed, 1 skipped, playwright exited 0$/m);
    expect(last).toBe("3 passed, 3 failed");
    expect(code).toBe(1);
  });

  it("refuses .only in both runners outside CI", async () => {
    const { code, last, output } = await npmTest(
      "only",
      bothFixture(
        `import { it } from "vitest";
it.only("is focused", () => {});
`,
        `import { test } from "@playwright/test";
test.only("is focused", () => {});
`,
      ),
    );
    expect(output).toMatch(/^unit: \d+ passed, [1-9]\d* failed.*vitest exited 1$/m);
    expect(output).toMatch(/^e2e: \d+ passed, [1-9]\d* failed.*playwright exited 1$/m);
    expect(output).toMatch(/not allowed due to the '--forbid-only' CLI flag/);
    expect(last).toMatch(/^\d+ passed, [2-9]\d* failed$/);
    expect(code).toBe(1);
  });

  it("exits 1 when a runner never starts", async () => {
    const { code, last, output } = await npmTest("broken", {
      steps: "unit,e2e",
      files: { "vitest.config.mts": "export default {", "unit/ok.test.ts": UNIT_OK, "playwright.config.ts": "export default {", "e2e/ok.spec.ts": E2E_OK },
    });
    expect(output).toMatch(/^unit: no report \(vitest exited [1-9]\d*\)$/m);
    expect(output).toMatch(/^e2e: no report \(playwright exited [1-9]\d*\)$/m);
    expect(last).toBe("0 passed, 2 failed");
    expect(code).toBe(1);
  });
});
