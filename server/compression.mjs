// @ts-check
// Which responses server.mjs compresses, and how: the rules, without the streams.
//
// Next is asked for plain bytes (server.mjs removes Accept-Encoding from every request), so this is
// the one place that decides on Content-Encoding, for pages, the page copy, feeds and exports alike.
import { promisify } from "node:util";
import { brotliCompress, brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from "node:zlib";

/** Bodies smaller than this go out as they are: compression would save a packet at most. */
export const MIN_SIZE = 1024;

/** The codings we can produce, best first when a client likes them equally. */
const CODINGS = /** @type {const} */ (["br", "gzip"]);

/**
 * The coding to answer with, from an Accept-Encoding header: "br", "gzip" or null (identity).
 * The one with the highest q wins (br on a tie); q=0 refuses a coding; `*` stands for any coding
 * the header does not name. `available` narrows the choice (a copy not made yet).
 * @param {unknown} header
 * @param {readonly ("br" | "gzip")[]} [available]
 * @returns {"br" | "gzip" | null}
 */
export function negotiateEncoding(header, available = CODINGS) {
  if (typeof header !== "string" || header.trim() === "") return null;
  /** @type {Map<string, number>} */
  const weights = new Map();
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim());
    const coding = name.toLowerCase() === "x-gzip" ? "gzip" : name.toLowerCase();
    if (!coding) continue;
    let q = 1;
    for (const param of params) {
      const match = /^q\s*=\s*(.*)$/i.exec(param);
      // A weight that is not one (q=2, q=abc) makes the entry mean nothing.
      if (match) q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(match[1] ?? "") ? Number(match[1]) : NaN;
    }
    if (Number.isNaN(q)) continue;
    weights.set(coding, Math.max(q, weights.get(coding) ?? 0));
  }
  /** @type {"br" | "gzip" | null} */
  let best = null;
  let bestQ = 0;
  for (const coding of CODINGS) {
    if (!available.includes(coding)) continue;
    const q = weights.get(coding) ?? weights.get("*") ?? 0;
    if (q > bestQ) [best, bestQ] = [coding, q];
  }
  return best;
}

/**
 * Whether a body of this Content-Type gains from compression (text, JSON, XML, scripts, RSC).
 * @param {unknown} contentType
 */
export function compressibleType(contentType) {
  const mime = String(contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  // Server-sent events must reach the client event by event.
  if (mime === "text/event-stream") return false;
  if (mime.startsWith("text/")) return true;
  if (/^application\/(json|javascript|ecmascript|x-javascript|xml)$/.test(mime)) return true;
  // manifest+json, problem+json, ld+json, rss+xml, image/svg+xml…; never png/jpeg/webp, zip,
  // xlsx or pdf, which are compressed already.
  return /^[a-z]+\/[a-z0-9.+-]*\+(json|xml)$/.test(mime);
}

/**
 * Whether this response may go out in another coding than identity: the answer for every client,
 * whatever it accepts (a response that may is the one that must carry Vary: Accept-Encoding).
 * `length` is the body's size when known (Content-Length or the whole body at hand), else undefined.
 * @param {{ method?: string, status: number, headers: Record<string, unknown>, length?: number }} response
 */
export function mayCompress({ method, status, headers, length }) {
  if (method === "HEAD") return false;
  // No body (1xx, 204, 304) or a part of one (206: its ranges count identity bytes).
  if (status < 200 || status === 204 || status === 206 || status === 304) return false;
  const coding = String(headers["content-encoding"] ?? "").trim().toLowerCase();
  if (coding && coding !== "identity") return false;
  if (/(^|,)\s*no-transform\s*(,|$)/i.test(String(headers["cache-control"] ?? ""))) return false;
  if (!compressibleType(headers["content-type"])) return false;
  const declared = headers["content-length"] === undefined ? undefined : Number(headers["content-length"]);
  const size = length ?? (Number.isFinite(declared) ? declared : undefined);
  return size === undefined || size >= MIN_SIZE;
}

/**
 * A Vary header value that includes Accept-Encoding (and keeps what it said before).
 * @param {string | number | string[] | undefined} vary
 */
export function varyWithEncoding(vary) {
  const value = Array.isArray(vary) ? vary.join(", ") : String(vary ?? "").trim();
  if (!value) return "Accept-Encoding";
  const names = value.split(",").map((s) => s.trim().toLowerCase());
  if (names.includes("*") || names.includes("accept-encoding")) return value;
  return `${value}, Accept-Encoding`;
}

/**
 * The ETag of a compressed copy: weak, since the bytes differ from the plain ones. A browser's
 * If-None-Match with it still matches the plain tag under the weak comparison Next uses.
 * @param {string | number | string[] | null | undefined} etag
 */
export function weakEtag(etag) {
  if (etag === undefined || etag === null) return undefined;
  const value = String(etag);
  return value.startsWith("W/") ? value : `W/${value}`;
}

/**
 * A whole body in the given coding, with settings fast enough for every request (a few ms a page).
 * @param {"br" | "gzip"} coding
 * @param {Buffer} body
 */
export function compressBody(coding, body) {
  if (coding === "br") {
    return brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
  }
  if (coding === "gzip") return gzipSync(body, { level: 6 });
  throw new Error(`Unknown coding: ${coding}`);
}

const brotliAsync = promisify(brotliCompress);

/**
 * The smallest brotli copy of a body that is kept and sent many times (the page copy). Its
 * strongest setting costs a few hundred ms of CPU for a large page: done once, off the event loop
 * (in libuv's thread pool), while the gzip copy serves.
 * @param {Buffer} body
 */
export function storedBrotli(body) {
  return brotliAsync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/**
 * A compressing stream for a body that arrives in parts; `flush()` sends what it has so far.
 * @param {"br" | "gzip"} coding
 */
export function compressStream(coding) {
  if (coding === "br") {
    return createBrotliCompress({
      params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
    });
  }
  if (coding === "gzip") return createGzip({ level: 6 });
  throw new Error(`Unknown coding: ${coding}`);
}

/**
 * The flush kind that makes a stream of this coding emit all it holds, without ending it.
 * @param {"br" | "gzip"} coding
 */
export function flushKind(coding) {
  return coding === "br" ? constants.BROTLI_OPERATION_FLUSH : constants.Z_SYNC_FLUSH;
}
