// @ts-check
// The one HTTP client of the scripts: node:http rather than fetch, because a benchmark must choose
// its connections (one keep-alive agent per simulated browser, or a connection per request) and
// time each request to its last byte, and a test must read whatever came back, never a rejection.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";

export const TIMEOUT_MS = 10_000;

/**
 * @typedef {object} RequestOptions
 * @property {string} [method] GET unless said
 * @property {string} path with its query string
 * @property {Record<string, string | number | undefined>} [headers]
 * @property {string | Buffer} [body] sent with its Content-Length
 * @property {http.Agent | false} [agent] false: a connection of its own (the default)
 * @property {number} [timeoutMs] idle time after which the request is given up (TIMEOUT_MS)
 * @property {boolean} [retryReset] retry once, on a new connection, when a reused keep-alive
 *   connection was closed by the server just as it was reused (what browsers do)
 */

/**
 * @typedef {object} Answer What came back: status 0 and `error` when no answer came at all.
 * @property {number} status
 * @property {http.IncomingHttpHeaders} headers
 * @property {Buffer} raw the body as sent (compressed if the server compressed it)
 * @property {number} bytes raw.length
 * @property {number} ms until the last byte, retries included
 * @property {string} [error] a Node error code (ECONNREFUSED, ECONNRESET, TIMEOUT) or message
 * @property {boolean} [reused] whether the failed request went over a reused connection
 * @property {boolean} retried
 */

/**
 * @param {string} base e.g. http://127.0.0.1:3200
 * @param {RequestOptions} options
 * @returns {Promise<Answer>}
 */
function once(base, { method = "GET", path, headers = {}, body, agent = false, timeoutMs = TIMEOUT_MS }) {
  const url = new URL(base);
  return new Promise((resolve) => {
    const started = performance.now();
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
    /** @type {Record<string, string | number>} */
    const sent = {};
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) sent[name] = value;
    if (payload) sent["content-length"] = payload.length;
    /** @param {NodeJS.ErrnoException} error @param {boolean} [reused] */
    const failed = (error, reused) =>
      resolve({
        status: 0,
        headers: {},
        raw: Buffer.alloc(0),
        bytes: 0,
        error: error.code || error.message,
        reused,
        retried: false,
        ms: performance.now() - started,
      });
    const req = http.request(
      { host: url.hostname, port: url.port, method, path, agent, headers: sent, timeout: timeoutMs },
      (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            raw,
            bytes: raw.length,
            retried: false,
            ms: performance.now() - started,
          });
        });
        res.on("error", (error) => failed(error));
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    req.on("error", (error) => failed(error, req.reusedSocket));
    req.end(payload);
  });
}

/**
 * One request, timed until the last byte; never rejects.
 * @param {string} base
 * @param {RequestOptions} options
 * @returns {Promise<Answer>}
 */
export async function request(base, options) {
  const answer = await once(base, options);
  const reset = answer.error === "ECONNRESET" || answer.error === "EPIPE";
  if (!(options.retryReset && answer.status === 0 && answer.reused && reset)) return answer;
  const again = await once(base, options);
  return { ...again, ms: again.ms + answer.ms, retried: true };
}

/**
 * The body as text, inflated if the server compressed it.
 * @param {Pick<Answer, "raw" | "headers">} answer
 */
export function text(answer) {
  const encoding = answer.headers["content-encoding"];
  if (encoding === "gzip") return zlib.gunzipSync(answer.raw).toString("utf8");
  if (encoding === "deflate") return zlib.inflateSync(answer.raw).toString("utf8");
  if (encoding === "br") return zlib.brotliDecompressSync(answer.raw).toString("utf8");
  return answer.raw.toString("utf8");
}

/**
 * The body parsed as JSON, or undefined when it is not JSON.
 * @param {Pick<Answer, "raw" | "headers">} answer
 * @returns {unknown}
 */
export function json(answer) {
  try {
    return JSON.parse(text(answer));
  } catch {
    return undefined;
  }
}

/**
 * A multipart/form-data body from [name, value, filename?] parts, written by hand so that a part
 * can hold any bytes (broken UTF-8, a file name that is not UTF-8) and the body can be cut short.
 * @param {Array<[string, string | number | Buffer, (string | Buffer)?]>} parts
 * @param {{ truncate?: boolean }} [options]
 * @returns {{ headers: { "content-type": string }, body: Buffer }}
 */
export function multipart(parts, { truncate = false } = {}) {
  const boundary = `----forum${randomBytes(8).toString("hex")}`;
  /** @type {Buffer[]} */
  const chunks = [];
  for (const [name, value, filename] of parts) {
    const file = filename === undefined ? [] : [Buffer.from('; filename="'), Buffer.from(filename), Buffer.from('"')];
    const type = filename === undefined ? "" : "Content-Type: application/octet-stream\r\n";
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"`), ...file, Buffer.from(`\r\n${type}\r\n`));
    chunks.push(Buffer.isBuffer(value) ? value : Buffer.from(String(value)));
    chunks.push(Buffer.from("\r\n"));
  }
  let body = Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]);
  if (truncate) body = body.subarray(0, Math.max(1, body.length - boundary.length - 12));
  return { headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, body };
}

/**
 * fetch on a connection of its own, closed after the answer. Node's fetch keeps connections alive
 * and reuses an idle one; the server closes idle ones after 5 s, and on a loaded machine a reuse
 * can cross that close ("other side closed"). A script whose requests are far apart (the abuse
 * run, between its setup's child processes) asks for a new connection each time instead.
 * @param {string} url
 * @param {RequestInit} [init]
 */
export function fetchOnce(url, init = {}) {
  const headers = new Headers(init.headers);
  headers.set("connection", "close");
  return fetch(url, { ...init, headers });
}
