// For the database's unit tests: a database of their own, people who register, each with an
// address of their own, and other server processes on the same database.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { closeDb, databasePath, getDb } from "./client";
import { applyMigrations } from "./migrate";
import { seed } from "./seed";

let n = 0;

/** What the public form collects about a person (without consent and language). */
export function personDetails(over: Record<string, unknown> = {}) {
  n += 1;
  return {
    fullName: `Test Person ${n}`,
    email: `person-${n}-${process.pid}@example.test`,
    organisation: "Org",
    jobTitle: "Engineer",
    phone: null,
    category: "industry" as const,
    days: ["2024-07-11" as const],
    dietary: "",
    accessibility: "",
    newsConsent: false,
    ...over,
  };
}

/** A registration as the public form sends it. */
export function registrationInput(over: Record<string, unknown> = {}) {
  return { ...personDetails(over), consent: true as const, locale: "en" as const };
}

/**
 * A migrated and seeded database of its own for one test file, in a temporary folder: opened
 * before its tests, closed and deleted after them.
 */
export function withSeededDatabase(name: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `forum-${name}-`));
  beforeAll(() => {
    process.env.DATABASE_PATH = path.join(dir, "forum.db");
    applyMigrations(getDb());
    seed(getDb());
  });
  afterAll(() => {
    closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

/**
 * Runs `code`, the body of an ES module run from the project's root, in a process of its own, as
 * another server process would run it: on this test file's database unless `env` names another.
 * Resolves to what it printed; rejects if it exits with an error. A rule that holds in one
 * process only (a counter in memory, a check before a write) fails the tests that use it.
 */
export function inAnotherProcess(code: string, env: Record<string, string | undefined> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "--conditions=react-server", "--input-type=module", "-e", code], {
      // A variable set to undefined here is left out of the child's environment.
      env: { ...process.env, DATABASE_PATH: databasePath(), ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (status) => (status === 0 ? resolve(out) : reject(new Error(`exit ${status}`))));
  });
}
