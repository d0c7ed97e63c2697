// @ts-check
// `npm run test:drain`: does the production server finish what it started when it is told to stop?
// Starts server.mjs, puts 20 requests in flight (registrations whose bodies arrive slowly over a
// second, and dynamic pages: tickets, the registration form), holds one idle keep-alive
// connection, then sends SIGTERM to the node process. Every request must get its full answer
// (201 with a code that is then in the database, 200 with the whole page), a new connection must be
// refused, the idle connection closed at once, and the process must exit with code 0 soon after
// the last answer (well within the server's 10 s limit). Exits 1 otherwise. The server runs as
// it does under `npm start`: one process per core unless WEB_CONCURRENCY says otherwise.
//
// Environment: DRAIN_ROUNDS (3), DRAIN_PORT (3401), DRAIN_DB (data/drain.db, deleted first).
// SKIP_BUILD=1 reuses the build in NEXT_DIST_DIR; otherwise it builds once into NEXT_DIST_DIR
// (default .next-durability, shared with the durability test).
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { reportChecks } from "./lib/checks.mjs";
import { fetchOnce } from "./lib/http-client.mjs";
import { startProductionServer } from "./lib/prod-server.mjs";
import { positiveInteger, runWithServer } from "./lib/script-env.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);


const ROUNDS = positiveInteger("DRAIN_ROUNDS", 3);
const PORT = positiveInteger("DRAIN_PORT", 3401);
const DB = process.env.DRAIN_DB || "data/drain.db";
const SKIP_BUILD = process.env.SKIP_BUILD === "1";
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-durability";
const SLOW_POSTS = 8;
const PAGES = 12;
const BODY_CHUNKS = 4;
const CHUNK_GAP_MS = 250;
/** server.mjs forces its exit after 10 s; a clean drain of these requests takes far less. */
const EXIT_LIMIT_MS = 10_000;
/** "Soon after" the last answer: less than the 5 s an idle keep-alive connection is kept open. */
const EXIT_AFTER_LAST_ANSWER_MS = 2_000;
const API = "/api/v1/registrations";

const serverOptions = {
  port: PORT,
  db: DB,
  distDir: DIST_DIR,
  skipBuild: true,
  freshDb: false,
  env: { TRUST_PROXY: "1", RATE_LIMIT_PER_MINUTE: "1000000", REGISTRATION_MODE: "open", REGISTRATIONS_PER_HOUR: "1000000" },
};
const runId = crypto.randomBytes(3).toString("hex");
/** @type {import("./lib/prod-server.mjs").ProductionServer | null} */
let server = null;

// Not the scripts' shared HTTP client (lib/http-client.mjs): these requests arrive slowly on
// purpose (a body in pieces, a request line without its headers, raw sockets), to be in flight at
// the moment of SIGTERM, and whether an answer came whole is what is judged.

/**
 * What came back: `status: 0` with the error when the connection failed or was cut.
 * @typedef {{ status: number, headers?: Record<string, string | string[] | undefined>, body?: string, complete?: boolean, at?: number, error?: string }} Raw
 */

/** @param {unknown} error */
const codeOf = (error) => {
  const e = /** @type {NodeJS.ErrnoException} */ (error);
  return e.code || e.message;
};

/**
 * Reads a whole answer.
 * @param {http.ClientRequest} req
 * @param {number} started
 * @returns {Promise<Raw & { at: number }>}
 */
function collect(req, started) {
  return new Promise((resolve) => {
    req.on("response", (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          complete: res.complete,
          at: performance.now() - started,
        }),
      );
      res.on("error", (error) => resolve({ status: 0, error: codeOf(error), at: performance.now() - started }));
    });
    req.on("error", (error) => resolve({ status: 0, error: codeOf(error), at: performance.now() - started }));
  });
}

/**
 * A registration whose JSON body is sent in BODY_CHUNKS pieces, CHUNK_GAP_MS apart.
 * @param {string} email
 * @param {number} started
 * @param {http.Agent | false} [agent]
 */
