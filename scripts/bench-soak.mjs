// @ts-check
// `npm run bench:soak`: ten minutes of mixed traffic against the production server (server.mjs) on
// a fresh database, as 50 concurrent clients, each a person who waits a random think time between
// requests. Each step is, by these weights:
//   browsing 80 %      a public page (home, agenda and its day tabs, sessions, speakers, quotes,
//                      my agenda; both languages): the page itself 40 %, a router prefetch for a
//                      link in view 40 % (as Next's client sends it: the page's route tree, then
//                      the segments that tree asks for, two or three requests), a static file 20 %;
//   registration 10 %  POST /api/v1/registrations with unique data, from the client's own address
//                      (TRUST_PROXY=1 and X-Forwarded-For: the per-address rate limit applies per
//                      client at its default; 1,000,000 seats, so every registration is confirmed);
//   check-in 5 %       at the door desk as a signed-in staff member: POST /api/checkin with a
//                      registered person's QR token for one of their days (one scan in ten is a
//                      person already in), then GET the day's counts, as the desk does after a scan;
//   organizer edit 5 % a Server Action call as a signed-in organizer, sent as the browser sends it
//                      (Next-Action header, multipart body of the form, the form's previous state):
//                      an agenda session's draft abstract 50 %, a speaker's biography 25 %, a
//                      quote's translation 25 %. Speaker and quote saves regenerate the public pages.
// The think time is exponential with a mean of 1 s: a person reading the site sends about one
// request a second on average (a page view is the page, the prefetches of the links it shows and,
// on a first visit, its static files: 10 to 30 requests, measured in Chromium, for 15 to 30 s spent
// on the page), so 50 clients are about 50 people using the site at once. Without think time
// (SOAK_THINK_MS=0) it measures saturation instead.
//
// It prints the offered and achieved request rates, p50/p95/p99 per kind, errors per kind with
// examples, and the server's resident memory (VmRSS of server.mjs and its server processes) after a
// warm-up, at the end, at its peak, and every tenth of the run. The warm-up loads every public page,
// prefetch and static file once, saves every form once, then sends 60 s of the same traffic, not
// counted: by then the pages its edits regenerate, Next's caches and the heap have their working
// size, and memory growing after that is what a leak would show. Then it reads the edits back (public API and
// pages while the server runs, the database after it stopped) and checks the registrations and
// check-ins in the database.
//
// An error is: no answer (network error, 10 s timeout), a 5xx, another status than the request must
// get (200, or 201 for a registration), or an answer that contradicts what the client knows (a first
// scan not "checkedIn", a re-scan not "alreadyCheckedIn", a save not accepted). A second scan of a
// ticket answered "alreadyCheckedIn" is not an error: it is the right answer.
//
// Targets: no errors, p99 under 200 ms for every kind, memory at the end within 20 % of the start.
// Exit code 1 if a target is missed, a read-back or database check fails, or the server could not run.
//
// Environment: SOAK_SECONDS (600), SOAK_CLIENTS (50), SOAK_THINK_MS (1000), SKIP_BUILD=1 to reuse
// the build in NEXT_DIST_DIR (default .next-soak; the server runs on a copy in .next-soak-run, since
// it writes the pages it regenerates into its build folder), SOAK_PORT (3500), SOAK_DB
// (./data/soak.db), SOAK_STAFF (3), SOAK_ORGANIZERS (2), SOAK_PREREGISTERED (300 people registered
// before the run, to check in), SOAK_WARMUP_SECONDS (60; 0 measures from the first request);
// SOAK_MIX and SOAK_EDIT_MIX change the weights ("browse=100",
// "agenda=1"), to study one kind alone; SOAK_SERVER_ARGS are flags for the server's node
// ("--cpu-prof --cpu-prof-dir=/tmp/prof").
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { startProductionServer } from "./lib/prod-server.mjs";
import { positiveInteger, positiveNumber, runWithServer } from "./lib/script-env.mjs";
import { prefetchRequest, segmentsAfterTree } from "./lib/next-client.mjs";
import { clientAgent, CookieJar, request, signIn, text } from "./lib/soak-http.mjs";
import { cpuSeconds, errorOf, fmt, mb, memoryWatch, rss, Stats } from "./lib/soak-stats.mjs";
import {
  actionIds,
  allPages,
  assetsOf,
  browseRequest,
  consoleForms,
  publicPages,
  registrationBody,
  saveForm,
  ticketToken,
  weighted,
} from "./lib/soak-traffic.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

