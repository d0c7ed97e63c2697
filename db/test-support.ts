// For the database's unit tests: a database of their own, and people who register, each with an
// address of their own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { closeDb, getDb } from "./client";
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
