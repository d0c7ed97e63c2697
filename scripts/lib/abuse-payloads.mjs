// @ts-check
// The hostile inputs, and the JSON bodies requests are built with. Multipart bodies are written by
// http-client.mjs, Server Action calls by next-client.mjs.
import { randomBytes } from "node:crypto";

export const TEN_MB = 10 * 1024 * 1024;

export const SQL = /** @type {readonly [string, string, string]} */ ([`' OR '1'='1' --`, `x'); DROP TABLE registrations; --`, `1 UNION SELECT password_hash FROM users --`]);
export const SCRIPT = /** @type {readonly [string, string, string]} */ ([`<script>alert(1)</script>`, `"><img src=x onerror=alert(2)>`, `javascript:alert(3)`]);

/** Bytes that are not UTF-8: a lone continuation byte, 0xFF, an overlong "/", a UTF-16 surrogate, a cut sequence. */
export const BROKEN_UTF8 = Buffer.from([0x41, 0x80, 0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xe4, 0xb8]);

/** JSON nested `levels` deep: arrays, the cheapest nesting to write. */
/**
 * @param {number} levels
 * @param {string} [inner]
 */
export function deepJson(levels, inner = "0") {
  return "[".repeat(levels) + inner + "]".repeat(levels);
}

/** An object nested `levels` deep, for bodies that must be objects: {"a":{"a":…}}. */
/** @param {number} levels */
export function deepObject(levels) {
  return '{"a":'.repeat(levels) + "0" + "}".repeat(levels);
}

/**
 * A JSON request's headers and body.
 * @param {unknown} value a value, or JSON text as it is
 */
export function json(value) {
  return { headers: { "content-type": "application/json" }, body: typeof value === "string" ? value : JSON.stringify(value) };
}

/** A JSON body with bytes that are not UTF-8 inside a string. */
/** @param {string} field */
export function brokenUtf8Json(field) {
  return {
    headers: { "content-type": "application/json" },
    body: Buffer.concat([Buffer.from(`{"${field}":"`), BROKEN_UTF8, Buffer.from('"}')]),
  };
}

export function randomToken(length = 32) {
  return randomBytes(length).toString("base64url").slice(0, length);
}