/** @typedef {import("./lib/http-client.mjs").Answer} Answer */
/** @typedef {import("./lib/soak-traffic.mjs").FormState} FormState */
/** @typedef {"agenda" | "speaker" | "quote"} EditKind */
/**
 * A console form a client may save: a session, a speaker or a quote from consoleForms.
 * @typedef {{ key: string, id: number, slug?: string, abstract?: string, bio?: string, translation?: string, revision?: number,
 *   fields: (value: string, revision: number) => import("./lib/soak-traffic.mjs").Fields }} ConsoleForm
 */

/** @param {string} name */
const flag = (name) => Boolean(process.env[name]) && process.env[name] !== "0";

const SECONDS = positiveNumber("SOAK_SECONDS", 600);
const CLIENTS = positiveInteger("SOAK_CLIENTS", 50);
// 0 is allowed here: no think time at all.
const THINK_MS = process.env.SOAK_THINK_MS === "0" ? 0 : positiveNumber("SOAK_THINK_MS", 1000);
const PORT = positiveInteger("SOAK_PORT", 3500);
const DB = process.env.SOAK_DB || "./data/soak.db";
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-soak";
const RUN_DIR = ".next-soak-run";
const SKIP_BUILD = flag("SKIP_BUILD") || flag("BENCH_SKIP_BUILD");
const STAFF = positiveInteger("SOAK_STAFF", 3);
const ORGANIZERS = positiveInteger("SOAK_ORGANIZERS", 2);
const PREREGISTERED = positiveInteger("SOAK_PREREGISTERED", 300);
// 0 is allowed: measure from the first request on.
const WARM_SECONDS = process.env.SOAK_WARMUP_SECONDS === "0" ? 0 : positiveNumber("SOAK_WARMUP_SECONDS", 60);

/**
 * "browse=80,register=10" → { browse: 80, register: 10 }, for the weights given in the environment;
 * the kinds not named keep no weight.
 * @template {string} K
 * @param {string} name
 * @param {Record<K, number>} fallback
 * @returns {Record<K, number>}
 */
function mix(name, fallback) {
  const raw = process.env[name];
  if (!raw) return fallback;
  /** @type {Record<string, number>} */
  const weights = {};
  for (const pair of raw.split(",")) {
    const [key = "", weight = ""] = pair.split("=").map((s) => s.trim());
    if (!(key in fallback) || !(Number(weight) >= 0))
      throw new Error(
        `${name}: "${key}=${weight}" is not one of ${Object.keys(fallback).join(", ")} with a weight.`,
      );
    weights[key] = Number(weight);
  }
  return /** @type {Record<K, number>} */ (weights);
}
const MIX = mix("SOAK_MIX", { browse: 80, register: 10, checkin: 5, edit: 5 });
const EDIT_MIX = mix("SOAK_EDIT_MIX", { agenda: 50, speaker: 25, quote: 25 });
const RESCAN_SHARE = 0.1;
const TARGET_P99_MS = 200;
const TARGET_RSS_CHANGE = 0.2;

const PASSWORD = "soak benchmark passphrase 2024";
const ADMIN = { email: "soak-admin@forum.test", password: PASSWORD };
const TICKET_SECRET = randomBytes(32).toString("base64url");
const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;

const stats = new Stats();
/** @type {string[]} read-back and database checks */
const failures = [];
/** @param {unknown} ok @param {string} message */
const check = (ok, message) => {
  if (!ok) failures.push(message);
};

// --- shared state of the run ---------------------------------------------------------------------

/** @type {import("./lib/prod-server.mjs").ProductionServer} */
let server;
/** @type {{ pages: import("./lib/soak-traffic.mjs").Pages, assets: string[], speakers: string[], quotes: number[] }} */
let site;
/** @type {ReturnType<typeof actionIds>} Server Action ids */
let ids;
/** @type {Array<{ jar: CookieJar, locale: string }>} */
const organizers = [];
/** @type {Array<{ jar: CookieJar }>} */
const staff = [];
/** @type {Array<{ code: string, token: string, day: string }>} tickets not yet checked in, for a day */
const pending = [];
/** @type {Array<{ code: string, token: string, day: string }>} */
const checkedIn = [];
/** @type {Record<EditKind, ConsoleForm[]>} forms free to edit now */
const forms = { agenda: [], speaker: [], quote: [] };
/** @type {Map<string, FormState>} form key -> its useActionState state */
const formState = new Map();
/** @type {Map<string, { kind: EditKind, form: ConsoleForm, value: string, revision: number | undefined }>} form key -> its last accepted save */
const lastSaved = new Map();
const tally = { registered: 0, checkedIn: 0, edits: { agenda: 0, speaker: 0, quote: 0 } };
let editCount = 0;
let registrationCount = 0;
/** @type {Record<string, { total: number, copy: number, rendered: number }>} browse sub-kind -> where its answers came from */
const pageSources = {};

