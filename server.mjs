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
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { checkActionBody, checkActionHeaders, isPagePost } from "./server/action-precheck.mjs";
import { compressResponse } from "./server/compress-response.mjs";
import { negotiateEncoding, varyWithEncoding, weakEtag } from "./server/compression.mjs";
import { createPageCopy, pageCopyBytes } from "./server/page-copy.mjs";
import { processCount } from "./server/process-count.mjs";
import { contentSecurityPolicy, inlineScriptHashes, overHttps, securityHeaders } from "./server/security-headers.mjs";
import { trustedHops } from "./server/trust-proxy.mjs";

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
const MAX_BODY = 2 * 1024 * 1024;

// Headers that describe one response on one connection, not the page.
// The security headers too: they depend on the request (HTTPS, the check-in page) and are set per request.
const PER_RESPONSE = new Set([
  ...["set-cookie", "date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"],
  ...Object.keys(securityHeaders("/", true)),
]);

/** Only plain page loads: not Next's client navigations, prefetches or server actions. */
function cacheKey(req) {
  if (req.method !== "GET" || req.headers.rsc || req.headers["next-router-prefetch"] || req.headers["next-action"]) return null;
  const q = req.url.indexOf("?");
  const path = q === -1 ? req.url : req.url.slice(0, q);
  if (q !== -1 && req.url.includes("_rsc=", q)) return null;
  if (path.startsWith("/api/") || path.startsWith("/_next/")) return null;
  return path;
}

function send(req, res, entry, https) {
  const coding = entry.gzip ? negotiateEncoding(req.headers["accept-encoding"], entry.br ? ["br", "gzip"] : ["gzip"]) : null;
  const body = (coding && entry[coding]) || entry.body;
  res.writeHead(200, {
    ...entry.headers,
    "content-security-policy": contentSecurityPolicy(entry.scripts, https),
    "content-length": body.length,
    ...(entry.gzip ? { vary: varyWithEncoding(entry.headers.vary) } : {}),
    ...(body !== entry.body ? { "content-encoding": coding } : {}),
    ...(body !== entry.body && entry.headers.etag ? { etag: weakEtag(entry.headers.etag) } : {}),
    "x-forum-cache": "HIT",
  });
  res.end(body);
}