function slowRegistration(email, started, agent = false) {
  const payload = Buffer.from(
    JSON.stringify({
      fullName: "Drain Test",
      email,
      organisation: "Org",
      jobTitle: "Job",
      category: "media",
      days: ["2024-07-12"],
      consent: true,
    }),
  );
  const req = http.request({
    host: "127.0.0.1",
    port: PORT,
    method: "POST",
    path: API,
    agent,
    headers: {
      "content-type": "application/json",
      "content-length": payload.length,
      "x-forwarded-for": "10.9.0.1",
    },
  });
  const answer = collect(req, started);
  const size = Math.ceil(payload.length / BODY_CHUNKS);
  const sent = new Promise((resolve) =>
    req.once("socket", (socket) => socket.once("connect", resolve)),
  );
  (async () => {
    for (let i = 0; i < BODY_CHUNKS; i++) {
      const chunk = payload.subarray(i * size, (i + 1) * size);
      if (i === BODY_CHUNKS - 1) req.end(chunk);
      else {
        req.write(chunk);
        await sleep(CHUNK_GAP_MS);
      }
    }
  })();
  return { answer, connected: sent };
}

/**
 * @param {string} pathname
 * @param {number} started
 * @param {http.Agent | false} [agent]
 */
function get(pathname, started, agent = false) {
  const req = http.request({ host: "127.0.0.1", port: PORT, method: "GET", path: pathname, agent });
  const answer = collect(req, started);
  req.end();
  return answer;
}

/**
 * A raw HTTP/1.1 answer: status, headers and body (de-chunked), or the error.
 * @param {Buffer} raw
 * @returns {Raw}
 */