/** @param {number} i */
const ip = (i) => `10.77.${(i >> 8) & 255}.${(i & 255) + 1}`;

// --- the steps ----------------------------------------------------------------------------------

/**
 * The JSON of an answer, or undefined if it is not JSON.
 * @param {Answer} answer
 * @returns {any} the server's JSON, whose shape each step checks
 */
function json(answer) {
  try {
    return JSON.parse(text(answer));
  } catch {
    return undefined;
  }
}

/**
 * Counts one request; the example of an error is only worked out for errors.
 * @param {string} kind
 * @param {string} sub
 * @param {Answer} answer
 * @param {string | null} error
 * @param {() => string} example
 */
function record(kind, sub, answer, error, example) {
  stats.add(kind, sub, {
    ms: answer.ms,
    retried: answer.retried,
    error,
    example: error ? example() : undefined,
  });
}

/** @typedef {import("node:http").Agent} Agent */

/** @param {Agent} agent @param {string} address */
async function browse(agent, address) {
  const step = browseRequest(site);
  if (step.sub !== "prefetch") {
    const answer = await request(server.url, agent, {
      path: step.path,
      headers: { ...step.headers, "x-forwarded-for": address },
    });
    record("browse", step.sub, answer, errorOf(answer, 200), () => `GET ${step.path}`);
    countSource(step.sub, answer);
    return;
  }
  /** @param {string} segment */
  const prefetch = async (segment) => {
    const { path: pathname, headers } = prefetchRequest(step.pathname, segment, step.from);
    const answer = await request(server.url, agent, {
      path: pathname,
      headers: { ...headers, "x-forwarded-for": address },
    });
    const error = errorOf(answer, 200);
    // The address is the same for each of a page's segments: the error names the segment.
    record("browse", "prefetch", answer, error && `${error}, segment ${segment}`, () => `GET ${pathname}`);
    countSource("prefetch", answer);
    return answer;
  };
  const tree = await prefetch("/_tree");
  if (tree.status !== 200) return;
  for (const segment of segmentsAfterTree(text(tree), step.segment)) await prefetch(segment);
}

/**
 * Where an answer came from: server.mjs's copy, Next's cache, or a render on demand (after an edit
 * revalidated the page).
 * @param {string} sub
 * @param {Answer} answer
 */
function countSource(sub, answer) {
  const from = (pageSources[sub] ??= { total: 0, copy: 0, rendered: 0 });
  from.total++;
  if (answer.headers?.["x-forum-cache"] === "HIT") from.copy++;
  else if (answer.headers?.["x-nextjs-cache"] === "MISS") from.rendered++;
}

/** @param {Agent} agent @param {string} address */
async function register(agent, address) {
  const body = registrationBody(runId, ++registrationCount);
  const answer = await request(server.url, agent, {
    method: "POST",
    path: "/api/v1/registrations",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      "x-forwarded-for": address,
    },
    body: JSON.stringify(body),
  });
  let problem;
  if (answer.status === 201) {
    const created = json(answer);
    if (created?.status !== "confirmed") problem = `status ${created?.status}, not confirmed`;
    else {
      tally.registered++;
      for (const day of body.days)
        pending.push({ code: created.code, token: ticketToken(created.code, TICKET_SECRET), day });
    }
  }
  record(
    "register",
    "api",
    answer,
    errorOf(answer, 201, problem),
    () => `POST /api/v1/registrations → ${text(answer).slice(0, 200)}`,
  );
}

