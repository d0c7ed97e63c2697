// The production server: Next.js behind a small in-memory cache of the pages it rendered ahead.
//
// Next serves a prerendered page through its whole request pipeline, about four times the work of
// a file from public/. The public pages are the same for every visitor, so once Next has answered
// with a prerendered page, the same bytes (and a gzip copy) are kept here and sent directly. Any
// code that revalidates pages must also clear this cache: see lib/page-cache.ts.
import http from "node:http";
import { gzipSync } from "node:zlib";
import next from "next";

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
const MAX_ENTRIES = 1000;
const MAX_BODY = 2 * 1024 * 1024;

/** @type {Map<string, { headers: Record<string, string | string[]>, body: Buffer, gzip: Buffer }>} */
const cache = (globalThis.__forumPageCache ??= new Map());

// Headers that describe one response on one connection, not the page.
const PER_RESPONSE = new Set(["set-cookie", "date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);

/** Only plain page loads: not Next's client navigations, prefetches or server actions. */
function cacheKey(req) {
  if (req.method !== "GET" || req.headers.rsc || req.headers["next-router-prefetch"] || req.headers["next-action"]) return null;
  const q = req.url.indexOf("?");
  const path = q === -1 ? req.url : req.url.slice(0, q);
  if (q !== -1 && req.url.includes("_rsc=", q)) return null;
  if (path.startsWith("/api/") || path.startsWith("/_next/")) return null;
  return path;
}

function send(req, res, entry) {
  const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] || "");
  const body = gzip ? entry.gzip : entry.body;
  res.writeHead(200, {
    ...entry.headers,
    "content-length": body.length,
    ...(gzip ? { "content-encoding": "gzip" } : {}),
    "x-forum-cache": "HIT",
  });
  res.end(body);
}

/** Lets Next answer, and keeps a copy when the answer is a page it rendered ahead of time. */
function handleAndCapture(req, res, key, handle) {
  // Ask Next for the plain bytes; the gzip copy is made once, here.
  delete req.headers["accept-encoding"];
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
    const prerendered = res.getHeader("x-nextjs-prerender") || /HIT|STALE/.test(String(res.getHeader("x-nextjs-cache") || ""));
    if (res.statusCode === 200 && prerendered && !res.getHeader("content-encoding") && size <= MAX_BODY) {
      const headers = {};
      for (const [name, value] of Object.entries(res.getHeaders())) {
        if (!PER_RESPONSE.has(name) && value !== undefined) headers[name] = typeof value === "number" ? String(value) : value;
      }
      const body = Buffer.concat(chunks);
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value);
      cache.set(key, { headers, body, gzip: gzipSync(body) });
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

async function main() {
  const app = next({ dev: false, dir: process.cwd(), port, hostname: host });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    if (!decodable(req.url)) return badAddress(res);
    // Unless a trusted proxy sets them, these headers are the client's word about itself: drop
    // them, and Next fills in the socket's address (which the rate limit keys on).
    if (process.env.TRUST_PROXY !== "1") {
      delete req.headers["x-forwarded-for"];
      delete req.headers["x-real-ip"];
    }
    const key = cacheKey(req);
    if (key === null) return handle(req, res);
    const entry = cache.get(key);
    if (entry) return send(req, res, entry);
    return handleAndCapture(req, res, key, handle);
  });
  server.keepAliveTimeout = 5000;
  server.listen(port, host, () => {
    console.log(`Forum ready on http://${host || "localhost"}:${port}`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
