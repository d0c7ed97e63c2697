import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupError, backupDatabase, checkBackup, restoreDatabase } from "./backup";
import { closeDb, getDb } from "./client";
import { applyMigrations, migrateConnection } from "./migrate";
import { registrationInput } from "./test-support";
import { readErasureLog } from "./erasure-log";
import { events } from "./schema";
import { event } from "./seed/article";
import { countByStatus, erase, findByCode, register } from "./queries/registrations";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-backup-"));
const live = path.join(dir, "forum.db");
const migrationsFolder = path.join(process.cwd(), "db/migrations");
const journal = JSON.parse(
  fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8"),
) as {
  entries: { tag: string; when: number }[];
};
let file = 0;
const fresh = (name: string) => path.join(dir, `${++file}-${name}`);

const person = () => registrationInput();

/** The bytes of the live database and its WAL: a refused restore must leave them as they were. */
function fingerprint(): string {
  const hash = crypto.createHash("sha256");
  for (const suffix of ["", "-wal"]) {
    if (fs.existsSync(live + suffix)) hash.update(fs.readFileSync(live + suffix));
  }
  return hash.digest("hex");
}

const beforeRestoreCopies = () =>
  fs.readdirSync(dir).filter((name) => name.includes(".before-restore-"));

/** A copy of a good backup, changed by `change` (raw SQL on a connection of its own). */
async function alteredBackup(
  name: string,
  change: (conn: Database.Database) => void,
): Promise<string> {
  const target = fresh(name);
  await backupDatabase(live, target);
  const conn = new Database(target);
  change(conn);
  conn.close();
  return target;
}

/**
 * Another connection, in a thread of its own, writing in a loop as register() does: a
 * registration with its email and audit row in each transaction (and, with `ballast`, a rewritten
 * page elsewhere in the file). `stop` ends it and resolves with the errors it met.
 */
