// @ts-check
// The production server: one process per core (WEB_CONCURRENCY overrides), each
// running Next.js behind a page copy of the pages it rendered ahead.
//
// Next serves a prerendered page through its whole request pipeline, about four times the work of
// a file from public/. The public pages are the same for every visitor, so once Next has answered
// with a fresh prerendered page, the same bytes (and their gzip and brotli copies, made once) are
// kept in this process and sent directly: server/page-copy.mjs, which says what it holds and for
// how long. Every other response is compressed as it is written (server/compress-response.mjs).
// What the processes must agree on lives in the database: see docs/deployment.md.
import { fork as childFork } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { adoptConnection } from "./server/adopt-connection.mjs";
import { checkActionBody, checkActionHeaders, isPagePost } from "./server/action-precheck.mjs";
import { compressResponse } from "./server/compress-response.mjs";
import { negotiateEncoding, varyWithEncoding, weakEtag } from "./server/compression.mjs";
import { chunkBytes, hashInlineScripts } from "./server/hash-inline-scripts.mjs";
import { createPageCopy, pageCopyBytes } from "./server/page-copy.mjs";
import { processCount } from "./server/process-count.mjs";
import { contentSecurityPolicy, inlineScriptHashes, overHttps, securityHeaders } from "./server/security-headers.mjs";
import { trustedHops } from "./server/trust-proxy.mjs";
import { deferFrameworkScripts, wakesOnInteraction } from "./server/wake-on-interaction.mjs";

/**
 * @typedef {import("node:http").IncomingMessage} IncomingMessage
 * @typedef {import("node:http").ServerResponse} ServerResponse
 * @typedef {import("node:net").Socket} Socket
 * @typedef {import("node:child_process").ChildProcess} ChildProcess
 * @typedef {import("./server/compress-response.mjs").Patchable} Patchable
 * @typedef {import("./server/page-copy.mjs").PageEntry} PageEntry
 * @typedef {ReturnType<typeof createPageCopy>} PageCopy
 * @typedef {(req: IncomingMessage, res: ServerResponse) => Promise<void>} NextHandler
 */

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
const MAX_BODY = 2 * 1024 * 1024;

// Headers that describe one response on one connection, not the page.
// The security headers too: they depend on the request (HTTPS, the check-in page) and are set per request.
const PER_RESPONSE = new Set([
  ...["set-cookie", "date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"],
  ...Object.keys(securityHeaders("/", true)),
]);

/**
 * Only plain page loads: not Next's client navigations, prefetches or server actions.
 * @param {IncomingMessage} req
 */
function cacheKey(req) {
  if (req.method !== "GET" || req.headers.rsc || req.headers["next-router-prefetch"] || req.headers["next-action"]) return null;
  // Always set on a request an http.Server parsed.
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  if (q !== -1 && url.includes("_rsc=", q)) return null;
  if (path.startsWith("/api/") || path.startsWith("/_next/")) return null;
  return path;
}

/**
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {PageEntry} entry
 * @param {boolean} https
 */
function send(req, res, entry, https) {
  const coding = entry.gzip ? negotiateEncoding(req.headers["accept-encoding"], entry.br ? ["br", "gzip"] : ["gzip"]) : null;
  const compressed = coding ? entry[coding] : undefined;
  const body = compressed ?? entry.body;
  res.writeHead(200, {
    ...entry.headers,
    "content-security-policy": contentSecurityPolicy(entry.scripts, https),
    "content-length": body.length,
    ...(entry.gzip ? { vary: varyWithEncoding(entry.headers.vary) } : {}),
    ...(coding && compressed ? { "content-encoding": coding } : {}),
    ...(compressed && entry.headers.etag ? { etag: weakEtag(entry.headers.etag) } : {}),
    "x-forum-cache": "HIT",
  });
  res.end(body);
}

/**
 * Lets Next answer, and offers the answer to the page copy, which keeps it if it is a fresh page.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {string} key the page's address (cacheKey)
 * @param {NextHandler} handle
 * @param {PageCopy} pages
 */