/** Lets Next answer, and offers the answer to the page copy, which keeps it if it is a fresh page. */
function handleAndCapture(req, res, key, handle, pages) {
  // Next answers in plain bytes (compressResponse took Accept-Encoding away).
  const startedAt = pages.begin();
  const chunks = [];
  let size = 0;
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const keep = (chunk, encoding) => {
    if (chunk == null || size > MAX_BODY) return;
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8");
    size += buffer.length;
    chunks.push(buffer);
  };
  res.write = (chunk, encoding, cb) => {
    keep(chunk, encoding);
    return write(chunk, encoding, cb);
  };
  res.end = (chunk, encoding, cb) => {
    if (typeof chunk !== "function") keep(chunk, encoding);
    if (size <= MAX_BODY && !res.getHeader("content-encoding")) {
      const headers = {};
      for (const [name, value] of Object.entries(res.getHeaders())) {
        if (!PER_RESPONSE.has(name) && value !== undefined) headers[name] = typeof value === "number" ? String(value) : value;
      }
      const body = Buffer.concat(chunks);
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

/** Next answers an address with broken percent-encoding (/%ZZ) with a 500; it is the client's error. */
function decodable(url = "/") {
  try {
    decodeURIComponent(url);
    return true;
  } catch {
    return false;
  }
}

function badAddress(res) {
  res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
  res.end("400 Bad Request: the address is not valid percent-encoding.\n400 错误请求：网址编码无效。\n");
}

/** How much of a refused body is still read and thrown away before the connection is cut. */
const DRAIN_LIMIT = 32 * 1024 * 1024;

function refuse(res, { status, error }) {
  // The body may be unread (a refused 10 MB upload). Closing while the client is still sending
  // makes the connection reset, and the reset can destroy the answer before the client reads it:
  // so the rest is read and dropped (up to DRAIN_LIMIT, then cut), and the connection kept.
  const req = res.req;
  if (!req.complete) {
    let size = 0;
    req.on("data", (chunk) => {
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
 */
async function precheckAction(req, res) {
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

const DECODE = { gzip: gunzipSync, "x-gzip": gunzipSync, br: brotliDecompressSync, deflate: inflateSync };

/**
 * Holds back an HTML response until it is complete, then sends it with a Content-Security-Policy
 * that lists the hashes of its inline scripts (see server/security-headers.mjs). Any other
 * response passes through as it is written. The cost is that a page rendered per request arrives
 * whole rather than streamed; the pages rendered ahead are served from the cache with their hashes.
 */
function hashInlineScripts(res, https) {
  const original = { writeHead: res.writeHead, flushHeaders: res.flushHeaders, write: res.write, end: res.end };
  let html = null;
  let sending = false;
  const chunks = [];
  const isHtml = () => (html ??= String(res.getHeader("content-type") || "").startsWith("text/html"));
  const keep = (chunk, encoding) => {
    if (chunk == null || typeof chunk === "function") return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
  };
  res.writeHead = function (status, reason, headers) {
    if (typeof reason === "object" && reason !== null) [reason, headers] = [undefined, reason];
    res.statusCode = status;
    if (typeof reason === "string") res.statusMessage = reason;
    if (Array.isArray(headers)) for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    // Node's own end() calls writeHead to send the headers: let that one through.
    return isHtml() && !sending ? res : original.writeHead.call(res, res.statusCode);
  };
  res.flushHeaders = function () {
    if (!isHtml()) original.flushHeaders.call(res);
  };
  res.write = function (chunk, encoding, cb) {
    if (!isHtml()) return original.write.call(res, chunk, encoding, cb);
    keep(chunk, encoding);
    const done = typeof encoding === "function" ? encoding : cb;
    if (done) process.nextTick(done);
    return true;
  };
  res.end = function (chunk, encoding, cb) {
    if (!isHtml()) return original.end.call(res, chunk, encoding, cb);
    keep(chunk, encoding);
    const done = [chunk, encoding, cb].find((arg) => typeof arg === "function");
    const body = Buffer.concat(chunks);
    const coding = String(res.getHeader("content-encoding") || "").toLowerCase();
    let plain = body;
    try {
      if (DECODE[coding]) plain = DECODE[coding](body);
    } catch {
      // Not decodable: the policy lists no inline script, which fails safe.
    }
    res.setHeader("content-security-policy", contentSecurityPolicy(inlineScriptHashes(plain), https));
    res.removeHeader("transfer-encoding");
    if (!res.headersSent) res.setHeader("content-length", body.length);
    sending = true;
    return original.end.call(res, body, done);
  };
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
    if (server.draining) res.setHeader("connection", "close");
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
    if (isPagePost(req.method, req.url)) {
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
    hashInlineScripts(res, https);
    if (key === null) return handle(req, res);
    return handleAndCapture(req, res, key, handle, pages);
  });
  server.keepAliveTimeout = 5000;
  const connections = new Set();
  server.on("connection", (socket) => {
    connections.add(socket);
    socket.once("close", () => connections.delete(socket));
  });
  // Which connections are idle keep-alive ones (answered, no request under way), for drain():
  // Node's own closeIdleConnections() knows only the connections of a server that listens itself.
  server.on("request", (req, res) => {
    const socket = req.socket;
    socket[ACTIVE] = (socket[ACTIVE] ?? 0) + 1;
    res.once("close", () => {
      socket[ACTIVE] -= 1;
      socket[ANSWERED] = true;
      if (server.draining && socket[ACTIVE] === 0) socket.end();
    });
  });
  if (process.env.FORUM_SERVER_PROCESS && process.send) {
    // One of several processes: the first process accepts the connections and hands each over,
    // then says "drain" once it has handed over the last one.
    process.on("message", (message, socket) => {
      if (message === "connection" && socket) {
        if (server.draining) return socket.destroy();
        server.emit("connection", socket);
        socket.resume();
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

const ACTIVE = Symbol("requests under way on a connection");
const ANSWERED = Symbol("a connection has been answered at least once");

/** Responses not yet finished: on SIGTERM, their connections must not be kept alive. */
const inFlight = new Set();

/**
 * Stops taking connections and lets the requests in flight finish (idle keep-alive connections
 * are closed at once), then exits once every connection is closed. Requests still running after
 * 10 s are cut off.
 */
function drain(server, connections) {
  if (server.draining) return;
  server.draining = true;
  for (const res of inFlight) {
    if (!res.headersSent) res.setHeader("connection", "close");
    else res.once("finish", () => res.socket?.end());
  }
  console.log("Stopping: finishing the requests in flight…");
  if (server.listening) server.close();
  server.closeIdleConnections();
  for (const socket of connections) if (socket[ANSWERED] && !socket[ACTIVE]) socket.end();
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
 */
function primary(count) {
  const script = fileURLToPath(import.meta.url);
  /** @type {Set<import("node:child_process").ChildProcess>} */
  const ready = new Set();
  const all = new Set();
  const restarts = [];
  let stopping = false;
  let failed = false;
  let turn = 0;

  const listener = net.createServer({ pauseOnConnect: true }, (socket) => {
    const workers = [...ready];
    if (workers.length === 0) return socket.destroy();
    const worker = workers[turn++ % workers.length];
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
      while (restarts.length > 0 && restarts[0] < now - 60_000) restarts.shift();
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
