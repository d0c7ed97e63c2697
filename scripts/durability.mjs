// @ts-check
// `npm run test:durability`: does a registration that was answered 201 survive the server being
// killed? Starts the production server (server.mjs) on a fresh database, sends registrations over
// 16 concurrent streams through POST /api/v1/registrations, and after a random 0.5-2 s kills the
// node process with SIGKILL while requests are in flight. Then it starts the server again on the
// same database and checks that every registration answered 201, in this round and the ones
// before, is there and intact (code, token, status, name, email, and through the API), that no
// registration lacks the rows written with it (its email in the outbox, its audit row), that
// `PRAGMA integrity_check` is ok, and that the server answers normally again. Exits 1 on any loss.
//
// Environment: DURABILITY_ROUNDS (5), DURABILITY_STREAMS (16), DURABILITY_PORT (3400),
// DURABILITY_DB (data/durability.db, deleted first). SKIP_BUILD=1 reuses the build in
// NEXT_DIST_DIR; otherwise it builds once into NEXT_DIST_DIR (default .next-durability).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { reportChecks } from "./lib/checks.mjs";
import { request, text } from "./lib/http-client.mjs";
import { startProductionServer } from "./lib/prod-server.mjs";
import { positiveInteger, runWithServer } from "./lib/script-env.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);


const ROUNDS = positiveInteger("DURABILITY_ROUNDS", 5);
const STREAMS = positiveInteger("DURABILITY_STREAMS", 16);
const PORT = positiveInteger("DURABILITY_PORT", 3400);
const DB = process.env.DURABILITY_DB || "data/durability.db";
const SKIP_BUILD = process.env.SKIP_BUILD === "1";
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-durability";
const KILL_AFTER_MS = /** @type {const} */ ([500, 2000]);
// DURABILITY_NEGATIVE_CONTROL=1 deletes the write-ahead log after each kill: the test must fail.
const NEGATIVE_CONTROL = process.env.DURABILITY_NEGATIVE_CONTROL === "1";
const API = "/api/v1/registrations";

const serverOptions = {
  port: PORT,
  db: DB,
  distDir: DIST_DIR,
  skipBuild: true,
  freshDb: false,
  // Some waitlisted, most confirmed: both are 201 and both must survive. Many clients, each under
  // its own address (TRUST_PROXY), and a limit they never reach.
  env: { FORUM_CAPACITY: "500", TRUST_PROXY: "1", RATE_LIMIT_PER_MINUTE: "1000000", REGISTRATION_MODE: "open", REGISTRATIONS_PER_HOUR: "1000000" },
};

const runId = crypto.randomBytes(3).toString("hex");
/** @type {import("./lib/prod-server.mjs").ProductionServer | null} */
let server = null;

/** @typedef {ReturnType<typeof registration>} Sent a registration as sent */
/** @typedef {{ code: string, manageToken: string, status: string }} Created the API's 201 answer */
/** @typedef {{ body: Sent, status: number, error?: string, answer?: Created }} Entry one request and its outcome */

/**
 * One HTTP request on its own connection; resolves with what arrived, never rejects.
 * @param {string} method
 * @param {string} pathname
 * @param {{ body?: unknown, headers?: Record<string, string> }} [options]
 */
async function send(method, pathname, { body, headers = {} } = {}) {
  const answer = await request(`http://127.0.0.1:${PORT}`, {
    method,
    path: pathname,
    headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    timeoutMs: 15_000,
  });
  return { status: answer.status, error: answer.error, text: text(answer) };
}

/**
 * @param {string} body
 * @returns {any} the API's answer, whose shape each check below reads
 */
const json = (body) => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};

/** @param {number} round @param {number | string} stream @param {number} i */
function registration(round, stream, i) {
  const email = `dura-${runId}-r${round}-s${stream}-${i}@example.test`;
  return {
    fullName: `Durability ${round}.${stream}.${i} 测试`,
    email,
    organisation: "Crash Test Motors",
    jobTitle: "Survivor",
    category: ["industry", "media", "government", "academia", "other"][i % 5],
    days: i % 2 ? ["2024-07-11", "2024-07-12"] : ["2024-07-13"],
    consent: true,
  };
}

/**
 * Registrations over STREAMS concurrent streams until the server dies. Returns every request
 * sent with its outcome, and how many were in flight at the moment of the kill.
 * @param {number} round
 */