/** @param {Agent} agent @param {string} address @param {{ jar: CookieJar }} desk */
async function checkIn(agent, address, desk) {
  const rescan = checkedIn.length > 0 && (pending.length === 0 || Math.random() < RESCAN_SHARE);
  const ticket = rescan
    ? checkedIn[Math.floor(Math.random() * checkedIn.length)]
    : pending.splice(Math.floor(Math.random() * pending.length), 1)[0];
  if (!ticket) return browse(agent, address); // nobody registered yet
  const headers = {
    cookie: desk.jar.header(),
    origin: server.url,
    "sec-fetch-site": "same-origin",
    "x-forwarded-for": address,
  };
  const scan = await request(server.url, agent, {
    method: "POST",
    path: "/api/checkin",
    headers: { ...headers, "content-type": "application/json", accept: "*/*" },
    body: JSON.stringify({ day: ticket.day, input: ticket.token, method: "scan" }),
  });
  const expected = rescan ? "alreadyCheckedIn" : "checkedIn";
  let problem;
  if (scan.status === 200) {
    const outcome = json(scan)?.outcome;
    if (outcome !== expected) problem = `${outcome} instead of ${expected}`;
    else if (!rescan) {
      tally.checkedIn++;
      checkedIn.push(ticket);
    }
  } else if (!rescan) pending.push(ticket); // not checked in: it can be tried again
  record(
    "checkin",
    "scan",
    scan,
    errorOf(scan, 200, problem),
    () => `POST /api/checkin ${ticket.day} → ${text(scan).slice(0, 200)}`,
  );

  const counts = await request(server.url, agent, {
    path: `/api/checkin?day=${ticket.day}`,
    headers: { ...headers, accept: "*/*" },
  });
  let countsProblem;
  if (counts.status === 200 && !Number.isInteger(json(counts)?.checkedIn))
    countsProblem = "no count";
  record(
    "checkin",
    "counts",
    counts,
    errorOf(counts, 200, countsProblem),
    () => `GET /api/checkin?day=${ticket.day} → ${text(counts).slice(0, 200)}`,
  );
}

/**
 * Saves one form (taken from the free ones, so that no two clients edit one object at once).
 * @param {Agent} agent
 * @param {{ jar: CookieJar, locale: string }} organizer
 * @param {EditKind} kind
 * @param {ConsoleForm} form
 */
async function saveOne(agent, organizer, kind, form) {
  const n = ++editCount;
  const original =
    kind === "agenda" ? form.abstract : kind === "speaker" ? form.bio : form.translation;
  const value = `${original} [soak ${runId} edit ${n}]`.trim();
  const state = formState.get(form.key) ?? (kind === "agenda" ? { revision: form.revision } : {});
  const outcome = await saveForm({
    base: server.url,
    agent,
    cookie: organizer.jar.header(),
    locale: organizer.locale,
    ids,
    kind,
    form,
    value,
    state,
  });
  if (outcome.state) {
    formState.set(form.key, outcome.state);
    lastSaved.set(form.key, { kind, form, value, revision: outcome.state.revision });
    tally.edits[kind]++;
  }
  return outcome;
}

/** @param {Agent} agent @param {{ jar: CookieJar, locale: string }} organizer */
async function edit(agent, organizer) {
  let kind = weighted(EDIT_MIX);
  if (forms[kind].length === 0) kind = "agenda"; // every speaker or quote is being saved right now
  const pool = forms[kind];
  const form = pool.splice(Math.floor(Math.random() * pool.length), 1)[0];
  if (!form) return;
  try {
    const outcome = await saveOne(agent, organizer, kind, form);
    const { answer, problem } = outcome;
    record(
      "edit",
      kind,
      answer,
      errorOf(answer, 200, problem),
      () => `${kind} ${form.key} → ${text(answer).slice(0, 200)}`,
    );
  } finally {
    pool.push(form);
  }
}

// --- set-up and warm-up -----------------------------------------------------------------------------

