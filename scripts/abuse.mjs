// @ts-check
// npm run test:abuse: malformed and hostile requests against every route handler and every Server
// Action of the production server, on a fresh database. Each must be refused, none may answer 5xx
// or leak a stack trace, and the user data must be exactly as before. Prints what was tried and
// what fell short; exits 1 if anything did, or if a route or action has no cases.
//
// Refused means a 4xx, with three exceptions, each counted apart in the output:
// - a well-formed form post from our own page with garbage in its fields gets the form's error
//   state (HTTP 200 and the errors, the useActionState UX). Transport abuse (another site, no or a
//   forged session, the wrong role, 10 MB, broken bodies, wrong arguments) must still be a 4xx;
// - a few answers say "no" in a 200 by design: check-in of a forged ticket ({"outcome":"unknown"},
//   what the door screen shows), a search for SQL or a script (nothing matches: it was searched
//   for as text), Auth.js's session endpoint for a forged cookie (null);
// - a console address fetched without a session cookie is sent to the sign-in page (proxy.ts).
//
// Before the cases, the sign-in throttle is attacked on an account of its own
// (scripts/lib/abuse-signin.mjs): 200 parallel wrong passwords from one address must get at most 8
// checked, forged X-Forwarded-For entries must not get around the lock, and the account's owner
// must still sign in from another address.
//
// Environment: SKIP_BUILD=1 reuses the build in NEXT_DIST_DIR (default .next-abuse, built once
// otherwise); ABUSE_PORT (3600); ABUSE_DIR (data/abuse: the database, photos and server log);
// ABUSE_VERBOSE=1 prints every request with its answer.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import sharp from "sharp";
import { encode } from "@auth/core/jwt";
import { actionCases, actionSpecs, hostPage } from "./lib/abuse-actions.mjs";
import { reportChecks } from "./lib/checks.mjs";
import { positiveInteger } from "./lib/script-env.mjs";
import { EXCLUDED_COLUMNS, EXCLUDED_ROWS, EXCLUDED_TABLES, checksum, differences, snapshot } from "./lib/abuse-checksum.mjs";
import { judge, send, shorten } from "./lib/abuse-http.mjs";
import { fetchOnce } from "./lib/http-client.mjs";
import { registrationProbes } from "./lib/abuse-registration.mjs";
import { routeCases, wrongMethodCases } from "./lib/abuse-routes.mjs";
import { BURST_EMAIL, ROLES, authSecret, registerAttendee, signIn, speakerPortalCookie, startServer, userEmail, PASSWORD } from "./lib/abuse-setup.mjs";
import { signInBurst } from "./lib/abuse-signin.mjs";
import { compareActions, routeTargets, sourceActions } from "./lib/abuse-targets.mjs";
import { builtActions } from "./lib/next-client.mjs";

/** @typedef {import("./lib/abuse-common.mjs").AbuseContext} AbuseContext */
/** @typedef {{ target: string, name: string, rule: string, why: string, request: string }} Shortfall */
/** @typedef {{ key: string, tried: number, short: number, "4xx": number, form: number, answer: number, signin: number }} Tally */

const port = positiveInteger("ABUSE_PORT", 3600);
const distDir = process.env.NEXT_DIST_DIR || ".next-abuse";
const skipBuild = process.env.SKIP_BUILD === "1";
const dir = path.resolve(process.env.ABUSE_DIR || "data/abuse");
const db = path.join(dir, "forum.db");
const logFile = path.join(dir, "server.log");
const runId = randomBytes(4).toString("hex");
// ABUSE_VERBOSE=1: one line per request, with its status.
const verbose = process.env.ABUSE_VERBOSE === "1";

if (skipBuild && !fs.existsSync(path.join(distDir, "BUILD_ID"))) {
  console.error(`SKIP_BUILD=1 but ${distDir} holds no build: run once without it.`);
  process.exit(1);
}
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });

console.log(`Starting the production server on port ${port} (${skipBuild ? `build in ${distDir}` : `building into ${distDir}`}), database ${path.relative(process.cwd(), db)}…`);
const server = await startServer({ port, db, distDir, skipBuild, logFile });
let exitCode = 1;
try {
  exitCode = await main(server);
} finally {
  server.stop();
}
process.exit(exitCode);

