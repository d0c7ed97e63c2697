// @ts-check
// Gives a page rendered per request the Content-Security-Policy of its own inline scripts
// (server/security-headers.mjs says why the policy lists hashes rather than a nonce).
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { contentSecurityPolicy, inlineScriptHashes } from "./security-headers.mjs";

/** @typedef {import("./compress-response.mjs").Patchable} Patchable */

/** @type {Record<string, (body: Buffer) => Buffer>} */
const DECODE = { gzip: gunzipSync, "x-gzip": gunzipSync, br: brotliDecompressSync, deflate: inflateSync };

/**
 * The bytes of a chunk written to a response, as a Buffer.
 * @param {unknown} chunk a string, a Buffer or a Uint8Array, as `res.write` takes
 * @param {unknown} encoding the encoding of a string chunk; anything else means UTF-8
 */
export function chunkBytes(chunk, encoding) {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8");
  return Buffer.from(/** @type {Uint8Array} */ (chunk));
}

/**
 * Holds back an HTML response until it is complete, then sends it with a Content-Security-Policy
 * that lists the hashes of its inline scripts. Any other response passes through as it is written.
 * The cost is that a page rendered per request arrives whole rather than streamed; the pages
 * rendered ahead are served from the page copy with their hashes.
 * @param {import("node:http").ServerResponse} res
 * @param {boolean} https whether the client reached us over HTTPS (the policy then upgrades requests)
 * @param {(html: Buffer) => Buffer} [rewrite] applied to the whole page before it is hashed and sent
 *   (server/wake-on-interaction.mjs); not to a page Next has already compressed
 */
export function hashInlineScripts(res, https, rewrite) {
  const patched = /** @type {Patchable} */ (/** @type {unknown} */ (res));
  const original = { writeHead: patched.writeHead, flushHeaders: patched.flushHeaders, write: patched.write, end: patched.end };
  /** @type {boolean | null} */
  let html = null;
  let sending = false;
  /** @type {Buffer[]} */
  const chunks = [];
  const isHtml = () => (html ??= String(res.getHeader("content-type") || "").startsWith("text/html"));
  /** @param {unknown} chunk @param {unknown} encoding */
  const keep = (chunk, encoding) => {
    if (chunk == null || typeof chunk === "function") return;
    chunks.push(chunkBytes(chunk, encoding));
  };
  patched.writeHead = function (status, reason, headers) {
    if (typeof reason === "object" && reason !== null) [reason, headers] = [undefined, reason];
    res.statusCode = status;
    if (typeof reason === "string") res.statusMessage = reason;
    // Node's raw form: [name, value, name, value…].
    if (Array.isArray(headers)) for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    else if (headers) {
      for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined) res.setHeader(name, /** @type {import("node:http").OutgoingHttpHeader} */ (value));
      }
    }
    // Node's own end() calls writeHead to send the headers: let that one through.
    return isHtml() && !sending ? res : original.writeHead.call(res, res.statusCode);
  };
  patched.flushHeaders = function () {
    if (!isHtml()) original.flushHeaders.call(res);
  };
  patched.write = function (chunk, encoding, cb) {
    if (!isHtml()) return original.write.call(res, chunk, encoding, cb);
    keep(chunk, encoding);
    const done = typeof encoding === "function" ? encoding : cb;
    if (done) process.nextTick(/** @type {() => void} */ (done));
    return true;
  };
  patched.end = function (chunk, encoding, cb) {
    if (!isHtml()) return original.end.call(res, chunk, encoding, cb);
    keep(chunk, encoding);
    const done = [chunk, encoding, cb].find((arg) => typeof arg === "function");
    /** @type {Buffer} */
    let body = Buffer.concat(chunks);
    const coding = String(res.getHeader("content-encoding") || "").toLowerCase();
    const decode = DECODE[coding];
    /** @type {Buffer} */
    let plain = body;
    try {
      if (decode) plain = decode(body);
    } catch {
      // Not decodable: the policy lists no inline script, which fails safe.
    }
    if (rewrite && !decode) plain = body = rewrite(body);
    res.setHeader("content-security-policy", contentSecurityPolicy(inlineScriptHashes(plain), https));
    res.removeHeader("transfer-encoding");
    if (!res.headersSent) res.setHeader("content-length", body.length);
    sending = true;
    return original.end.call(res, body, done);
  };
}