function parseRaw(raw) {
  const split = raw.indexOf("\r\n\r\n");
  if (split === -1)
    return {
      status: 0,
      error: raw.length ? "incomplete headers" : "no answer",
      body: "",
      complete: false,
    };
  const [statusLine = "", ...lines] = raw.subarray(0, split).toString("latin1").split("\r\n");
  const headers = Object.fromEntries(
    lines.map((line) => [
      line.slice(0, line.indexOf(":")).toLowerCase(),
      line.slice(line.indexOf(":") + 1).trim(),
    ]),
  );
  let body = raw.subarray(split + 4);
  let complete;
  if (/chunked/i.test(headers["transfer-encoding"] ?? "")) {
    /** @type {Buffer[]} */
    const parts = [];
    let at = 0;
    complete = false;
    for (;;) {
      const eol = body.indexOf("\r\n", at);
      if (eol === -1) break;
      const size = parseInt(body.subarray(at, eol).toString("latin1"), 16);
      if (size === 0) {
        complete = true;
        break;
      }
      parts.push(body.subarray(eol + 2, eol + 2 + size));
      at = eol + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  } else
    complete =
      headers["content-length"] !== undefined && body.length === Number(headers["content-length"]);
  return {
    status: Number(statusLine.split(" ")[1]),
    headers,
    body: body.toString("utf8"),
    complete,
  };
}

/**
 * A page whose request arrives in two parts: the request line now, the rest of the headers when
 * `rest` resolves. The server has the connection and a request under way in between.
 * @param {string} pathname
 * @param {Promise<unknown>} rest
 * @param {number} started
 * @returns {Promise<Raw & { at: number }>}
 */
function slowPage(pathname, rest, started) {
  return new Promise((resolve) => {
    const socket = net.connect(PORT, "127.0.0.1");
    /** @type {Buffer[]} */
    const chunks = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.once("connect", async () => {
      socket.write(`GET ${pathname} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\n`);
      await rest;
      socket.write("Accept: text/html\r\nConnection: close\r\n\r\n");
    });
    socket.once("error", (error) => resolve({ status: 0, error: codeOf(error), at: performance.now() - started }));
    socket.once("close", () =>
      resolve({ ...parseRaw(Buffer.concat(chunks)), at: performance.now() - started }),
    );
  });
}

/**
 * Resolves with "refused", "answered …" or the error, for a brand-new connection.
 * @returns {Promise<string>}
 */
function tryNewConnection() {
  return new Promise((resolve) => {
    const socket = net.connect(PORT, "127.0.0.1");
    socket.once("connect", () => {
      socket.end("GET /robots.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      let text = "";
      socket.on("data", (d) => (text += d));
      socket.once("close", () =>
        resolve(
          text ? `answered ${text.split("\r\n")[0]}` : "accepted, then closed without an answer",
        ),
      );
    });
    socket.once("error", (error) => resolve(codeOf(error) === "ECONNREFUSED" ? "refused" : codeOf(error)));
  });
}

/**
 * @param {number} n
 * @param {string} token
 */
async function round(n, token) {
  if (!server) throw new Error("No server to stop.");
  const running = server;
  /** @type {string[]} */
  const problems = [];
  const started = performance.now();
  // An idle keep-alive connection, as a browser leaves one: the server must close it, not wait.
  const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const first = await get("/robots.txt", started, keepAlive);
  const idleSocket = Object.values(keepAlive.freeSockets)[0]?.[0];
  if (first.status !== 200 || !idleSocket)
    problems.push("could not open an idle keep-alive connection");
  const idleClosed = new Promise((resolve) =>
    idleSocket?.once("close", () => resolve(performance.now() - started)),
  );
  const exitedAt = running.exited.then(() => performance.now() - started);

  const emails = Array.from(
    { length: SLOW_POSTS },
    (_, i) => `drain-${runId}-r${n}-${i}@example.test`,
  );
  // One of them on a keep-alive connection: once answered, that connection must not hold the exit.
  const postAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const posts = emails.map((email, i) =>
    slowRegistration(email, started, i === 0 ? postAgent : false),
  );
  await Promise.all(posts.map((p) => p.connected));
  /** @type {(value?: unknown) => void} */
  let sendRest = () => {};
  const rest = new Promise((resolve) => (sendRest = resolve));
  const pages = Array.from({ length: PAGES }, (_, i) => {
    const pathname = i % 2 ? "/en/register" : `/en/ticket/${token}`;
    return { path: pathname, answer: slowPage(pathname, rest, started) };
  });
  // Connections are accepted in order: once this one is answered, the server holds all the above.
  const probe = await get("/robots.txt", started);
  if (probe.status !== 200)
    problems.push(`the probe before SIGTERM got ${probe.status || probe.error}`);

  const settled = { posts: 0, pages: 0 };
  posts.forEach((p) => p.answer.then(() => settled.posts++));
  pages.forEach((p) => p.answer.then(() => settled.pages++));
  await sleep(0);
  const inFlight = SLOW_POSTS - settled.posts + PAGES - settled.pages;
  const termAt = performance.now() - started;
  process.kill(running.pid, "SIGTERM");
  await sleep(50);
  const newConnection = await tryNewConnection();
  await sleep(150);
  sendRest();

  const postAnswers = await Promise.all(posts.map((p) => p.answer));
  const pageAnswers = await Promise.all(pages.map((p) => p.answer));
  const lastAnswerAt = Math.max(...postAnswers.map((a) => a.at), ...pageAnswers.map((a) => a.at));
  const exit = await Promise.race([running.exited, sleep(EXIT_LIMIT_MS + 5_000).then(() => null)]);
  const exitAt = exit ? await exitedAt : Infinity;
  const idleClosedAt = await Promise.race([idleClosed, sleep(0).then(() => null)]);
  keepAlive.destroy();
  postAgent.destroy();

  /** @type {string[]} */
  const codes = [];
  postAnswers.forEach((a, i) => {
    const body = a.status === 201 ? safeJson(a.body ?? "") : undefined;
    if (a.status !== 201 || !a.complete || !body?.code)
      problems.push(`registration ${i + 1}: ${a.status || a.error} ${a.body?.slice(0, 100) ?? ""}`);
    else codes.push(body.code);
  });
  pageAnswers.forEach((a, i) => {
    const whole = a.status === 200 && a.complete && (a.body ?? "").trimEnd().endsWith("</html>");
    const length = Number(a.headers?.["content-length"] ?? NaN);
    if (!whole || (Number.isFinite(length) && Buffer.byteLength(a.body ?? "") !== length)) {
      problems.push(
        `${pages[i]?.path.slice(0, 24)}: ${a.status || a.error}, ${a.body?.length ?? 0} characters, complete ${a.complete}`,
      );
    }
  });
  if (inFlight === 0)
    problems.push("no request was in flight at SIGTERM: the round proves nothing");
  // With several server processes too: the first process owns the listening socket and closes it
  // at once.
  if (newConnection !== "refused")
    problems.push(`a new connection after SIGTERM was not refused: ${newConnection}`);
  if (!exit)
    problems.push(`the server had not exited ${(EXIT_LIMIT_MS + 5_000) / 1000} s after SIGTERM`);
  else if (exit.code !== 0)
    problems.push(`the server exited with ${exit.signal ?? `code ${exit.code}`}, not 0`);
  else if (exitAt - termAt >= EXIT_LIMIT_MS)
    problems.push(
      `exit took ${((exitAt - termAt) / 1000).toFixed(1)} s: the 10 s limit, not the drain, stopped it`,
    );
  else if (exitAt - lastAnswerAt > EXIT_AFTER_LAST_ANSWER_MS) {
    const kept = postAnswers[0]?.headers?.connection !== "close";
    problems.push(
      `the server exited ${((exitAt - lastAnswerAt) / 1000).toFixed(1)} s after the last answer` +
        (kept
          ? ": the keep-alive request under way at SIGTERM was answered without Connection: close, so its connection stayed open until the keep-alive timeout"
          : ": something kept it waiting"),
    );
  }

  if (idleClosedAt === null)
    problems.push("the idle keep-alive connection was still open when the server exited");

  const db = new Database(DB, { readonly: true, fileMustExist: true });
  const stored = /** @type {{ n: number }} */ (db
    .prepare(
      `select count(*) n from registrations where code in (${codes.map(() => "?").join(",") || "''"})`,
    )
    .get(...codes)).n;
  db.close();
  if (stored !== codes.length)
    problems.push(`${codes.length - stored} answered registrations are not in the database`);

  /** @param {Raw[]} list @param {number} status */
  const ok = (list, status) => list.filter((a) => a.status === status && a.complete).length;
  console.log(
    `round ${n}: SIGTERM at ${termAt.toFixed(0)} ms with ${inFlight} of ${SLOW_POSTS + PAGES} requests in flight | ` +
      `registrations 201 ${ok(postAnswers, 201)}/${SLOW_POSTS} (${stored} in the database), pages 200 ${ok(pageAnswers, 200)}/${PAGES} | ` +
      `new connection ${newConnection} | idle keep-alive closed ${idleClosedAt === null ? "no" : `${(idleClosedAt - termAt).toFixed(0)} ms after SIGTERM`} | ` +
      `last answer ${(lastAnswerAt - termAt).toFixed(0)} ms after SIGTERM, exit ${exit ? (exit.signal ?? `code ${exit.code}`) : "none"} ` +
      `${(exitAt - termAt).toFixed(0)} ms after SIGTERM`,
  );
  for (const problem of problems) console.log(`  FAIL ${problem}`);
  // Each answer in full, and 7 more: the idle connection opened, the probe answered, requests in
  // flight at SIGTERM, a new connection refused, a clean exit soon after the last answer, the idle
  // connection closed, every 201 in the database.
  return { failed: problems.length, checks: postAnswers.length + pageAnswers.length + 7 };
}

/**
 * @param {string} text
 * @returns {{ code?: string } | undefined}
 */
function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function main() {
  console.log(
    `Drain on SIGTERM: ${ROUNDS} rounds, port ${PORT}, database ${DB}, build ${DIST_DIR}${SKIP_BUILD ? " (reused)" : ""}.`,
  );
  fs.mkdirSync(path.dirname(path.resolve(DB)), { recursive: true });
  let failures = 0;
  let checks = 0;
  /** @type {string | null} */
  let token = null;
  for (let n = 1; n <= ROUNDS; n++) {
    server = await startProductionServer({
      ...serverOptions,
      ...(n === 1 ? { freshDb: true, skipBuild: SKIP_BUILD } : {}),
    });
    if (!token) {
      const res = await fetchOnce(`${server.url}${API}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          fullName: "Ticket Holder",
          email: `drain-${runId}@example.test`,
          organisation: "O",
          jobTitle: "J",
          category: "media",
          days: ["2024-07-11"],
          consent: true,
        }),
      });
      token = (await res.json()).manageToken;
    }
    // Warm: the first render of a page loads its code, which would make this round unlike a real stop.
    for (const p of ["/en/register", `/en/ticket/${token}`])
      await (await fetchOnce(server.url + p)).text();
    const result = await round(n, String(token));
    failures += result.failed;
    checks += result.checks;
  }
  console.log(
    failures === 0
      ? `Drain passed: ${ROUNDS} rounds, every request in flight answered in full, clean exits.`
      : `Drain FAILED: ${failures} problems.`,
  );
  reportChecks("Drain", { checks, failed: failures });
  return failures === 0 ? 0 : 1;
}

await runWithServer("Drain test", main, () => server);