/**
 * Facts of the fresh database the cases need: ids, slugs, revisions, users.
 * @param {string} attendeeCode
 */
function readFixtures(attendeeCode) {
  const sqlite = new Database(db, { readonly: true });
  try {
    /**
     * The first row a fixture query finds; the seed has one, or the run cannot go on.
     * @param {string} sql
     * @param {unknown[]} params
     */
    const one = (sql, ...params) => {
      const row = /** @type {Record<string, unknown> | undefined} */ (sqlite.prepare(sql).get(...params));
      if (!row) throw new Error(`The fresh database has no row for: ${sql}`);
      return row;
    };
    /** @param {string} sql @param {unknown[]} params */
    const id = (sql, ...params) => Number(one(sql, ...params).id);
    /** @param {string} role */
    const user = (role) => {
      const row = one("SELECT id, email, session_version AS sv FROM users WHERE email = ?", userEmail(role));
      return { id: Number(row.id), email: String(row.email), sv: Number(row.sv) };
    };
    const users = { admin: user("admin"), organizer: user("organizer"), staff: user("staff") };
    const session = one("SELECT id, slug, version FROM sessions WHERE status = 'published' ORDER BY id LIMIT 1");
    // A person of the program: a real person named in a source has no calendar and no session.
    const speaker = one("SELECT id, slug FROM speakers WHERE listed = 1 AND source_id IS NULL ORDER BY id LIMIT 1");
    return {
      users,
      sessionId: Number(session.id),
      sessionSlug: String(session.slug),
      sessionRevision: Number(session.version),
      seatLimitedSessionId: id("SELECT id FROM sessions WHERE seat_limit IS NOT NULL AND status = 'published' ORDER BY id LIMIT 1"),
      speakerId: Number(speaker.id),
      // A published session the portal's speaker is not on: theirs to leave alone.
      foreignSessionId: id("SELECT id FROM sessions WHERE status = 'published' AND id NOT IN (SELECT session_id FROM session_speakers WHERE speaker_id = ?) ORDER BY id LIMIT 1", speaker.id),
      speakerSlug: String(speaker.slug),
      quoteId: id("SELECT id FROM quotes ORDER BY id LIMIT 1"),
      sourceId: id("SELECT id FROM sources ORDER BY id LIMIT 1"),
      topicId: id("SELECT id FROM topics ORDER BY id LIMIT 1"),
      roomId: id("SELECT id FROM rooms ORDER BY id LIMIT 1"),
      attendeeId: id("SELECT id FROM registrations WHERE code = ?", attendeeCode),
    };
  } finally {
    sqlite.close();
  }
}

/**
 * Session cookies the console must not believe. Auth.js sessions are JWTs encrypted with
 * AUTH_SECRET (which this run sets), so besides garbage and tampering, the run can mint real ones
 * that are expired, of an older session version (a reset password), or of no user.
 * @param {{ id: number, sv: number }} admin
 * @param {string} adminCookie
 * @returns {Promise<AbuseContext["forgedSessions"]>}
 */
async function forgedSessions(admin, adminCookie) {
  const salt = "authjs.session-token";
  /** @param {Record<string, unknown>} token @param {number} maxAge */
  const mint = async (token, maxAge) => `${salt}=${await encode({ token, secret: authSecret, salt, maxAge })}`;
  const value = adminCookie.slice(adminCookie.indexOf("=") + 1);
  const middle = Math.floor(value.length / 2);
  const tampered = `${salt}=${value.slice(0, middle)}${value[middle] === "A" ? "B" : "A"}${value.slice(middle + 1)}`;
  return [
    { name: "no session cookie", rule: "no session", cookie: undefined },
    { name: "a garbage session cookie", rule: "forged session", cookie: `${salt}=garbage` },
    { name: "an unsigned JWT as the session (alg: none)", rule: "forged session", cookie: `${salt}=eyJhbGciOiJub25lIn0.eyJ1aWQiOjEsInN2IjoxfQ.` },
    { name: "the admin's session cookie with one character changed", rule: "forged session", cookie: tampered },
    { name: "an admin session that expired an hour ago", rule: "expired session", cookie: await mint({ uid: admin.id, sv: admin.sv, sub: String(admin.id) }, -3600) },
    { name: "an admin session of an earlier password (old session version)", rule: "expired session", cookie: await mint({ uid: admin.id, sv: admin.sv + 7, sub: String(admin.id) }, 3600) },
    { name: "a session of a user who does not exist", rule: "forged session", cookie: await mint({ uid: 999999, sv: 1, sub: "999999" }, 3600) },
  ];
}