function handleAndCapture(req, res, key, handle, pages) {
  // Next answers in plain bytes (compressResponse took Accept-Encoding away).
  const startedAt = pages.begin();
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  const patched = /** @type {Patchable} */ (/** @type {unknown} */ (res));
  const write = patched.write.bind(res);
  const end = patched.end.bind(res);
  /** @param {unknown} chunk @param {unknown} encoding */
  const keep = (chunk, encoding) => {
    if (chunk == null || size > MAX_BODY) return;
    const buffer = chunkBytes(chunk, encoding);
    size += buffer.length;
    chunks.push(buffer);
  };
  patched.write = (chunk, encoding, cb) => {
    keep(chunk, encoding);
    return write(chunk, encoding, cb);
  };
  patched.end = (chunk, encoding, cb) => {
    if (typeof chunk !== "function") keep(chunk, encoding);
    if (size <= MAX_BODY && !res.getHeader("content-encoding")) {
      /** @type {Record<string, string | string[]>} */
      const headers = {};
      for (const [name, value] of Object.entries(res.getHeaders())) {
        if (!PER_RESPONSE.has(name) && value !== undefined) headers[name] = typeof value === "number" ? String(value) : value;
      }
      const whole = Buffer.concat(chunks);
      const body = wakesOnInteraction(key) ? deferFrameworkScripts(whole) : whole;
      try {
        pages.offer(key, startedAt, { status: res.statusCode, headers, body, scripts: inlineScriptHashes(body) });
      } catch (error) {
        // The copy is an optimisation: the visitor still gets Next's answer.
        console.error("The page copy could not take a page:", error);
      }
    }
    return end(chunk, encoding, cb);
  };
  return handle(req, res);
}

/**
 * Next answers an address with broken percent-encoding (/%ZZ) with a 500; it is the client's error.
 * @param {string | undefined} url
 */
function decodable(url = "/") {
  try {
    decodeURIComponent(url);
    return true;
  } catch {
    return false;
  }
}

/** @param {ServerResponse} res */
function badAddress(res) {
  res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
  res.end("400 Bad Request: the address is not valid percent-encoding.\n400 错误请求：网址编码无效。\n");
}

/** How much of a refused body is still read and thrown away before the connection is cut. */
const DRAIN_LIMIT = 32 * 1024 * 1024;

/**
 * @param {ServerResponse} res
 * @param {{ status: number, error: string }} problem
 */
function refuse(res, { status, error }) {
  // The body may be unread (a refused 10 MB upload). Closing while the client is still sending
  // makes the connection reset, and the reset can destroy the answer before the client reads it:
  // so the rest is read and dropped (up to DRAIN_LIMIT, then cut), and the connection kept.
  const req = res.req;
  if (!req.complete) {
    let size = 0;
    req.on("data", (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT) req.destroy();
    });
    req.resume();
  }
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end(`${status} ${error} Nothing was saved.\n`);
}

/**
 * Reads a page POST's body (at most the Content-Length already checked), checks it, and hands Next
 * a request that replays the same bytes; or answers the 4xx itself and returns null.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 */
async function precheckAction(req, res) {
  /** @type {Buffer[]} */
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  const problem = await checkActionBody(body, String(req.headers["content-type"] || ""));
  if (problem) {
    refuse(res, problem);
    return null;
  }
  const replay = new http.IncomingMessage(req.socket);
  Object.assign(replay, {
    method: req.method,
    url: req.url,
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    httpVersion: req.httpVersion,
    httpVersionMajor: req.httpVersionMajor,
    httpVersionMinor: req.httpVersionMinor,
    // Set by the HTTP parser on a real request; without it, the end of this one would look like
    // an aborted upload and close the connection.
    complete: true,
  });
  replay.push(body);
  replay.push(null);
  return replay;
}

