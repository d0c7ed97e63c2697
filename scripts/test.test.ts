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
const e2eFixture = (spec: string): Fixture => ({
  steps: "e2e",
  files: { "playwright.config.ts": PLAYWRIGHT_CONFIG, "e2e/ok.spec.ts": E2E_OK, "e2e/case.spec.ts": spec },
});

const fixtures = {
  allPassing: {
    steps: "unit,e2e",
    files: { "vitest.config.mts": VITEST_CONFIG, "unit/ok.test.ts": UNIT_OK, "playwright.config.ts": PLAYWRIGHT_CONFIG, "e2e/ok.spec.ts": E2E_OK },
  },
  failingTest: unitFixture(`import { expect, it } from "vitest";
it("is wrong", () => { expect(1 + 1).toBe(3); });
`),
  crashOutsideTest: unitFixture(`import { it } from "vitest";
it("ends before its promise rejects", () => { setTimeout(() => Promise.reject(new Error("after the test")), 1); });
`),
  skippedTest: unitFixture(`import { it } from "vitest";
it.skip("is skipped", () => {});
`),
  todoTest: unitFixture(`import { it } from "vitest";
it.todo("is to do");
`),
  onlyTest: unitFixture(`import { it } from "vitest";
it.only("is focused", () => {});
`),
  skippedE2e: e2eFixture(`import { test } from "@playwright/test";
test.skip("is skipped", () => {});
`),
  onlyE2e: e2eFixture(`import { test } from "@playwright/test";
test.only("is focused", () => {});
`),
  unitRunnerNeverStarts: { steps: "unit", files: { "vitest.config.mts": "export default {", "unit/ok.test.ts": UNIT_OK } },
  e2eRunnerNeverStarts: { steps: "e2e", files: { "playwright.config.ts": "export default {", "e2e/ok.spec.ts": E2E_OK } },
} satisfies Record<string, Fixture>;

type Outcome = { code: number | null; output: string; last: string };
const outcomes = new Map<keyof typeof fixtures, Outcome>();
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

beforeAll(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), "npm-test-fixtures-"));
  const entries = Object.entries(fixtures) as [keyof typeof fixtures, Fixture][];
  // Two at a time: each is a vitest or Playwright start, on a machine that may have two cores.
  const queue = [...entries];
  await Promise.all(
    [0, 1].map(async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [name, fixture] = next;
        const dir = path.join(base, name);
        for (const [file, text] of Object.entries(fixture.files)) {
          fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
          fs.writeFileSync(path.join(dir, file), text);
        }
        fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
        outcomes.set(name, await runTestScript(dir, fixture.steps));
      }
    }),
  );
}, 120_000);

afterAll(() => {
  if (base) fs.rmSync(base, { recursive: true, force: true });
});

const outcome = (name: keyof typeof fixtures) => {
  const result = outcomes.get(name);
  if (!result) throw new Error(`${name} did not run`);
  return result;
};

describe("npm test on fixture projects", () => {
  it("exits 0 when every test passed (the control)", () => {
    const { code, last, output } = outcome("allPassing");
    expect(output).toMatch(/^unit: 2 passed, 0 failed, vitest exited 0$/m);
    expect(output).toMatch(/^e2e: 1 passed, 0 failed, playwright exited 0$/m);
    expect(last).toBe("3 passed, 0 failed");
    expect(code).toBe(0);
  });

  it("exits 1 on a failing test", () => {
    const { code, last } = outcome("failingTest");
    expect(last).toBe("2 passed, 1 failed");
    expect(code).toBe(1);
  });

  it("exits 1 on an error outside any test, though vitest's report is green", () => {
    const { code, last, output } = outcome("crashOutsideTest");
    expect(output).toMatch(/vitest exited 1 although no test in its report failed/);
    expect(last).toBe("3 passed, 1 failed");
    expect(code).toBe(1);
  });

  it("exits 1 on a skipped or todo unit test", () => {
    for (const name of ["skippedTest", "todoTest"] as const) {
      const { code, last } = outcome(name);
      expect(last, name).toBe("2 passed, 1 failed");
      expect(code, name).toBe(1);
    }
  });

  it("exits 1 on a skipped end-to-end test", () => {
    const { code, last } = outcome("skippedE2e");
    expect(last).toBe("1 passed, 1 failed");
    expect(code).toBe(1);
  });

  it("refuses .only in both runners outside CI", () => {
    for (const name of ["onlyTest", "onlyE2e"] as const) {
      const { code, last } = outcome(name);
      expect(last, name).toMatch(/^\d+ passed, [1-9]\d* failed$/);
      expect(code, name).toBe(1);
    }
    expect(outcome("onlyE2e").output).toMatch(/not allowed due to the '--forbid-only' CLI flag/);
  });

  it("exits 1 when a runner never starts", () => {
    for (const [name, runner] of [
      ["unitRunnerNeverStarts", "vitest"],
      ["e2eRunnerNeverStarts", "playwright"],
    ] as const) {
      const { code, last, output } = outcome(name);
      expect(output, name).toMatch(new RegExp(`no report \\(${runner} exited [1-9]`));
      expect(last, name).toBe("0 passed, 1 failed");
      expect(code, name).toBe(1);
    }
  });
});
