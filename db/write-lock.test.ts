import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "./client";

// Another process writing is played by a thread with a connection of its own.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-write-lock-"));
const file = path.join(dir, "forum.db");

beforeAll(() => {
  process.env.DATABASE_PATH = file;
  getDb().run(sql`create table t (id integer primary key, v text)`);
});
afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Holds the write lock for `ms` from another connection; resolves once it holds it, with when it lets go and its end. */
function holdWriteLock(ms: number): Promise<{ until: number; released: Promise<void> }> {
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const Database = require(workerData.module);
     const db = new Database(workerData.file);
     db.exec("BEGIN IMMEDIATE");
     db.exec("INSERT INTO t (v) VALUES ('other')");
     parentPort.postMessage(Date.now() + workerData.ms);
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
     db.exec("COMMIT");
     db.close();`,
    { eval: true, workerData: { file, ms, module: require.resolve("better-sqlite3") } },
  );
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", (until: number) => resolve({ until, released: new Promise((done) => worker.once("exit", () => done())) }));
  });
}

describe("an immediate transaction while another connection writes", () => {
  it("waits for the lock and runs once it is free, soon after, not failing and not sleeping long", async () => {
    // The lag after the lock is freed, at best of three tries: a busy machine may stall one try,
    // while SQLite's own wait would lag every time: after 228 ms of trying, it sleeps 100 ms.
    const lags: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const { until, released } = await holdWriteLock(240);
      let runs = 0;
      const result = getDb().transaction(
        (tx) => {
          runs++;
          tx.run(sql`insert into t (v) values ('mine')`);
          return tx.all<{ v: string }>(sql`select v from t order by id`).map((row) => row.v);
        },
        { behavior: "immediate" },
      );
      const done = Date.now();
      await released;
      expect(result.slice(-2)).toEqual(["other", "mine"]);
      expect(runs).toBe(1);
      // Not before the other let go (a millisecond of clock rounding).
      expect(done).toBeGreaterThanOrEqual(until - 1);
      lags.push(done - until);
    }
    expect(Math.min(...lags), `lags ${lags.join(", ")} ms`).toBeLessThan(60);
  });

  it("an error in the transaction's own work is not retried", () => {
    let runs = 0;
    expect(() =>
      getDb().transaction(
        () => {
          runs++;
          throw Object.assign(new Error("busy inside"), { code: "SQLITE_BUSY" });
        },
        { behavior: "immediate" },
      ),
    ).toThrow("busy inside");
    expect(runs).toBe(1);
  });
});