/** @param {NodeJS.ProcessEnv} env */
function createUsers(env) {
  /** @param {string} email @param {string} role */
  const create = (email, role) =>
    execFileSync(
      "npx",
      [
        "tsx",
        "--conditions=react-server",
        "scripts/user.ts",
        "create",
        "--email",
        email,
        "--role",
        role,
        "--name",
        `Soak ${role}`,
        "--password-env",
        "SOAK_USER_PASSWORD",
      ],
      {
        env: { ...env, SOAK_USER_PASSWORD: PASSWORD },
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
  for (let i = 0; i < STAFF; i++) create(`soak-staff-${i}@forum.test`, "staff");
  for (let i = 0; i < ORGANIZERS; i++) create(`soak-organizer-${i}@forum.test`, "organizer");
}

/**
 * @param {Agent} agent
 * @param {string} pathname
 * @param {Record<string, string>} [headers]
 */
async function mustGet(agent, pathname, headers = {}) {
  const answer = await request(server.url, agent, { path: pathname, headers });
  if (answer.status !== 200)
    throw new Error(`Warm-up: GET ${pathname} answered ${answer.status || answer.error}.`);
  return answer;
}

async function warmUp() {
  const agent = clientAgent();
  // Every form saved once: the sessions whose plain save the editor refuses (a conflict to
  // acknowledge) are left out of the run.
  const console_ = consoleForms(DB, { slugs: site.speakers, quoteIds: site.quotes });
  const first = organizers[0];
  if (!first) throw new Error("Warm-up: no organizer signed in.");
  for (const kind of /** @type {const} */ (["speaker", "quote", "agenda"])) {
    const list =
      kind === "agenda"
        ? console_.sessions
        : kind === "speaker"
          ? console_.speakers
          : console_.quotes;
    for (const form of list) {
      const outcome = await saveOne(agent, first, kind, form);
      if (outcome.state) forms[kind].push(form);
      else if (kind !== "agenda")
        throw new Error(
          `Warm-up: saving ${form.key} failed: ${outcome.problem ?? outcome.answer.status}.`,
        );
    }
  }
  tally.edits = { agenda: 0, speaker: 0, quote: 0 };
  const refused = console_.sessions.length - forms.agenda.length;

  // People to check in: registered through the API, ten at a time.
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async (_, w) => {
      const a = clientAgent();
      while (next < PREREGISTERED) {
        next++;
        await register(a, ip(CLIENTS + w));
      }
      a.destroy();
    }),
  );
  if (tally.registered !== PREREGISTERED)
    throw new Error(`Warm-up: ${tally.registered} of ${PREREGISTERED} registrations went through.`);
  for (const desk of staff) await checkIn(agent, ip(0), desk);
  const preregistered = tally.registered;
  const warmErrors = stats.get("all").errors;
  if (warmErrors)
    throw new Error(
      `Warm-up: ${warmErrors} requests failed: ${JSON.stringify([...stats.get("all").samples])}`,
    );
  stats.kinds.clear();

  // Every public page, each prefetch a link to it makes, every static file they load: once.
  const assets = new Set(["/sw.js"]);
  const pages = allPages(site.pages);
  for (const page of pages) {
    for (const found of assetsOf(text(await mustGet(agent, page.path)))) assets.add(found);
    const pathname = page.path.split("?")[0] ?? page.path;
    const tree = prefetchRequest(pathname, "/_tree", `/${page.locale}`);
    for (const segment of segmentsAfterTree(text(await mustGet(agent, tree.path, tree.headers)), page.segment)) {
      const prefetch = prefetchRequest(pathname, segment, `/${page.locale}`);
      await mustGet(agent, prefetch.path, prefetch.headers);
    }
  }
  for (const asset of assets) await mustGet(agent, asset);
  site.assets = [...assets];
  agent.destroy();
  return {
    pages: pages.length,
    assets: assets.size,
    refused,
    sessions: forms.agenda.length,
    preregistered,
  };
}

// --- the run --------------------------------------------------------------------------------------

function thinkTime() {
  if (THINK_MS === 0) return 0;
  // Exponential: people mostly act soon, now and then after a long look; capped at ten means.
  return Math.min(-Math.log(1 - Math.random()) * THINK_MS, 10 * THINK_MS);
}

/** @param {number} i @param {number} deadline */
async function client(i, deadline) {
  const agent = clientAgent();
  const address = ip(i);
  const desk = staff[i % staff.length];
  const organizer = organizers[i % organizers.length];
  if (!desk || !organizer) throw new Error("No staff or organizer signed in.");
  await sleep(Math.random() * THINK_MS); // clients do not all start in the same millisecond
  while (performance.now() < deadline) {
    const kind = weighted(MIX);
    if (kind === "browse") await browse(agent, address);
    else if (kind === "register") await register(agent, address);
    else if (kind === "checkin") await checkIn(agent, address, desk);
    else await edit(agent, organizer);
    const pause = thinkTime();
    if (pause > 0) await sleep(pause);
    else await new Promise((resolve) => setImmediate(resolve));
  }
  agent.destroy();
}

// --- reading back -------------------------------------------------------------------------------------

