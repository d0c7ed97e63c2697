import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "./client";
import { inNextCommit, MAX_GROUP } from "./group-commit";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-group-commit-"));

beforeAll(() => {
  process.env.DATABASE_PATH = path.join(dir, "forum.db");
  getDb().run(sql`create table t (id integer primary key, v text not null unique)`);
});
afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Counts the transactions committed while `run` goes on (SQLite's total_changes cannot tell). */
async function commitsDuring(run: () => Promise<unknown>): Promise<number> {
  const sqlite = getDb().$client;
  let commits = 0;
  const original = sqlite.transaction.bind(sqlite);
  sqlite.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const wrapped = original(fn);
    const count = (variant: (...args: unknown[]) => unknown) => (...args: unknown[]) => {
      const value = variant(...args);
      commits++;
      return value;
    };
    return Object.assign(count(wrapped), {
      deferred: count(wrapped.deferred),
      immediate: count(wrapped.immediate),
      exclusive: count(wrapped.exclusive),
    });
  }) as typeof sqlite.transaction;
  try {
    await run();
  } finally {
    sqlite.transaction = original;
  }
  return commits;
}

const insert = (v: string) => (tx: Parameters<Parameters<typeof inNextCommit>[0]>[0]) => {
  tx.run(sql`insert into t (v) values (${v})`);
  return tx.all<{ n: number }>(sql`select count(*) n from t`)[0]!.n;
};

describe("group commit", () => {
  it("writes asked for together commit in one transaction, in order, each seeing those before", async () => {
    getDb().run(sql`delete from t`);
    let counts: number[] = [];
    const commits = await commitsDuring(async () => {
      counts = await Promise.all(["a", "b", "c", "d"].map((v) => inNextCommit(insert(v))));
    });
    expect(commits).toBe(1);
    expect(counts).toEqual([1, 2, 3, 4]);
    expect(getDb().all<{ v: string }>(sql`select v from t order by id`).map((r) => r.v)).toEqual(["a", "b", "c", "d"]);
  });

  it("a write that fails is rolled back alone; its caller gets the error, the others commit", async () => {
    getDb().run(sql`delete from t`);
    const outcomes = await Promise.allSettled([inNextCommit(insert("x")), inNextCommit(insert("x")), inNextCommit(insert("y"))]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const reason = (outcomes[1] as PromiseRejectedResult).reason as Error;
    expect(String(reason.cause ?? reason)).toMatch(/UNIQUE/);
    expect(getDb().all<{ v: string }>(sql`select v from t order by id`).map((r) => r.v)).toEqual(["x", "y"]);
  });

  it("answers only after the commit, and splits a flood into groups of at most MAX_GROUP", async () => {
    getDb().run(sql`delete from t`);
    let settledEarly = false;
    const all = Promise.all(Array.from({ length: MAX_GROUP * 2 + 1 }, (_, i) => inNextCommit(insert(`v${i}`))));
    void all.then(() => (settledEarly = true));
    // Nothing is written, let alone answered, before the event loop turns.
    expect(getDb().all<{ n: number }>(sql`select count(*) n from t`)[0]!.n).toBe(0);
    expect(settledEarly).toBe(false);
    const commits = await commitsDuring(() => all);
    expect(commits).toBe(3);
    expect(getDb().all<{ n: number }>(sql`select count(*) n from t`)[0]!.n).toBe(MAX_GROUP * 2 + 1);
  });

  it("while another connection holds the write lock, the process goes on and the group grows", async () => {
    getDb().run(sql`delete from t`);
    const other = new Database(process.env.DATABASE_PATH!);
    other.exec("BEGIN IMMEDIATE");
    let released = false;
    const first = inNextCommit(insert("first"));
    // A timer fires while the group waits: the event loop is not held up by the wait.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const later = inNextCommit(insert("later"));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(getDb().all<{ n: number }>(sql`select count(*) n from t`)[0]!.n).toBe(0);
    let commits = 0;
    const done = commitsDuring(async () => {
      setTimeout(() => {
        other.exec("COMMIT");
        released = true;
      }, 10);
      await Promise.all([first, later]);
    }).then((n) => (commits = n));
    await done;
    other.close();
    expect(released).toBe(true);
    // Both writes went in the one transaction taken once the lock was free.
    expect(commits).toBe(1);
    expect(getDb().all<{ v: string }>(sql`select v from t order by id`).map((r) => r.v)).toEqual(["first", "later"]);
  });
});
