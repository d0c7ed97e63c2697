import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { applyMigrations } from "@/db/migrate";
import { expiredSince, latestWhere, poll, record, reset, subscribe } from "./shared-cache.mjs";

// A migrated database of its own; "another process" is a second connection writing to it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-shared-cache-"));
const file = path.join(dir, "forum.db");
let other: Database.Database;

beforeAll(() => {
  process.env.DATABASE_PATH = file;
  applyMigrations(getDb());
  other = new Database(file);
});
afterAll(() => {
  reset();
  other.close();
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  reset();
  other.exec("DELETE FROM cache_invalidations");
});

describe("the shared record of revalidated tags", () => {
  it("what another process records reaches this one at its next poll, with its time", () => {
    poll();
    other.prepare("INSERT INTO cache_invalidations (tag, at) VALUES (?, ?)").run("_N_T_/en/agenda", 1_000);
    expect(expiredSince(["_N_T_/en/agenda"], 500)).toBe(false);
    expect(poll()).toEqual([{ tag: "_N_T_/en/agenda", at: 1_000 }]);
    expect(expiredSince(["_N_T_/en/agenda", "_N_T_/layout"], 500)).toBe(true);
    expect(expiredSince(["_N_T_/en/agenda"], 1_001)).toBe(false);
    expect(poll()).toEqual([]);
  });

  it("a process started after a change knows it: older pages on disk are stale", () => {
    other.prepare("INSERT INTO cache_invalidations (tag, at) VALUES (?, ?)").run("_N_T_/[locale]/layout", 2_000);
    expect(poll()).toEqual([]);
    expect(expiredSince(["_N_T_/[locale]/layout"], 1_999)).toBe(true);
    expect(latestWhere((tag) => tag.endsWith("/layout"))).toBe(2_000);
  });

  it("records for the others, tells the listeners, and keeps one row per tag", () => {
    const heard: unknown[] = [];
    subscribe((invalidations) => heard.push(...invalidations));
    record(["_N_T_/en/quotes", "_N_T_/zh-CN/quotes"], 3_000);
    record(["_N_T_/en/quotes"], 4_000);
    expect(other.prepare("SELECT tag, at FROM cache_invalidations ORDER BY tag").all()).toEqual([
      { tag: "_N_T_/en/quotes", at: 4_000 },
      { tag: "_N_T_/zh-CN/quotes", at: 3_000 },
    ]);
    poll();
    expect(heard).toEqual([
      { tag: "_N_T_/zh-CN/quotes", at: 3_000 },
      { tag: "_N_T_/en/quotes", at: 4_000 },
    ]);
  });
});