async function readBack() {
  const agent = clientAgent();
  const saved = [...lastSaved.values()];
  for (const { form, value } of saved.filter((s) => s.kind === "speaker")) {
    const api = JSON.parse(
      text(await request(server.url, agent, { path: `/api/v1/speakers/${form.slug}` })),
    );
    check(
      api.bio?.en === value,
      `API: speaker ${form.slug}'s biography is not the last one saved.`,
    );
    // The public page is rendered again on its next visit after the edit (a few tries, in case a
    // render begun before the last edit is still being stored).
    let shown = false;
    for (let i = 0; i < 5 && !shown; i++) {
      shown = text(
        await request(server.url, agent, { path: `/en/speakers/${form.slug}` }),
      ).includes(value.split(" [soak ")[1] ?? value);
      if (!shown) await sleep(1000);
    }
    check(shown, `Page: /en/speakers/${form.slug} does not show the last biography saved.`);
  }
  /** @type {Array<{ id: number, translation?: { text: string } }>} */
  const quotes = JSON.parse(
    text(await request(server.url, agent, { path: "/api/v1/quotes?limit=100" })),
  ).data;
  for (const { form, value } of saved.filter((s) => s.kind === "quote")) {
    const quote = quotes.find((q) => q.id === form.id);
    check(
      quote?.translation?.text === value,
      `API: quote ${form.id}'s translation is not the last one saved.`,
    );
  }
  agent.destroy();
  return saved.length;
}

/** @param {unknown} warm */
function checkDatabase(warm) {
  const db = new Database(DB, { readonly: true, fileMustExist: true });
  try {
    const registrations = /** @type {Array<{ status: string, n: number }>} */ (
      db.prepare("select status, count(*) as n from registrations group by status").all()
    );
    const confirmed = registrations.find((r) => r.status === "confirmed")?.n ?? 0;
    const total = registrations.reduce((a, r) => a + r.n, 0);
    check(
      total === tally.registered && confirmed === total,
      `Database: ${total} registrations (${confirmed} confirmed), ${tally.registered} answered 201 confirmed.`,
    );
    const checkIns = /** @type {{ n: number }} */ (db.prepare("select count(*) as n from check_ins").get()).n;
    check(
      checkIns === tally.checkedIn,
      `Database: ${checkIns} check-ins, ${tally.checkedIn} answered "checkedIn".`,
    );
    const drafts = db.prepare("select data, revision from session_drafts where session_id = ?");
    const speaker = db.prepare("select bio_en as v from speakers where id = ?");
    const quote = db.prepare("select translation as v from quotes where id = ?");
    let wrong = 0;
    for (const { kind, form, value, revision } of lastSaved.values()) {
      if (kind === "agenda") {
        const row = /** @type {{ data: string, revision: number } | undefined} */ (drafts.get(form.id));
        if (!row || JSON.parse(row.data).abstractEn !== value || row.revision !== revision) wrong++;
      } else if (/** @type {{ v: string } | undefined} */ ((kind === "speaker" ? speaker : quote).get(form.id))?.v !== value) wrong++;
    }
    check(
      wrong === 0,
      `Database: ${wrong} of ${lastSaved.size} edited objects do not hold the last value saved.`,
    );
    return { total, checkIns, edited: lastSaved.size, warm };
  } finally {
    db.close();
  }
}

// --- the report ---------------------------------------------------------------------------------------

/**
 * @param {object} run
 * @param {number} run.seconds
 * @param {number} run.rssStart
 * @param {number} run.rssEnd
 * @param {ReturnType<ReturnType<typeof memoryWatch>["stop"]>} run.memory
 * @param {number} run.cpu
 * @param {any} run.warm
 * @param {ReturnType<typeof checkDatabase>} run.db
 */
