// The hostile inputs, and the encodings requests are built with (JSON, multipart, Server Action calls).
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const TEN_MB = 10 * 1024 * 1024;

export const SQL = [`' OR '1'='1' --`, `x'); DROP TABLE registrations; --`, `1 UNION SELECT password_hash FROM users --`];
export const SCRIPT = [`<script>alert(1)</script>`, `"><img src=x onerror=alert(2)>`, `javascript:alert(3)`];

/** Bytes that are not UTF-8: a lone continuation byte, 0xFF, an overlong "/", a UTF-16 surrogate, a cut sequence. */
export const BROKEN_UTF8 = Buffer.from([0x41, 0x80, 0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xe4, 0xb8]);

/** JSON nested `levels` deep: arrays, the cheapest nesting to write. */
export function deepJson(levels, inner = "0") {
  return "[".repeat(levels) + inner + "]".repeat(levels);
}

/** An object nested `levels` deep, for bodies that must be objects: {"a":{"a":…}}. */
export function deepObject(levels) {
  return '{"a":'.repeat(levels) + "0" + "}".repeat(levels);
}

export function json(value) {
  return { headers: { "content-type": "application/json" }, body: typeof value === "string" ? value : JSON.stringify(value) };
}

/** A JSON body with bytes that are not UTF-8 inside a string. */
export function brokenUtf8Json(field) {
  return {
    headers: { "content-type": "application/json" },
    body: Buffer.concat([Buffer.from(`{"${field}":"`), BROKEN_UTF8, Buffer.from('"}')]),
  };
}

export function randomToken(length = 32) {
  return randomBytes(length).toString("base64url").slice(0, length);
}

/**
 * A multipart/form-data body from [name, value, filename?] parts, written by hand so that a part
 * can hold any bytes (broken UTF-8) and the body can be cut short.
 */
export function multipart(parts, { truncate = false } = {}) {
  const boundary = `----abuse${randomBytes(8).toString("hex")}`;
  const chunks = [];
  for (const [name, value, filename] of parts) {
    // A file name may be raw bytes (Buffer), to send one that is not UTF-8.
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

// The client half of React's Server Action protocol, the one the browser runs: how a call's
// arguments become a request body. Taken from the Next.js install so it always matches the server.
let encodeReply;
function encoder() {
  if (!encodeReply) {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    ({ encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node"));
    process.env.NODE_ENV = previous;
  }
  return encodeReply;
}

/** A FormData from { name: value | value[] | File }. */
export function formData(fields) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  }
  return form;
}

/**
 * The body of a Server Action call with these arguments, as the browser would send it: a string
 * (text/plain) for plain values, or multipart parts when an argument is a FormData.
 */
export async function actionBody(args) {
  const reply = await encoder()(args);
  if (typeof reply === "string") return { headers: { "content-type": "text/plain;charset=UTF-8" }, body: reply };
  const parts = [];
  for (const [name, value] of reply.entries()) {
    parts.push(typeof value === "string" ? [name, value] : [name, Buffer.from(await value.arrayBuffer()), value.name]);
  }
  return multipart(parts);
}

/** The parts of an encoded call, for cases that then damage one of them. */
export async function actionParts(args) {
  const reply = await encoder()(args);
  if (typeof reply === "string") return [["0", reply]];
  const parts = [];
  for (const [name, value] of reply.entries()) parts.push([name, typeof value === "string" ? value : Buffer.from(await value.arrayBuffer())]);
  return parts;
}