async function main() {
  // Read once, before anything listens: a TRUST_PROXY that means nothing stops the start.
  const hops = trustedHops();
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), port, hostname: host });
  await app.prepare();
  const handle = app.getRequestHandler();
  const pages = createPageCopy({ maxBytes: pageCopyBytes() });
  const server = http.createServer((req, res) => {
    // While stopping, a keep-alive connection is closed once its request is answered.
    if (draining) res.setHeader("connection", "close");
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    const https = overHttps(req, hops);
    for (const [name, value] of Object.entries(securityHeaders(req.url, https))) res.setHeader(name, value);
    if (!decodable(req.url)) return badAddress(res);
    // Unless a trusted proxy sets them, these headers are the client's word about itself: drop
    // them, and Next fills in the socket's address (which the rate limit keys on).
    if (!hops) {
      delete req.headers["x-forwarded-for"];
      delete req.headers["x-real-ip"];
      // Nor may a client claim HTTPS (Auth.js would set Secure cookies) or another host.
      delete req.headers["x-forwarded-proto"];
      delete req.headers["x-forwarded-host"];
    }
    if (isPagePost(req.method, req.url ?? "/")) {
      const problem = checkActionHeaders(req.headers);
      if (problem) return refuse(res, problem);
      return precheckAction(req, res).then(
        (replay) => replay && (compressResponse(replay, res), hashInlineScripts(res, https), handle(replay, res)),
        (error) => {
          console.error("A form post could not be read:", error);
          res.destroy();
        },
      );
    }
    const key = cacheKey(req);
    const entry = key === null ? undefined : pages.lookup(key);
    if (entry) return send(req, res, entry, https);
    // Innermost first: the compressor sees what hashInlineScripts lets through, plain.
    compressResponse(req, res);
    hashInlineScripts(res, https, key !== null && wakesOnInteraction(key) ? deferFrameworkScripts : undefined);
    if (key === null) return handle(req, res);
    return handleAndCapture(req, res, key, handle, pages);
  });
  server.keepAliveTimeout = 5000;
  /** @type {Set<Socket>} */
  const connections = new Set();
  server.on("connection", (socket) => {
    connections.add(socket);
    socket.once("close", () => connections.delete(socket));
  });
  // Which connections are idle keep-alive ones (answered, no request under way), for drain():
  // Node's own closeIdleConnections() knows only the connections of a server that listens itself.
  server.on("request", (req, res) => {
    const socket = req.socket;
    requestsUnderWay.set(socket, (requestsUnderWay.get(socket) ?? 0) + 1);
    res.once("close", () => {
      const underWay = (requestsUnderWay.get(socket) ?? 0) - 1;
      requestsUnderWay.set(socket, underWay);
      answered.add(socket);
      if (draining && underWay === 0) socket.end();
    });
  });
  if (process.env.FORUM_SERVER_PROCESS && process.send) {
    // One of several processes: the first process accepts the connections and hands each over,
    // then says "drain" once it has handed over the last one.
    process.on("message", (message, socket) => {
      // The first process sends connections only, never a listening server.
      if (message === "connection" && socket instanceof net.Socket) {
        if (draining) return socket.destroy();
        adoptConnection(server, socket);
      } else if (message === "drain") drain(server, connections);
    });
    // Without the first process there is no one to hand connections over: finish and go.
    process.on("disconnect", () => drain(server, connections));
    // A signal to the whole group (Ctrl-C, a service manager) reaches this process too: the
    // first process's "drain" follows at once; a signal to this process alone drains it shortly.
    const drainSoon = () => setTimeout(() => drain(server, connections), 500).unref();
    process.on("SIGTERM", drainSoon);
    process.on("SIGINT", drainSoon);
    process.send("ready");
    return;
  }
  server.listen(port, host, () => {
    console.log(`Forum ready on http://${host || "localhost"}:${port}`);
  });
  process.on("SIGTERM", () => drain(server, connections));
  process.on("SIGINT", () => drain(server, connections));
}

/**
 * Requests under way on each connection.
 * @type {WeakMap<Socket, number>}
 */
const requestsUnderWay = new WeakMap();
/**
 * Connections answered at least once.
 * @type {WeakSet<Socket>}
 */
const answered = new WeakSet();

/**
 * Responses not yet finished: on SIGTERM, their connections must not be kept alive.
 * @type {Set<ServerResponse>}
 */
const inFlight = new Set();

/** Set once this process stops: one server per process. */
let draining = false;

/**
 * Stops taking connections and lets the requests in flight finish (idle keep-alive connections
 * are closed at once), then exits once every connection is closed. Requests still running after
 * 10 s are cut off.
 * @param {import("node:http").Server} server
 * @param {Set<Socket>} connections
 */