function report({ seconds, rssStart, rssEnd, memory, cpu, warm, db }) {
  const all = stats.get("all").summary();
  const offered = THINK_MS > 0 ? (CLIENTS * 1000) / THINK_MS : Infinity;
  const achieved = all.count / seconds;
  const steps = all.count - stats.get("checkin/counts").summary().count; // a check-in step is two requests
  /** @typedef {ReturnType<ReturnType<typeof stats.get>["summary"]>} Summary */
  /** @type {Array<[string, Summary, string]>} */
  const rows = [];
  /** @type {Array<{ kind: string, s: Summary, met: boolean }>} */
  const targetRows = [];
  for (const kind of /** @type {Array<keyof typeof MIX>} */ (Object.keys(MIX)).filter((k) => MIX[k] > 0)) {
    const s = stats.get(kind).summary();
    const met = s.count > 0 && s.p99 < TARGET_P99_MS;
    targetRows.push({ kind, s, met });
    rows.push([kind, s, met ? "yes" : "NO"]);
    const subs = [...stats.kinds.keys()].filter((k) => k.startsWith(`${kind}/`)).sort();
    if (subs.length > 1)
      for (const sub of subs) rows.push([`  ${sub.split("/")[1]}`, stats.get(sub).summary(), ""]);
  }
  rows.push(["all", all, ""]);

  console.log("");
  console.log(
    `| kind | requests | share | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | p99 < ${TARGET_P99_MS} ms |`,
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const [name, s, met] of rows) {
    console.log(
      `| ${name} | ${s.count} | ${fmt((s.count / all.count) * 100)} % | ${fmt(s.count / seconds)} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${fmt(s.max)} | ${s.errors} | ${met} |`,
    );
  }
  console.log("");
  console.log(
    `Duration ${fmt(seconds)} s; ${all.count} requests in ${steps} steps (a check-in step is the scan and the desk's count refresh).`,
  );
  console.log(
    THINK_MS > 0
      ? `Rate: offered ${fmt(offered)} req/s if the server answered at once (${CLIENTS} clients / ${THINK_MS} ms mean think time), achieved ${fmt(achieved)} req/s (${fmt((achieved / offered) * 100, 0)} % of it; a client waits for each answer before it thinks again).`
      : `Rate: no think time, so this is saturation: ${CLIENTS} clients sent ${fmt(achieved)} req/s.`,
  );
  console.log(
    `Server CPU: ${fmt(cpu, 1)} s over ${fmt(seconds)} s (${fmt((cpu / seconds) * 100, 0)} % of one core); load average at the end ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")} on ${os.availableParallelism()} cores.`,
  );
  if (all.retried)
    console.log(
      `${all.retried} requests were sent again after the server closed an idle keep-alive connection as it was reused (as a browser does); their time includes both tries.`,
    );
  const change = (rssEnd - rssStart) / rssStart;
  console.log(
    `Server memory (VmRSS of node server.mjs, pid ${server.pid}, and its server processes): start ${mb(rssStart)} (after the warm-up: ${warm.pages} page addresses with their prefetches and ${warm.assets} static files loaded once, every form saved once, ${warm.preregistered} registrations${WARM_SECONDS > 0 ? `, then ${WARM_SECONDS} s of traffic` : ""}), end ${mb(rssEnd)} (${change >= 0 ? "+" : ""}${fmt(change * 100)} %), peak ${mb(memory.peak)}.`,
  );
  if (memory.trend.length)
    console.log(`  trend: ${memory.trend.map((t) => `${t.at} s ${mb(t.rss)}`).join(", ")}`);
  const lowChange = (memory.low - rssStart) / rssStart;
  console.log(
    `  lowest over the last ${memory.window} s: ${mb(memory.low)} (${lowChange >= 0 ? "+" : ""}${fmt(lowChange * 100)} % of the start); the heap grows and shrinks with each major collection, so the low points show a leak better than one sample.`,
  );
  const sources = Object.entries(pageSources)
    .filter(([sub]) => sub !== "asset")
    .map(
      ([sub, f]) =>
        `${sub === "prefetch" ? "prefetches" : "documents"} ${fmt((f.copy / f.total) * 100, 0)} % from server.mjs's page copies, ${fmt((f.rendered / f.total) * 100, 0)} % rendered on demand (x-nextjs-cache: MISS)`,
    );
  if (sources.length) console.log(`Browsing: ${sources.join("; ")}.`);
  console.log(
    `Edits accepted: ${tally.edits.agenda} agenda drafts (over ${warm.sessions} sessions; ${warm.refused} left out, their plain save needs a conflict acknowledged), ${tally.edits.speaker} speaker biographies, ${tally.edits.quote} quote translations.`,
  );
  console.log(
    `Database: ${db.total} registrations, all confirmed; ${db.checkIns} check-ins, as answered; ${db.edited} edited objects hold their last saved value.`,
  );

  for (const kind of ["browse", "register", "checkin", "edit"]) {
    const samples = [...stats.get(kind).samples];
    if (!samples.length) continue;
    console.log(`Errors, ${kind}:`);
    for (const [message, { count, example }] of samples.slice(0, 5))
      console.log(`  ${count} × ${message} — e.g. ${example}`);
  }

  const verdicts = [
    ["no errors", all.errors === 0, `${all.errors} errors`],
    ...targetRows.map(({ kind, s, met }) => [
      `p99 < ${TARGET_P99_MS} ms, ${kind}`,
      met,
      `${fmt(s.p99)} ms`,
    ]),
    [
      `memory at the end within ${TARGET_RSS_CHANGE * 100} % of the start`,
      Math.abs(change) <= TARGET_RSS_CHANGE,
      `${change >= 0 ? "+" : ""}${fmt(change * 100)} %`,
    ],
  ];
  console.log("");
  for (const [name, ok, figure] of verdicts)
    console.log(`${ok ? "PASS" : "FAIL"}  ${name}: ${figure}`);
  return verdicts.every(([, ok]) => ok);
}