/**
 * A fresh CSRF token and its cookie, for the Auth.js endpoint's cases.
 * @param {string} url
 */
async function csrf(url) {
  const response = await fetchOnce(`${url}/api/auth/csrf`, { headers: { "x-forwarded-for": "10.9.2.1" } });
  const { csrfToken } = await response.json();
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { csrfToken, cookie };
}

/** @param {import("./lib/prod-server.mjs").ProductionServer} server */
async function main({ url, child }) {
  const crashed = () => child.exitCode !== null || child.signalCode !== null;
  // What there is to cover, from the code and the build.
  const routes = routeTargets("app");
  const built = builtActions(distDir);
  const stale = compareActions(sourceActions(), built);
  if (stale.missingFromBuild.length) {
    console.error(`The build in ${distDir} lacks Server Actions the source has (${stale.missingFromBuild.join(", ")}): build again.`);
    return 1;
  }

  /** @type {Record<string, string>} */
  const cookies = {};
  for (const role of ROLES) cookies[role] = await signIn(url, role);
  const registered = await registerAttendee(url);
  const { attendeeId, ...facts } = readFixtures(registered.code);
  cookies.speaker = speakerPortalCookie(db, facts.speakerId);
  const attendee = { ...registered, id: attendeeId };
  let emails = 0;
  /** @type {AbuseContext} */
  const ctx = {
    url,
    cookies,
    attendee,
    ...facts,
    password: PASSWORD,
    forgedSessions: await forgedSessions(facts.users.admin, cookies.admin ?? ""),
    authForm: { ...(await csrf(url)), email: userEmail("admin"), password: PASSWORD },
    png: await sharp({ create: { width: 64, height: 64, channels: 3, background: "#3366cc" } }).png().toBuffer(),
    sentinel: `abuse-traversal-${runId}`,
    uniqueEmail: () => `abuse-${runId}-${(emails += 1)}@abuse.test`,
  };

  // Every target and its cases; targets without cases are named and fail the run.
  const uncovered = [];
  const routeTable = routeCases(ctx);
  const targets = [];
  for (const route of routes) {
    const make = routeTable[route.key];
    if (!make) uncovered.push(`${route.key} (${route.file})`);
    else targets.push({ key: route.key, kind: "route", cases: make() });
  }
  for (const key of Object.keys(routeTable)) {
    if (!routes.some((r) => r.key === key)) uncovered.push(`${key}: cases for a route that no longer exists (scripts/lib/abuse-routes.mjs)`);
  }
  for (const pattern of [...new Set(routes.map((r) => r.pattern))]) {
    const methods = routes.filter((r) => r.pattern === pattern).map((r) => r.method);
    targets.push({ key: `other methods of ${pattern}`, kind: "route", cases: wrongMethodCases(pattern, methods, ctx) });
  }
  const specs = actionSpecs(ctx);
  for (const action of built) {
    const spec = specs[action.key];
    if (!spec) {
      uncovered.push(`Server Action ${action.key}`);
      continue;
    }
    const page = hostPage(action.workers, ctx);
    targets.push({ key: `action ${action.name} (${path.dirname(action.file).replace(/^app/, "")})`, kind: "action", cases: await actionCases(spec, { ...action, page }, ctx) });
  }
  for (const key of Object.keys(specs)) {
    if (!built.some((a) => a.key === key)) uncovered.push(`${key}: cases for a Server Action that no longer exists (scripts/lib/abuse-actions.mjs)`);
  }

  // Before the snapshot: the burst writes sign-in attempts and, for the owner, a console session.
  const burst = await signInBurst(url, { email: BURST_EMAIL, password: PASSWORD });

  const skip = [logFile];
  const before = snapshot(db, skip);
  let baseline = before;
  /** @type {Tally[]} */
  const results = [];
  /** @type {Shortfall[]} */
  const shortfalls = burst.shortfalls.map((s) => ({ target: "sign-in throttle", name: s.name, rule: "sign-in throttle", why: s.why, request: "POST /api/auth/callback/credentials" }));
  let stopped = false;
  /** @type {Map<string, number>} */
  const answers = new Map();
  for (const target of targets) {
    /** @type {Tally} */
    const tally = { key: target.key, tried: 0, short: 0, "4xx": 0, form: 0, answer: 0, signin: 0 };
    for (const c of target.cases) {
      const response = await send(url, c.request);
      const verdict = judge(c.expect, response);
      if (verbose) console.log(`  ${verdict.ok ? "ok" : "SHORT"} ${"status" in response ? response.status : response.error} ${verdict.kind ?? ""} ${target.key} — ${c.name}`);
      tally.tried += 1;
      if (verdict.kind === "answer" && typeof c.expect === "object") answers.set(c.expect.answer, (answers.get(c.expect.answer) ?? 0) + 1);
      if (verdict.ok) tally[verdict.kind] += 1;
      else {
        tally.short += 1;
        shortfalls.push({ target: target.key, name: c.name, rule: c.rule, why: verdict.rule, request: `${c.request.method ?? "GET"} ${shorten(c.request.path, 80)}` });
      }
      if (crashed()) {
        shortfalls.push({ target: target.key, name: c.name, rule: c.rule, why: "the server stopped (crashed) after this request", request: c.request.path });
        stopped = true;
        break;
      }
    }
    // Whatever changed in the data since the last target, this target's requests changed it.
    const now = snapshot(db, skip);
    const changed = differences(baseline, now);
    if (changed.length) {
      tally.short += 1;
      shortfalls.push({ target: target.key, name: "the data after this target's requests", rule: "data changed", why: changed.join("; "), request: "" });
      baseline = now;
    }
    results.push(tally);
    if (stopped) break;
  }

  // A photo named to climb out of the uploads folder must not have been written anywhere it points.
  const escaped = [dir, path.join(dir, "uploads"), process.cwd(), "/tmp", "/"]
    .flatMap((base) => [path.join(base, `${ctx.sentinel}.png`), path.join(path.dirname(base), `${ctx.sentinel}.png`)])
    .filter((file) => fs.existsSync(file));
  for (const file of escaped) shortfalls.push({ target: "POST /[locale]/admin/speakers/[id]/photo", name: "path traversal", rule: "path traversal", why: `a file was written at ${file}`, request: "" });

  const after = snapshot(db, skip);
  // Probes that register people on purpose: after the checksum, and judged on their own.
  const probes = stopped ? [] : await registrationProbes({ url, db, attendee: { ...attendee, email: "attendee@abuse.test" } });
  const probeTally = { key: "registration probes (duplicate, one-address flood)", tried: probes.length, short: 0, "4xx": 0, form: 0, answer: probes.length, signin: 0 };
  for (const p of probes) {
    if (p.ok) continue;
    probeTally.short += 1;
    probeTally.answer -= 1;
    shortfalls.push({ target: probeTally.key, name: p.name, rule: "registration abuse", why: p.why, request: "POST /api/v1/registrations" });
  }
  if (probes.length) results.push(probeTally);
  report({ url, routes, built, results, shortfalls, uncovered, before, after, answers, burst });
  const changed = checksum(before) !== checksum(after);
  // Every request; the data after each target; the traversal; each route and action has cases;
  // each finding of the sign-in burst.
  const checks = results.reduce((n, r) => n + r.tried + 1, 0) + 1 + routes.length + built.length + burst.lines.length;
  reportChecks("Abuse", { checks, failed: shortfalls.length + uncovered.length + (changed ? 1 : 0) });
  return shortfalls.length || uncovered.length || changed ? 1 : 0;
}