function startWriter(file: string, { ballast = false } = {}) {
  // [0] stop flag, [1] transactions committed.
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const Database = require("better-sqlite3");
     const db = new Database(workerData.file);
     db.pragma("busy_timeout = 5000");
     const reg = db.prepare("insert into registrations (event_id, code, manage_token_hash, status, full_name, email, email_key, organisation, job_title, category, days, privacy_consent_at) values ((select id from events where is_current), ?, ?, 'confirmed', 'Writer', ?, ?, 'Org', 'Job', 'industry', '[]', 0)");
     const mail = db.prepare("insert into outbox (registration_id, kind, \\"to\\", subject, text, html) values (?, 'confirmation', ?, 's', 't', 'h')");
     const audit = db.prepare("insert into audit_log (actor, action, entity, entity_id) values ('writer', 'register', 'registration', ?)");
     const grow = workerData.ballast ? db.prepare("update ballast set blob = randomblob(1000) where id = ?") : null;
     const prefix = "W" + Date.now().toString(36) + "-";
     const write = db.transaction((i) => {
       const email = prefix + i + "@example.test";
       const id = reg.run(prefix + i, prefix + "token-" + i, email, email).lastInsertRowid;
       mail.run(id, email);
       audit.run(id);
       if (grow) grow.run(1 + (i % 4000));
     });
     const shared = workerData.shared;
     const errors = [];
     for (let i = 0; Atomics.load(shared, 0) === 0; i++) {
       try { write(i); Atomics.add(shared, 1, 1); } catch (error) { errors.push(error.message); if (errors.length > 10) break; }
     }
     db.close();
     parentPort.postMessage(errors);`,
    { eval: true, workerData: { file, shared, ballast } },
  );
  const errors = new Promise<string[]>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  return {
    written: () => Atomics.load(shared, 1),
    stop: async () => {
      Atomics.store(shared, 0, 1);
      return errors;
    },
  };
}

beforeAll(() => {
  // Temporary copies go here (os.tmpdir() reads TMPDIR), where no other test run can add any.
  fs.mkdirSync(path.join(dir, "tmp"));
  process.env.TMPDIR = path.join(dir, "tmp");
  process.env.DATABASE_PATH = live;
  process.env.FORUM_CAPACITY = "3";
  // getDb() plays the running server: one connection, open through every backup and restore.
  applyMigrations(getDb());
  // The emails a registration queues name the forum, which the event row states.
  getDb().insert(events).values(event).run();
  for (let i = 0; i < 5; i++) register(person());
});
const tmpdir = process.env.TMPDIR;
afterAll(() => {
  closeDb();
  if (tmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = tmpdir;
  delete process.env.FORUM_CAPACITY;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backupDatabase", () => {
  it("writes one self-contained, checked file and reports its counts", async () => {
    const target = fresh("backup.db");
    const summary = await backupDatabase(live, target);
    expect(summary).toMatchObject({
      registrations: 5,
      byStatus: { confirmed: 3, waiting: 2 },
      emails: 5,
    });
    expect(summary.bytes).toBe(fs.statSync(target).size);
    expect(summary.migrations).toBe(journal.entries.length);
    // Rollback-journal mode (header bytes 18 and 19 are 1): no -wal file is needed to read it.
    const header = fs.readFileSync(target).subarray(0, 20);
    expect([header[18], header[19]]).toEqual([1, 1]);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith(".partial"))).toEqual([]);
  });

  it("refuses to replace an existing file unless forced", async () => {
    const target = fresh("existing.db");
    fs.writeFileSync(target, "keep me");
    await expect(backupDatabase(live, target)).rejects.toThrow(/already exists.*--force/);
    expect(fs.readFileSync(target, "utf8")).toBe("keep me");
    const summary = await backupDatabase(live, target, { force: true });
    expect(summary.registrations).toBe(5);
    expect(fs.readFileSync(target).subarray(0, 15).toString()).toBe("SQLite format 3");
  });

  it("refuses a database that does not exist rather than creating an empty one", async () => {
    const missing = path.join(dir, "missing.db");
    await expect(backupDatabase(missing, fresh("b.db"))).rejects.toThrow(/no database at/);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it("gives a consistent file while another connection writes in a loop", async () => {
    const source = fresh("busy.db");
    await backupDatabase(live, source);
    fs.chmodSync(source, 0o644);
    const conn = new Database(source);
    conn.pragma("journal_mode = WAL");
    // Enough rows that the file spans many pages: a copy taken page by page could tear.
    conn.exec("create table ballast (id integer primary key, blob blob)");
    conn
      .prepare("insert into ballast (blob) select randomblob(1000) from json_each(?)")
      .run(JSON.stringify(Array(4000).fill(0)));
    conn.close();

    const writer = startWriter(source, { ballast: true });
    try {
      const started = Date.now();
      while (writer.written() < 200 && Date.now() - started < 10_000)
        await new Promise((r) => setTimeout(r, 10));
      const copies: number[] = [];
      for (let round = 0; round < 5; round++) {
        const target = fresh(`busy-copy-${round}.db`);
        const summary = await backupDatabase(source, target);
        const copy = new Database(target, { readonly: true });
        const counts = copy
          .prepare(
            `select (select count(*) from registrations where code like 'W%-%') regs,
                    (select count(*) from outbox o join registrations r on r.id = o.registration_id where r.code like 'W%-%') emails,
                    (select count(*) from audit_log where actor = 'writer') audits`,
          )
          .get() as { regs: number; emails: number; audits: number };
        expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(copy.pragma("foreign_key_check")).toEqual([]);
        copy.close();
        // Every registration in the copy has exactly its email and audit row: no transaction half in.
        expect(counts.emails).toBe(counts.regs);
        expect(counts.audits).toBe(counts.regs);
        expect(summary.registrations).toBe(5 + counts.regs);
        copies.push(counts.regs);
      }
      // The writer really was writing before, between and after the copies.
      expect(copies[0]).toBeGreaterThan(0);
      expect(new Set(copies).size).toBeGreaterThan(1);
      expect(writer.written()).toBeGreaterThan(copies.at(-1)!);
    } finally {
      expect(await writer.stop()).toEqual([]);
    }
  }, 60_000);
});

describe("restoreDatabase", () => {
  it("round-trips: what was added after the backup is gone, and the running connection sees it at once", async () => {
    const backup = fresh("round-trip.db");
    await backupDatabase(live, backup);
    const kept = register(person()).registration;
    expect(countByStatus("waiting")).toBe(3);
    expect(findByCode(kept.code)).toBeDefined();

    const report = await restoreDatabase(backup, live, { now: new Date("2024-07-11T08:00:00Z") });
    expect(report.restored).toMatchObject({
      registrations: 5,
      byStatus: { confirmed: 3, waiting: 2 },
    });
    expect(report.pending).toEqual([]);
    // The connection opened before the restore, and its prepared statements, read the new data.
    expect(findByCode(kept.code)).toBeUndefined();
    expect(countByStatus("waiting")).toBe(2);
    expect(getDb().$client.pragma("journal_mode", { simple: true })).toBe("wal");
    // The database as it was is kept beside it, with the registration made after the backup.
    expect(report.previous).toBe(`${live}.before-restore-2024-07-11T08-00-00-000Z`);
    const previous = new Database(report.previous!, { readonly: true });
    expect(
      previous.prepare("select count(*) n from registrations where code = ?").get(kept.code),
    ).toEqual({ n: 1 });
    previous.close();
    // And the server's connection keeps working: it writes to the restored database.
    expect(register(person()).registration.status).toBe("waiting");
    expect(countByStatus("waiting")).toBe(3);
  });

  it("restores while another connection writes in a loop, as a running server would", async () => {
    const backup = fresh("under-load.db");
    const { registrations: inBackup } = await backupDatabase(live, backup);
    const writer = startWriter(live);
    const waitFor = async (n: number) => {
      const started = Date.now();
      while (writer.written() < n && Date.now() - started < 10_000)
        await new Promise((r) => setTimeout(r, 5));
    };
    let report;
    let atRestore = 0;
    try {
      await waitFor(100);
      report = await restoreDatabase(backup, live);
      atRestore = writer.written();
      await waitFor(atRestore + 100);
    } finally {
      // The writer waited for the restore's lock (busy_timeout) and never failed.
      expect(await writer.stop()).toEqual([]);
    }
    const conn = new Database(live, { readonly: true });
    const rows = conn
      .prepare(
        `select (select count(*) from registrations where code not like 'W%-%') theirs,
                (select count(*) from registrations where code like 'W%-%') regs,
                (select count(*) from outbox o join registrations r on r.id = o.registration_id where r.code like 'W%-%') emails,
                (select count(*) from audit_log where actor = 'writer') audits`,
      )
      .get() as { theirs: number; regs: number; emails: number; audits: number };
    expect(conn.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(conn.pragma("foreign_key_check")).toEqual([]);
    conn.close();
    // The backup's registrations, then only what was written after the restore, each whole.
    expect(rows.theirs).toBe(inBackup);
    expect(rows.regs).toBeGreaterThanOrEqual(100);
    expect(rows.regs).toBeLessThan(writer.written());
    expect(rows.emails).toBe(rows.regs);
    expect(rows.audits).toBe(rows.regs);
    // What was written before the restore is in the copy kept beside it.
    const previous = new Database(report!.previous!, { readonly: true });
    const before = previous
      .prepare("select count(*) n from registrations where code like 'W%-%'")
      .get() as { n: number };
    previous.close();
    expect(before.n).toBeGreaterThanOrEqual(100);
    expect(before.n + rows.regs).toBe(writer.written());
  });

  it("brings an older backup up to this code's migrations before it replaces anything", async () => {
    const old = fresh("old.db");
    const folder = path.join(dir, "old-migrations");
    fs.mkdirSync(path.join(folder, "meta"), { recursive: true });
    const entries = journal.entries.slice(0, -1);
    for (const entry of entries)
      fs.copyFileSync(
        path.join(migrationsFolder, `${entry.tag}.sql`),
        path.join(folder, `${entry.tag}.sql`),
      );
    fs.writeFileSync(
      path.join(folder, "meta/_journal.json"),
      JSON.stringify({ ...journal, entries }),
    );
    const conn = new Database(old);
    migrateConnection(conn, folder);
    // Like every database the app runs on, it states the forum, which the later tests' emails name.
    conn
      .prepare("insert into events (slug, name_en, name_zh, venue_en, venue_zh, time_zone, start_date, end_date) values (?, ?, ?, ?, ?, ?, ?, ?)")
      .run(event.slug, event.nameEn, event.nameZh, event.venueEn, event.venueZh, event.timeZone, event.startDate, event.endDate);
    // Once the editions migration is among the older ones, it no longer marks that forum current
    // on the way up: mark it here, as the app would have, or the later tests find no current edition.
    const columns = conn.prepare("select name from pragma_table_info('events')").all() as { name: string }[];
    if (columns.some((c) => c.name === "is_current")) conn.exec("update events set is_current = 1");
    conn.close();

    const report = await restoreDatabase(old, live);
    expect(report.pending).toEqual([journal.entries.at(-1)!.tag]);
    expect(report.restored).toMatchObject({ registrations: 0, migrations: journal.entries.length });
    // The old file itself was only read.
    const after = new Database(old, { readonly: true });
    expect(after.prepare("select count(*) n from __drizzle_migrations").get()).toEqual({
      n: entries.length,
    });
    after.close();
  });

  describe("refuses, and leaves the live database untouched", () => {
    const refusals: [string, () => Promise<string> | string, RegExp][] = [
      ["a missing file", () => path.join(dir, "nowhere.db"), /There is no file at/],
      [
        "an empty file",
        () => {
          const target = fresh("empty.db");
          fs.writeFileSync(target, "");
          return target;
        },
        /is empty \(0 bytes\)/,
      ],
      [
        "a file that is not SQLite",
        () => {
          const target = fresh("notes.db");
          fs.writeFileSync(target, "name,email\nAda,ada@example.test\n".repeat(300));
          return target;
        },
        /is not an SQLite database/,
      ],
      [
        "a truncated backup",
        async () => {
          const whole = fresh("whole.db");
          await backupDatabase(live, whole);
          const cut = fresh("cut.db");
          fs.writeFileSync(cut, fs.readFileSync(whole).subarray(0, 8192));
          return cut;
        },
        /is truncated: it has 8192 bytes, its header says \d+ pages/,
      ],
      [
        "a backup with a damaged page",
        async () => {
          const target = await alteredBackup("damaged.db", () => {});
          const conn = new Database(target, { readonly: true });
          const { rootpage } = conn
            .prepare("select rootpage from sqlite_master where name = 'registrations'")
            .get() as { rootpage: number };
          conn.close();
          const bytes = fs.readFileSync(target);
          bytes.fill(0xa5, (rootpage - 1) * 4096, rootpage * 4096);
          fs.writeFileSync(target, bytes);
          return target;
        },
        /is damaged: (PRAGMA integrity_check says|SQLite cannot read it)/,
      ],
      [
        "another app's database",
        () => {
          const target = fresh("other-app.db");
          const conn = new Database(target);
          conn.exec(
            "create table customers (id integer primary key, name text); create table invoices (id integer primary key)",
          );
          conn.close();
          return target;
        },
        /is not this app's database: it has no __drizzle_migrations table \(its tables: customers, invoices\)/,
      ],
      [
        "a backup from a newer version of the app",
        () =>
          alteredBackup("future.db", (conn) =>
            conn
              .prepare("insert into __drizzle_migrations (hash, created_at) values ('f00d', ?)")
              .run(journal.entries.at(-1)!.when + 86_400_000),
          ),
        // The newest migration as the journal names it, so that a new migration changes nothing here.
        new RegExp(`comes from a newer version of the app: it has a migration of .* this code's newest is ${journal.entries.at(-1)!.tag} of `),
      ],
      [
        "a backup with a migration from another branch",
        () =>
          alteredBackup("branch.db", (conn) =>
            conn
              .prepare("insert into __drizzle_migrations (hash, created_at) values ('beef', ?)")
              .run(journal.entries[0]!.when + 1),
          ),
        /has a migration this code does not know/,
      ],
      [
        "a backup that lacks one of the app's tables",
        () => alteredBackup("no-checkins.db", (conn) => conn.exec("drop table check_ins")),
        /is not this app's database, or is damaged: it lacks table check_ins/,
      ],
      [
        "a backup whose rows reference missing rows",
        () =>
          alteredBackup("orphans.db", (conn) => {
            conn.pragma("foreign_keys = OFF");
            conn.exec(
              `insert into outbox (registration_id, kind, "to", subject, text, html) values (999999, 'confirmation', 'x@example.test', 's', 't', 'h')`,
            );
          }),
        /has 1 row whose references are broken \(in outbox\)/,
      ],
      ["the live database itself", () => live, /is the live database itself/],
    ];

    for (const [what, make, message] of refusals) {
      it(what, async () => {
        const candidate = await make();
        const before = fingerprint();
        const copies = beforeRestoreCopies().length;
        const error = await restoreDatabase(candidate, live).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BackupError);
        expect((error as Error).message).toMatch(message);
        expect(fingerprint()).toBe(before);
        expect(beforeRestoreCopies()).toHaveLength(copies);
      });
    }
  });

  it("restores nothing when the copy of the current database cannot be kept", async () => {
    const good = fresh("good-but.db");
    await backupDatabase(live, good);
    const now = new Date("2024-07-12T09:00:00Z");
    // The name the copy would take is already used: the copy fails under the restore's lock.
    fs.writeFileSync(`${live}.before-restore-2024-07-12T09-00-00-000Z`, "in the way");
    register(person());
    const before = fingerprint();
    const error = await restoreDatabase(good, live, { now }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /before-restore-2024-07-12T09-00-00-000Z already exists/,
    );
    expect(fingerprint()).toBe(before);
  });

  it("leaves no temporary copy behind, accepted or refused", async () => {
    const temporaries = () =>
      fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith("forum-restore-")).length;
    // Every restore and check above ran in this folder too.
    expect(temporaries()).toBe(0);
    const good = fresh("good.db");
    await backupDatabase(live, good);
    checkBackup(good).dispose();
    await restoreDatabase(path.join(dir, "nowhere.db"), live).catch(() => {});
    expect(temporaries()).toBe(0);
  });

  it("erases again whoever was erased after the backup was taken", async () => {
    const gone = register(person()).registration;
    const stays = register(person()).registration;
    const backup = fresh("before-erasure.db");
    await backupDatabase(live, backup);
    expect(erase(gone.id, `attendee:${gone.code}`).ok).toBe(true);
    expect(readErasureLog(live)).toContain(gone.code);

    const report = await restoreDatabase(backup, live);
    expect(report.reerased).toEqual([gone.code]);
    const row = findByCode(gone.code)!;
    expect(row.erasedAt).toBeInstanceOf(Date);
    expect(row).toMatchObject({ fullName: "", email: "", emailKey: null, status: "cancelled" });
    const inBackup = new Database(backup, { readonly: true });
    const backedUp = inBackup.prepare("select full_name n from registrations where code = ?").get(gone.code);
    inBackup.close();
    expect(backedUp, "the backup itself still holds the person: hence the re-erasure").toEqual({ n: gone.fullName });
    expect(findByCode(stays.code)?.fullName).toBe(stays.fullName);
  });

  it("erases again from the log beside the database, even if the database replaced had lost the erasure", async () => {
    const gone = register(person()).registration;
    const backup = fresh("before-logged-erasure.db");
    await backupDatabase(live, backup);
    erase(gone.id, "test");
    // As if the live database had itself been restored from a backup older than the erasure.
    getDb().$client.prepare("update registrations set erased_at = null, full_name = ? where code = ?").run(gone.fullName, gone.code);

    const report = await restoreDatabase(backup, live);
    expect(report.reerased).toEqual([gone.code]);
    expect(findByCode(gone.code)).toMatchObject({ fullName: "", email: "" });
  });
});