// --- main -----------------------------------------------------------------------------------------

async function main() {
  console.log(
    `Soak: ${SECONDS} s, ${CLIENTS} clients, think time exponential with mean ${THINK_MS} ms; mix ${Object.entries(
      MIX,
    )
      .map(([k, v]) => `${k} ${v} %`)
      .join(", ")} ` +
      `(node ${process.version}, ${os.availableParallelism()} cores, load average ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(" ")}).`,
  );
  if ((os.loadavg()[0] ?? 0) > 1.5)
    console.log(
      "Note: the machine is busy (load average above 1.5); the latencies include waiting for the CPU.",
    );
  fs.mkdirSync(path.dirname(DB), { recursive: true });
  server = await startProductionServer({
    port: PORT,
    db: DB,
    distDir: DIST_DIR,
    skipBuild: SKIP_BUILD,
    runDir: RUN_DIR,
    portMustBeFree: true,
    setup: createUsers,
    nodeArgs: (process.env.SOAK_SERVER_ARGS || "").split(" ").filter(Boolean),
    env: {
      TRUST_PROXY: "1",
      FORUM_CAPACITY: "1000000",
      // A load test: registrations are confirmed at once (open mode), without the hourly limit.
      REGISTRATION_MODE: "open",
      REGISTRATIONS_PER_HOUR: "1000000",
      TICKET_SECRET,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    },
  });
  console.log(
    `Server ready on ${server.url} (pid ${server.pid}, build ${DIST_DIR}${SKIP_BUILD ? " reused" : ""}, served from a copy in ${RUN_DIR}).`,
  );
  ids = actionIds(RUN_DIR);

  const agent = clientAgent();
  site = { ...(await publicPages(server.url, agent)), assets: [] };
  for (let i = 0; i < STAFF; i++) {
    const jar = new CookieJar();
    await signIn(server.url, agent, jar, {
      email: `soak-staff-${i}@forum.test`,
      password: PASSWORD,
    });
    staff.push({ jar });
  }
  for (let i = 0; i < ORGANIZERS; i++) {
    const jar = new CookieJar();
    await signIn(server.url, agent, jar, {
      email: `soak-organizer-${i}@forum.test`,
      password: PASSWORD,
    });
    organizers.push({ jar, locale: i % 2 ? "zh-CN" : "en" });
  }
  agent.destroy();
  console.log(
    `Signed in ${STAFF} staff and ${ORGANIZERS} organizers (Auth.js credentials); warming up…`,
  );
  const warm = await warmUp();
  if (WARM_SECONDS > 0) {
    // The same traffic, not counted: the pages it regenerates, Next's caches and the heap reach
    // their working size, so that memory measured from here on shows a leak rather than that.
    console.log(`Warm-up done; server RSS ${mb(rss(server.pid))}. ${WARM_SECONDS} s of the same traffic, not counted…`);
    const until = performance.now() + WARM_SECONDS * 1000;
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i, until)));
    const all = stats.get("all");
    if (all.errors)
      failures.push(`Traffic warm-up: ${all.errors} of ${all.times.length} requests failed: ${JSON.stringify([...all.samples])}`);
    stats.kinds.clear();
    for (const key of Object.keys(pageSources)) delete pageSources[key];
    tally.edits = { agenda: 0, speaker: 0, quote: 0 };
  }

  const rssStart = rss(server.pid);
  const cpuStart = cpuSeconds(server.pid);
  const memory = memoryWatch(server.pid, Math.max(10, Math.round(SECONDS / 10)));
  console.log(`${WARM_SECONDS > 0 ? "Traffic warm-up" : "Warm-up"} done; server RSS ${mb(rssStart)}. Running ${SECONDS} s…`);
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i, started + SECONDS * 1000)));
  const seconds = (performance.now() - started) / 1000;
  const rssEnd = rss(server.pid);
  const cpu = cpuSeconds(server.pid) - cpuStart;
  const mem = memory.stop();

  const edited = await readBack();
  server.stop();
  await server.exited;
  const db = checkDatabase(warm);
  if (!edited) failures.push("No edit was accepted: nothing to read back.");
  const met = report({ seconds, rssStart, rssEnd, memory: mem, cpu, warm, db });
  if (failures.length) {
    console.error(`\nChecks FAILED:\n  ${failures.join("\n  ")}`);
    return false;
  }
  console.log("Read-back and database checks hold.");
  return met;
}

await runWithServer(
  "The soak benchmark",
  async () => ((await main()) ? 0 : 1),
  () => server,
);
