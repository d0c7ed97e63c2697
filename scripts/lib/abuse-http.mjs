// @ts-check
// Sending one abuse case and judging its answer: the status it must have, the leaks it must not.
import http from "node:http";
import { actionResult } from "./next-client.mjs";

const TIMEOUT_MS = 30_000;
let clientNumber = 0;

/** A client address of its own for every request (the server trusts X-Forwarded-For here). */
function nextClient() {
  clientNumber += 1;
  return `10.${(clientNumber >> 16) & 255}.${(clientNumber >> 8) & 255}.${clientNumber & 255}`;
}

/**
 * @typedef {object} Exchanged
 * @property {number} status
 * @property {Headers} headers
 * @property {Buffer} body
 * @property {boolean} cut whether the answer's body was cut short
 * @property {undefined} [error]
 */
/** @typedef {Exchanged & { redirects: Array<{ status: number, location: string }>, path: string }} AbuseResponse */
/** @typedef {{ error: string }} NoAnswer */

/**
 * One HTTP exchange. Not the scripts' shared client (http-client.mjs), which sends a body in one
 * write: a server may answer a large upload early (413) and close, and a client that wrote the
 * whole body then sees only its failed write, while this writes in pieces and still reads the
 * answer that came back; it also streams bodies and tells a cut answer from a whole one.
 * @param {string} url
 * @param {{ method: string, headers: Record<string, string>, body: Buffer | ReadableStream<Uint8Array> | undefined }} request
 * @returns {Promise<Exchanged | NoAnswer>}
 */
function exchange(url, { method, headers, body }) {
  return new Promise((resolve) => {
    let answered = false;
    // Keep-alive, as a browser asks (a server that was told "Connection: close" closes at once, even
    // on a body it has not read); but a connection of its own, never reused by the next case.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const request = http.request(url, { method, headers, timeout: TIMEOUT_MS, agent }, (response) => {
      answered = true;
      /** @type {Buffer[]} */
      const chunks = [];
      /** @param {boolean} cut */
      const done = (cut) => {
        agent.destroy();
        resolve({ status: response.statusCode ?? 0, headers: toHeaders(response.headers), body: Buffer.concat(chunks), cut });
      };
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => done(false));
      response.on("error", () => done(true));
      response.on("aborted", () => done(true));
    });
    request.on("timeout", () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    request.on("error", (/** @type {NodeJS.ErrnoException} */ error) => {
      if (answered) return;
      agent.destroy();
      resolve({ error: error.code ?? error.message });
    });
    writeInPieces(request, body, () => answered);
  });
}

/**
 * Writes a body 64 KB at a time, letting the answer in between, and stops once it has come: as
 * curl does, so that an early 413 is read rather than lost to the reset of a write into a socket
 * the server has closed.
 * @param {http.ClientRequest} request
 * @param {Buffer | ReadableStream<Uint8Array> | undefined} body
 * @param {() => boolean} answered
 */
async function writeInPieces(request, body, answered) {
  const piece = 64 * 1024;
  async function* pieces() {
    if (body instanceof ReadableStream) yield* /** @type {AsyncIterable<Uint8Array>} */ (/** @type {unknown} */ (body));
    else for (let at = 0; body && at < body.length; at += piece) yield body.subarray(at, at + piece);
  }
  try {
    for await (const chunk of pieces()) {
      if (answered() || request.destroyed) break;
      if (!request.write(chunk)) await new Promise((resolve) => request.once("drain", resolve));
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (!request.destroyed) request.end();
  } catch {
    // The server closed the connection: the answer, if any, is read by the response handler.
  }
}

/** @param {http.IncomingHttpHeaders} raw */
function toHeaders(raw) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) headers.append(name, v);
  }
  return headers;
}

/**
 * @param {Exchanged | AbuseResponse | NoAnswer} response
 * @returns {response is NoAnswer}
 */
export function noAnswer(response) {
  return typeof response.error === "string";
}

/**
 * Sends a case's request. Returns { status, headers, body, redirects, path } or { error } when no
 * answer came (refused connection, reset before any answer, timeout): a server that hangs up
 * instead of answering falls short.
 * @param {string} base
 * @param {import("./abuse-common.mjs").AbuseRequest} request
 * @returns {Promise<AbuseResponse | NoAnswer>}
 */
export async function send(base, request) {
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [name, value] of Object.entries({ "x-forwarded-for": nextClient(), ...request.headers })) {
    if (value !== undefined) headers[name] = value;
  }
  if (request.cookie) headers.cookie = request.cookie;
  const body = typeof request.body === "string" ? Buffer.from(request.body) : request.body;
  if (Buffer.isBuffer(body)) headers["content-length"] = String(body.length);
  const method = request.method ?? "GET";
  /** @type {AbuseResponse["redirects"]} */
  const redirects = [];
  let path = request.path;
  for (;;) {
    const response = await exchange(base + path, { method, headers, body });
    if (noAnswer(response)) return response;
    const location = response.headers.get("location");
    // A GET sent elsewhere on this site (the proxy adds the language, or sends a visitor without
    // a session to sign in) is judged by where it ends.
    if (method === "GET" && response.status >= 300 && response.status < 400 && location && redirects.length < 3) {
      const next = new URL(location, base + path);
      if (next.origin === new URL(base).origin) {
        redirects.push({ status: response.status, location: next.pathname + next.search });
        path = next.pathname + next.search;
        continue;
      }
    }
    return { ...response, redirects, path };
  }
}