async function loadAndKill(round) {
  if (!server) throw new Error("No server to kill.");
  const running = server;
  /** @type {Entry[]} */
  const sent = [];
  let inFlight = 0;
  let killed = false;
  const streams = Array.from({ length: STREAMS }, async (_, stream) => {
    for (let i = 0; !killed; i++) {
      const body = registration(round, stream, i);
      /** @type {Entry} */
      const entry = { body, status: 0 };
      sent.push(entry);
      inFlight++;
      const res = await send("POST", API, {
        body,
        headers: { "x-forwarded-for": `10.${round}.${stream}.${(i % 250) + 1}` },
      });
      inFlight--;
      Object.assign(entry, {
        status: res.status,
        error: res.error,
        answer: res.status === 201 ? json(res.text) : undefined,
      });
      if (res.status === 0) return; // the server is gone
    }
  });
  const [killFrom, killTo] = KILL_AFTER_MS;
  const delay = killFrom + Math.random() * (killTo - killFrom);
  await sleep(delay);
  // The node process running server.mjs itself (its command line says so), not a shell around it.
  const cmdline = fs.readFileSync(`/proc/${running.pid}/cmdline`, "utf8").split("\0");
  if (cmdline[0] !== process.execPath || !cmdline.includes("server.mjs")) {
    throw new Error(`pid ${running.pid} is not node server.mjs: ${cmdline.join(" ")}`);
  }
  const atKill = { inFlight, answered201: sent.filter((s) => s.status === 201).length };
  // The whole group at once: server.mjs and the server processes it started (one per core), as a
  // power cut would.
  process.kill(-running.pid, "SIGKILL");
  killed = true;
  const exit = await running.exited;
  if (exit.signal !== "SIGKILL")
    throw new Error(`The server ended with ${JSON.stringify(exit)}, not SIGKILL.`);
  if (NEGATIVE_CONTROL) {
    // What a store that kept its last commits only in memory would lose: the WAL's frames.
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(DB + suffix, { force: true });
  }
  await Promise.all(streams);
  try {
    process.kill(-running.pid, "SIGKILL"); // anything still standing
  } catch {
    // the group is gone with it
  }
  return { sent, delay, atKill };
}

/**
 * What the database holds: checked read-only, beside the running server. The rows are cast to
 * what the SQL written here selects.
 * @param {Array<Entry & { answer: Created }>} expected
 * @param {Sent[]} sentBodies
 */
function checkDatabase(expected, sentBodies) {
  const sentEmails = new Set(sentBodies.map((body) => body.email));
  const db = new Database(DB, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    const foreignKeys = /** @type {unknown[]} */ (db.pragma("foreign_key_check")).length;
    const byCode = db.prepare(
      "select id, code, manage_token_hash tokenHash, status, full_name fullName, email, organisation, category, days from registrations where code = ?",
    );
    /** @type {string[]} */
    const missing = [];
    /** @type {string[]} */
    const damaged = [];
    for (const { body, answer } of expected) {
      const row = /** @type {{ tokenHash: string, status: string, fullName: string, email: string, organisation: string, category: string, days: string } | undefined} */ (
        byCode.get(answer.code)
      );
      if (!row) {
        missing.push(answer.code);
        continue;
      }
      const same =
        row.tokenHash === crypto.createHash("sha256").update(answer.manageToken).digest("hex") &&
        row.status === answer.status &&
        row.fullName === body.fullName &&
        row.email === body.email &&
        row.organisation === body.organisation &&
        row.category === body.category &&
        row.days === JSON.stringify(body.days);
      if (!same) damaged.push(answer.code);
    }
    // A registration is one transaction: the row, its email in the outbox, its audit row.
    const halfWritten = db
      .prepare(
        `select r.code,
           (select count(*) from outbox o where o.registration_id = r.id and o.kind in ('confirmation', 'waiting')) emails,
           (select count(*) from audit_log a where a.entity = 'registration' and a.entity_id = r.id and a.action = 'register') audits
         from registrations r where emails != 1 or audits != 1`,
      )
      .all();
    const orphans = /** @type {{ n: number }} */ (db
      .prepare(
        `select (select count(*) from outbox o where o.registration_id is not null and not exists (select 1 from registrations r where r.id = o.registration_id))
              + (select count(*) from audit_log a where a.entity = 'registration' and not exists (select 1 from registrations r where r.id = a.entity_id)) n`,
      )
      .get()).n;
    // Rows nobody was told about: committed as the server died, before the 201 went out.
    const answered = new Set(expected.map((e) => e.answer.code));
    const unanswered = /** @type {Array<{ code: string, email: string }>} */ (db.prepare("select code, email from registrations").all()).filter(
      (row) => !answered.has(row.code),
    );
    const strangers = unanswered.filter((row) => !sentEmails.has(row.email));
    // Never answered, but stored as sent: the same checks as for the answered ones, bar the token.
    const asSent = new Map(sentBodies.map((body) => [body.email, body]));
    const storedAs = db.prepare(
      "select full_name fullName, organisation, days from registrations where code = ?",
    );
    const unansweredDamaged = unanswered.filter((row) => {
      const stored = /** @type {{ fullName: string, organisation: string, days: string }} */ (storedAs.get(row.code));
      const body = asSent.get(row.email);
      return (
        body &&
        (stored.fullName !== body.fullName ||
          stored.organisation !== body.organisation ||
          stored.days !== JSON.stringify(body.days))
      );
    });
    /** @param {string} sql */
    const count = (sql) => /** @type {{ n: number }} */ (db.prepare(sql).get()).n;
    const total = count("select count(*) n from registrations");
    const pendingEmails = count("select count(*) n from outbox where status = 'pending'");
    return {
      integrity,
      foreignKeys,
      missing,
      damaged,
      halfWritten,
      orphans,
      unanswered,
      unansweredDamaged,
      strangers,
      total,
      pendingEmails,
    };
  } finally {
    db.close();
  }
}

