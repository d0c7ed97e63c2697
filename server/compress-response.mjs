// @ts-check
// Compresses a response as Next (or anything else) writes it, in the coding the client asked for.
//
// The choice is made once, when the headers are about to go out: a body ended in one piece is
// compressed whole (with an exact Content-Length), one written in parts goes through a streaming
// compressor that `res.flush()` empties, as Next calls it after each part of a streamed page or RSC
// payload. Nothing a route sets (status, headers, cookies) changes but Content-Encoding,
// Content-Length, Vary and a weaker ETag.
import { compressBody, compressStream, flushKind, mayCompress, negotiateEncoding, varyWithEncoding, weakEtag } from "./compression.mjs";

/**
 * @param {string | Uint8Array} chunk
 * @param {unknown} encoding
 */
const toBuffer = (chunk, encoding) =>
  Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : Buffer.from(String(chunk), typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8");

/**
 * The methods of a response replaced below. Node types them as overloads (write(chunk, cb),
 * write(chunk, encoding, cb)…), which one function cannot implement in JSDoc; this is the loose
 * shape they all share, narrowed inside each replacement.
 * @typedef {object} Patchable
 * @property {(status: number, reason?: unknown, headers?: unknown) => unknown} writeHead
 * @property {() => void} flushHeaders
 * @property {(chunk: unknown, encoding?: unknown, cb?: unknown) => boolean} write
 * @property {(chunk?: unknown, encoding?: unknown, cb?: unknown) => unknown} end
 * @property {() => void} [flush] what Next calls after each part it streams (compression's API)
 */

/**
 * Wraps `res` so that what is written to it is compressed for `req`'s Accept-Encoding, and removes
 * that header from `req`: whatever handles the request answers in plain bytes.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
export function compressResponse(req, res) {
  const coding = negotiateEncoding(req.headers["accept-encoding"]);
  delete req.headers["accept-encoding"];
  const patched = /** @type {Patchable} */ (/** @type {unknown} */ (res));
  const real = { writeHead: patched.writeHead, flushHeaders: patched.flushHeaders, write: patched.write, end: patched.end };
  let decided = false;
  /** @type {import("node:zlib").Gzip | import("node:zlib").BrotliCompress | null} */
  let stream = null;
  let compressWhole = false;

  /**
   * Sets the headers for what follows; true if the body is to be compressed.
   * @param {number | undefined} length
   */
  const decide = (length) => {
    if (decided) return stream !== null || compressWhole;
    decided = true;
    if (res.headersSent) return false;
    const response = { method: req.method, status: res.statusCode, headers: res.getHeaders(), length };
    if (!mayCompress(response)) return false;
    res.setHeader("vary", varyWithEncoding(res.getHeader("vary")));
    if (!coding) return false;
    res.setHeader("content-encoding", coding);
    res.removeHeader("content-length");
    const etag = weakEtag(res.getHeader("etag"));
    if (etag !== undefined) res.setHeader("etag", etag);
    return true;
  };

  const startStream = () => {
    stream = compressStream(/** @type {"br" | "gzip"} */ (coding));
    stream.on("data", (data) => {
      if (real.write.call(res, data) === false) stream?.pause();
    });
    stream.on("end", () => real.end.call(res));
    // Whoever waits for our write to drain (Next does) is told when the compressor has room.
    stream.on("drain", () => res.emit("drain"));
    stream.on("error", (error) => res.destroy(error));
    res.on("drain", () => stream?.resume());
    // A client that leaves mid-stream: the compressor's memory is freed at once.
    res.once("close", () => {
      if (stream && !stream.writableFinished) stream.destroy();
    });
  };

  patched.writeHead = function (status, reason, headers) {
    if (!decided) {
      if (typeof reason === "object" && reason !== null) [reason, headers] = [undefined, reason];
      res.statusCode = status;
      if (typeof reason === "string") res.statusMessage = reason;
      // Node's raw form: [name, value, name, value…].
      if (Array.isArray(headers)) for (let i = 0; i < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1]);
      else if (headers && typeof headers === "object") {
        for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
      }
      // Held until the first write or end, which tells whether the body is whole and how large:
      // Node's own write and end call writeHead again to send them.
      return res;
    }
    return Reflect.apply(real.writeHead, res, arguments);
  };
  patched.flushHeaders = function () {
    if (!decided && decide(undefined)) startStream();
    return real.flushHeaders.call(res);
  };
  patched.write = function (chunk, encoding, cb) {
    if (!decided && decide(undefined)) startStream();
    if (!stream) return real.write.call(res, chunk, encoding, cb);
    if (typeof encoding === "function") [cb, encoding] = [encoding, undefined];
    if (chunk == null) return true;
    return stream.write(toBuffer(/** @type {string | Uint8Array} */ (chunk), encoding), /** @type {((error?: Error | null) => void) | undefined} */ (cb));
  };
  patched.end = function (chunk, encoding, cb) {
    if (typeof chunk === "function") [cb, chunk, encoding] = [chunk, undefined, undefined];
    else if (typeof encoding === "function") [cb, encoding] = [encoding, undefined];
    if (!decided) {
      // The whole body is here: compressed in one piece, with its exact length.
      const body = chunk == null ? Buffer.alloc(0) : toBuffer(/** @type {string | Uint8Array} */ (chunk), encoding);
      if (decide(body.length)) {
        compressWhole = true;
        const out = compressBody(/** @type {"br" | "gzip"} */ (coding), body);
        res.setHeader("content-length", out.length);
        return real.end.call(res, out, cb);
      }
    }
    if (!stream) return real.end.call(res, chunk, encoding, cb);
    if (typeof cb === "function") res.once("finish", /** @type {() => void} */ (cb));
    if (chunk != null) stream.write(toBuffer(/** @type {string | Uint8Array} */ (chunk), encoding));
    stream.end();
    return res;
  };
  /** Sends what the compressor holds so far (Next calls it after each part it streams). */
  patched.flush = function () {
    stream?.flush(flushKind(/** @type {"br" | "gzip"} */ (coding)));
  };
  return coding;
}