/**
 * @param {object} run
 * @param {string} run.url
 * @param {ReturnType<typeof routeTargets>} run.routes
 * @param {ReturnType<typeof builtActions>} run.built
 * @param {Tally[]} run.results
 * @param {Shortfall[]} run.shortfalls
 * @param {string[]} run.uncovered
 * @param {import("./lib/abuse-checksum.mjs").Snapshot} run.before
 * @param {import("./lib/abuse-checksum.mjs").Snapshot} run.after
 * @param {Map<string, number>} run.answers
 * @param {Awaited<ReturnType<typeof signInBurst>>} run.burst
 */
function report({ url, routes, built, results, shortfalls, uncovered, before, after, answers, burst }) {
  /** @param {"tried" | "4xx" | "form" | "answer" | "signin"} key */
  const total = (key) => results.reduce((sum, r) => sum + r[key], 0);
  const files = new Set(routes.map((r) => r.file)).size;
  console.log(`\nAbuse of the production server at ${url} (build ${distDir}).`);
  console.log(
    `Targets, read from the code and the build: ${routes.length} route handler methods in ${files} route.ts files, ${built.length} Server Actions` +
      (uncovered.length ? `; ${uncovered.length} without cases (listed at the end).` : "; every one has cases."),
  );
  console.log(`Checksum of the user data: every table of the database and every file beside it, except`);
  for (const [table, why] of Object.entries(EXCLUDED_TABLES)) console.log(`  - table ${table}: ${why}`);
  for (const [table, { columns, why }] of Object.entries(EXCLUDED_COLUMNS)) console.log(`  - ${table}.${columns.join(", ")}: ${why}`);
  for (const [table, { where, why }] of Object.entries(EXCLUDED_ROWS)) console.log(`  - ${table}: only its rows where ${where} count; ${why}`);

  console.log(`\nThe sign-in throttle (${burst.shortfalls.length ? "✗" : "✓"}):`);
  for (const line of burst.lines) console.log(`  ${line}`);

  console.log("\nPer target: requests tried, fell short; refused with a 4xx / by the form (200 + error state) / in the answer (200) / sent to sign in (GET)");
  const width = Math.max(...results.map((r) => r.key.length));
  for (const r of results) {
    const mark = r.short ? "✗" : "✓";
    const note = r.tried === 0 ? "   (nothing to send it but other methods: see \"other methods of\")" : "";
    console.log(`${mark} ${r.key.padEnd(width)}  ${String(r.tried).padStart(4)} tried  ${String(r.short).padStart(3)} short   ${r["4xx"]} / ${r.form} / ${r.answer} / ${r.signin}${note}`);
  }

  const byRule = new Map();
  for (const s of shortfalls) byRule.set(s.rule, (byRule.get(s.rule) ?? 0) + 1);
  if (shortfalls.length) {
    console.log(`\nFell short (${shortfalls.length}), by rule: ${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(", ")}`);
    for (const s of shortfalls) {
      console.log(`  ✗ ${s.target} — ${s.name} [${s.rule}]${s.request ? ` ${s.request}` : ""}\n      ${s.why}`);
    }
  }
  if (uncovered.length) {
    console.log(`\nWithout cases (${uncovered.length}): add them to scripts/lib/abuse-routes.mjs or abuse-actions.mjs.`);
    for (const u of uncovered) console.log(`  ✗ ${u}`);
  }
  const a = checksum(before);
  const b = checksum(after);
  console.log(`\nUser data checksum before: ${a}`);
  console.log(`User data checksum after:  ${b} ${a === b ? "(unchanged)" : `(CHANGED: ${differences(before, after).join("; ")})`}`);
  const requests = shortfalls.filter((s) => s.request).length;
  console.log(
    `\nRequests tried: ${total("tried")}. Fell short: ${requests} requests${shortfalls.length > requests ? `, and ${shortfalls.length - requests} changes to the data` : ""}. ` +
      `Refused with a 4xx: ${total("4xx")}; refused by the form (200 + error state): ${total("form")}; refused in the answer (200): ${total("answer")}; sent to the sign-in page: ${total("signin")}.`,
  );
  if (answers.size) console.log(`Refused in the answer: ${[...answers].map(([what, n]) => `${what} ×${n}`).join("; ")}.`);
}