/**
 * The server's own view through the API, for this round's 201s: each one readable with its token.
 * @param {Array<Entry & { answer: Created }>} expected
 */
async function checkThroughApi(expected) {
  /** @type {string[]} */
  const wrong = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: STREAMS }, async () => {
      for (let entry = expected[next++]; entry; entry = expected[next++]) {
        const { body, answer } = entry;
        const res = await send("GET", `${API}/${answer.code}`, {
          headers: { authorization: `Bearer ${answer.manageToken}` },
        });
        const got = json(res.text);
        if (
          res.status !== 200 ||
          got?.email !== body.email ||
          got?.fullName !== body.fullName ||
          got?.status !== answer.status
        ) {
          wrong.push(`${answer.code}: ${res.status} ${res.text.slice(0, 120)}`);
        }
      }
    }),
  );
  return wrong;
}

/**
 * After a restart: pages, health, and a new registration read back, as any visitor would.
 * @param {number} round
 */
async function checkAnswersNormally(round) {
  /** @type {string[]} */
  const problems = [];
  const page = await send("GET", "/en");
  if (page.status !== 200 || !page.text.trimEnd().endsWith("</html>"))
    problems.push(`GET /en: ${page.status}`);
  const health = await send("GET", "/api/health");
  if (health.status !== 200 || json(health.text)?.status !== "ok") {
    problems.push(`GET /api/health: ${health.status} ${health.text.slice(0, 120)}`);
  }
  const body = registration(round, "after", 0);
  const created = await send("POST", API, {
    body,
    headers: { "x-forwarded-for": `10.${round}.254.1` },
  });
  const answer = created.status === 201 ? json(created.text) : undefined;
  if (!answer) problems.push(`POST ${API}: ${created.status} ${created.text?.slice(0, 120)}`);
  /** @type {(Entry & { answer: Created }) | null} */
  const probe = answer ? { body, status: 201, answer } : null;
  return { problems, probe };
}