function drain(server, connections) {
  if (draining) return;
  draining = true;
  for (const res of inFlight) {
    if (!res.headersSent) res.setHeader("connection", "close");
    else res.once("finish", () => res.socket?.end());
  }
  console.log("Stopping: finishing the requests in flight…");
  if (server.listening) server.close();
  server.closeIdleConnections();
  for (const socket of connections) if (answered.has(socket) && !requestsUnderWay.get(socket)) socket.end();
  const exitWhenIdle = () => {
    if (connections.size === 0) process.exit(0);
  };
  for (const socket of connections) socket.once("close", () => setImmediate(exitWhenIdle));
  exitWhenIdle();
  setTimeout(() => {
    console.error("Requests still running after 10 s: closing them.");
    server.closeAllConnections();
    process.exit(1);
  }, 10_000).unref();
}

/** A process that stops this often (5 times in a minute) is failing at start: the server stops. */
const RESTARTS_PER_MINUTE = 5;

/**
 * The first process: starts one server process per core and, once they are ready, accepts the
 * connections and hands each to the next process in turn (they share the database, not memory);
 * starts another process when one dies. On SIGTERM or SIGINT it stops accepting at once (a new
 * connection is refused), then tells each process to finish the connections it was given, and
 * exits when all have.
 *
 * Not node:cluster: its round robin left connections handed over just before SIGTERM unanswered,
 * and without it the operating system gave nearly every connection to the same process.
 * @param {number} count
 */
function primary(count) {
  const script = fileURLToPath(import.meta.url);
  /** @type {Set<ChildProcess>} */
  const ready = new Set();
  /** @type {Set<ChildProcess>} */
  const all = new Set();
  /** @type {number[]} times of the restarts, oldest first */
  const restarts = [];
  let stopping = false;
  let failed = false;
  let turn = 0;

  const listener = net.createServer({ pauseOnConnect: true }, (socket) => {
    const workers = [...ready];
    const worker = workers.length > 0 ? workers[turn++ % workers.length] : undefined;
    if (!worker) return socket.destroy();
    worker.send("connection", socket, { keepOpen: false }, (error) => {
      if (error) socket.destroy();
    });
  });
  listener.on("error", (error) => {
    console.error(error);
    stop(1);
  });

  const fork = () => {
    const worker = childFork(script, [], { env: { ...process.env, FORUM_SERVER_PROCESS: "1" } });
    all.add(worker);
    worker.on("message", (message) => {
      if (message !== "ready") return;
      ready.add(worker);
      if (ready.size === count && !listener.listening && !stopping) {
        listener.listen(port, host, () => {
          console.log(`Forum ready on http://${host || "localhost"}:${port} (${count} server processes).`);
        });
      }
    });
    worker.on("exit", (code, signal) => {
      ready.delete(worker);
      all.delete(worker);
      if (code !== 0) failed = true;
      if (stopping) {
        if (all.size === 0) process.exit(failed ? 1 : 0);
        return;
      }
      const now = Date.now();
      restarts.push(now);
      // Forgets those more than a minute old (the one just pushed is not).
      restarts.splice(0, restarts.findIndex((at) => at >= now - 60_000));
      if (restarts.length > RESTARTS_PER_MINUTE) {
        console.error(`Server processes keep stopping (${restarts.length} in a minute): the server stops.`);
        return stop(1);
      }
      console.error(`Server process ${worker.pid} stopped (${signal ?? `exit code ${code}`}): starting another.`);
      fork();
    });
  };

  const stop = (code = 0) => {
    if (stopping) return;
    stopping = true;
    if (code !== 0) failed = true;
    if (listener.listening) listener.close();
    // Sent after every connection handed over (messages keep their order): each is answered.
    for (const worker of all) if (worker.connected) worker.send("drain");
    if (all.size === 0) process.exit(failed ? 1 : 0);
  };
  for (let i = 0; i < count; i++) fork();
  process.on("SIGTERM", () => stop());
  process.on("SIGINT", () => stop());
}

function start() {
  const count = processCount();
  // Read once, before anything forks or listens: a TRUST_PROXY that means nothing stops the start.
  trustedHops();
  if (!process.env.FORUM_SERVER_PROCESS && count > 1) return primary(count);
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  try {
    start();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