const root = process.cwd();

/**
 * What in a body gives away the server's insides: stack frames, file paths on the server, error
 * names with a trace, and the messages of the database and validation libraries.
 */
/** @type {Array<[string, RegExp]>} */
const LEAKS = [
  ["a stack frame", /\bat (?:async )?[\w$.<>[\] ]*\(?(?:\/|file:|node:|\.next)[^\s)]*:\d+:\d+\)?/],
  ["a stack frame", /\n\s+at [^\n]+:\d+:\d+/],
  ["a server file path", new RegExp(`${escape(root)}|/work/|node_modules/|\\.next[\\w-]*/server/`)],
  ["an error with its trace", /\b\w*Error: [^\n]*\n\s+at /],
  ["a database error", /SQLITE_[A-Z]+|SqliteError|better-sqlite3/],
  ["a validation library's error", /ZodError|"code":\s*"invalid_(?:type|union|value)"/],
  ["a Next.js internal error", /Invariant:|Failed to find Server Action|ignore-listed frames/],
];

/** @param {string} text */
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The first leak found in a body, or null. Binary answers (PDF, XLSX, images) are not searched.
 * @param {{ headers?: Headers, body: Buffer }} response
 */
export function leakIn(response) {
  const type = response.headers?.get("content-type") ?? "";
  if (/^(?:application\/(?:pdf|vnd\.openxml)|image\/)/.test(type)) return null;
  const text = response.body.toString("utf8");
  for (const [what, pattern] of LEAKS) {
    const match = pattern.exec(text);
    if (match) return `${what}: ${JSON.stringify(match[0].slice(0, 120))}`;
  }
  return null;
}

/**
 * A form's answer that says what was wrong instead of doing anything.
 * @param {unknown} value an action's result
 */
export function isErrorState(value) {
  if (!value || typeof value !== "object") return false;
  const result = /** @type {{ errors?: unknown, error?: unknown, refusal?: unknown, notFound?: unknown, nothing?: unknown }} */ (value);
  if (result.errors && typeof result.errors === "object" && Object.values(result.errors).some(Boolean)) return true;
  if (typeof result.error === "string") return true;
  return Boolean(result.refusal || result.notFound === true || result.nothing === true);
}

/**
 * Judges one answer against what the case expects:
 * - "refused": a 4xx;
 * - "form": a Server Action's form answering with its error state (200), the form's own UX;
 * - { answer, check }: a 200 whose body says the request was refused (check(body) is true).
 * Whatever the expectation, a 5xx, a missing answer or a leak falls short.
 * A GET that the proxy sends to the sign-in page (a console address without a session cookie) is
 * refused too, the browser's way. Returns { ok, kind, rule? }, kind "4xx" | "form" | "answer" | "signin".
 * @param {import("./abuse-common.mjs").Expectation} expect
 * @param {AbuseResponse | NoAnswer} response
 * @returns {{ ok: true, kind: "4xx" | "form" | "answer" | "signin" } | { ok: false, rule: string, kind?: undefined }}
 */
export function judge(expect, response) {
  if (noAnswer(response)) return { ok: false, rule: `no answer (${response.error})` };
  const via = response.redirects?.length ? `${response.redirects.map((r) => `${r.status} → ${shorten(r.location, 60)}`).join(", ")}, then ` : "";
  const { status } = response;
  const leak = leakIn(response);
  if (leak) return { ok: false, rule: `${via}HTTP ${status} leaks ${leak}` };
  if (status >= 500) return { ok: false, rule: `${via}HTTP ${status}: a server error, not a refusal` };
  if (status >= 400 && status < 500) return { ok: true, kind: "4xx" };
  if (via && status === 200 && /^\/(?:en|zh-CN)\/sign-in(?:\?|$)/.test(response.path)) return { ok: true, kind: "signin" };
  if (expect === "form") {
    if (status !== 200) return { ok: false, rule: `HTTP ${status}: neither a 4xx nor the form's error state` };
    if (response.headers.get("x-action-redirect")) {
      return { ok: false, rule: `accepted: the action redirected to ${shorten(response.headers.get("x-action-redirect") ?? "", 80)}` };
    }
    const result = actionResult(response.body);
    if (isErrorState(result)) return { ok: true, kind: "form" };
    return { ok: false, rule: `HTTP 200 without the form's error state: ${shorten(JSON.stringify(result) ?? "no action result", 200)}` };
  }
  if (typeof expect === "object") {
    let refusedInBody = false;
    try {
      refusedInBody = status === 200 && expect.check(response.body.toString("utf8"));
    } catch {
      // Not the answer expected (not even JSON): falls short below.
    }
    if (refusedInBody) return { ok: true, kind: "answer" };
    return { ok: false, rule: `${via}HTTP ${status}: expected a 4xx or ${expect.answer}` };
  }
  const where = response.headers.get("location") ?? response.headers.get("x-action-redirect");
  return { ok: false, rule: `${via}HTTP ${status}${where ? ` → ${shorten(where, 80)}` : ""}: expected a 4xx` };
}

/**
 * For the report: a long path or body cut to its first characters.
 * @param {unknown} text
 */
export function shorten(text, max = 100) {
  const flat = String(text).replace(/\s+/g, " ");
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