async function main() {
  console.log(
    `Durability: ${ROUNDS} rounds of ${STREAMS} concurrent registration streams, SIGKILL after ${KILL_AFTER_MS[0] / 1000}-${KILL_AFTER_MS[1] / 1000} s, ` +
      `port ${PORT}, database ${DB}, build ${DIST_DIR}${SKIP_BUILD ? " (reused)" : ""}.`,
  );
  fs.mkdirSync(path.dirname(path.resolve(DB)), { recursive: true });
  const started = Date.now();
  server = await startProductionServer({ ...serverOptions, freshDb: true, skipBuild: SKIP_BUILD });
  /** @type {Array<Entry & { answer: Created }>} every registration answered 201 so far, with what was sent */
  const expected = [];
  /** @type {Sent[]} */
  const sentBodies = [];
  const lost = new Set();
  let failures = 0;
  let checks = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    const { sent, delay, atKill } = await loadAndKill(round);
    for (const s of sent) sentBodies.push(s.body);
    const roundEmails = new Set(sent.map((s) => s.body.email));
    const created = sent.filter(
      /** @returns {s is Entry & { answer: Created }} */ (s) => s.status === 201 && Boolean(s.answer?.code && s.answer?.manageToken),
    );
    /** @type {Record<string, number>} */
    const statuses = {};
    for (const s of sent) {
      const key = s.status === 0 ? `no answer (${s.error})` : String(s.status);
      statuses[key] = (statuses[key] ?? 0) + 1;
    }
    const restartedAt = Date.now();
    server = await startProductionServer(serverOptions);
    const restartMs = Date.now() - restartedAt;
    expected.push(...created);
    const normal = await checkAnswersNormally(round);
    if (normal.probe) {
      expected.push(normal.probe);
      sentBodies.push(normal.probe.body);
    }
    const db = checkDatabase(expected, sentBodies);
    const api = await checkThroughApi(normal.probe ? [...created, normal.probe] : created);
    const createdCodes = new Set(created.map((c) => c.answer.code));
    const missingHere = db.missing.filter((code) => createdCodes.has(code)).length;
    const intact =
      created.length - missingHere - db.damaged.filter((code) => createdCodes.has(code)).length;
    const roundProblems = [
      ...(db.integrity === "ok" ? [] : [`integrity_check: ${db.integrity}`]),
      ...(db.foreignKeys ? [`${db.foreignKeys} foreign key violations`] : []),
      ...(db.missing.length
        ? [`${db.missing.length} answered 201 but missing: ${db.missing.slice(0, 5).join(", ")}`]
        : []),
      ...(db.damaged.length
        ? [
            `${db.damaged.length} stored differently from what was sent or answered: ${db.damaged.slice(0, 5).join(", ")}`,
          ]
        : []),
      ...(db.halfWritten.length
        ? [
            `${db.halfWritten.length} registrations without exactly one email and one audit row: ${JSON.stringify(db.halfWritten.slice(0, 3))}`,
          ]
        : []),
      ...(db.orphans
        ? [`${db.orphans} emails or audit rows of registrations that do not exist`]
        : []),
      ...(db.strangers.length ? [`${db.strangers.length} registrations nobody sent`] : []),
      ...(db.unansweredDamaged.length
        ? [
            `${db.unansweredDamaged.length} unanswered registrations stored differently from what was sent`,
          ]
        : []),
      ...(api.length
        ? [`${api.length} not read back through the API: ${api.slice(0, 3).join("; ")}`]
        : []),
      ...normal.problems,
      ...(atKill.inFlight === 0
        ? ["no request was in flight when the server was killed: the round proves nothing"]
        : []),
      ...(created.length === 0
        ? ["no registration was answered 201 before the kill: the round proves nothing"]
        : []),
    ];
    for (const code of [...db.missing, ...db.damaged]) lost.add(code);
    // Each registration answered 201 so far, found in the database; each of this round's read back
    // through the API; and the round's own 11 (integrity, foreign keys, half-written, orphans,
    // strangers, unanswered ones damaged, the page, health, a new registration, requests in flight
    // at the kill, a 201 before it).
    checks += expected.length + created.length + (normal.probe ? 1 : 0) + 11;
    failures += roundProblems.length;
    const unansweredHere = db.unanswered.filter((row) => roundEmails.has(row.email)).length;
    console.log(
      `round ${round}: SIGKILL after ${(delay / 1000).toFixed(2)} s with ${atKill.inFlight} requests in flight | ` +
        `sent ${sent.length}, got 201 ${created.length}, found intact ${intact}, missing ${missingHere} | ` +
        `committed but unanswered ${unansweredHere} | answers ${JSON.stringify(statuses)} | restart ${(restartMs / 1000).toFixed(1)} s | ` +
        `all ${expected.length} answered so far intact: ${db.missing.length + db.damaged.length === 0 ? "yes" : "NO"}, integrity ${db.integrity}`,
    );
    for (const problem of roundProblems) console.log(`  FAIL ${problem}`);
  }
  server.stop();
  const exit = await server.exited;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const verdict = failures === 0 ? "no loss" : `${lost.size} lost or damaged, ${failures} problems`;
  console.log(
    `Durability ${failures === 0 ? "passed" : "FAILED"}: ${ROUNDS} SIGKILLs, ${expected.length} registrations answered 201, ` +
      `${expected.length - lost.size} intact after restarts, ${verdict}; server stopped with ${exit.signal ?? `code ${exit.code}`}; ${seconds} s.`,
  );
  reportChecks("Durability", { checks, failed: failures });
  return failures === 0 ? 0 : 1;
}

await runWithServer("Durability test", main, () => server);
