// @ts-check
// Checks a POST to a page (a Server Action, or a form posted without JavaScript) before Next.js
// decodes it. Next answers a cross-site action, a body over its 1 MB limit, a broken multipart body
// or deeply nested arguments with a 500, as if the fault were ours; these are the client's faults,
// and get the 4xx that says so. What passes is the same bytes, handed on to Next.
import { sameOriginHeaders } from "./same-origin.mjs";

/** Next's own limit on a Server Action's body (experimental.serverActions.bodySizeLimit). */
export const ACTION_BODY_LIMIT = 1024 * 1024;
/** Far deeper than any argument our forms send; deep enough nesting overflows the decoder's stack. */
const MAX_DEPTH = 64;
/** Next's own limit on a Server Action's arguments (SERVER_ACTION_ARGS_LIMIT): more is a 500. */
const MAX_ARGS = 1000;

/**
 * Route handlers outside /api read their own bodies and answer their own errors: the photo uploads
 * (the console's and the speaker portal's), the speaker portal's slides, and every address of a file (`/agenda.ics`,
 * `/feeds/….ics`, `/schedule.json`): pages have no dot.
 */
const ROUTE_HANDLERS = [
  /^\/(en|zh-CN)\/admin\/speakers\/[^/]+\/photo\/?$/,
  /^\/(en|zh-CN)\/speaker\/photo\/?$/,
  // The speaker's slides for one of their sessions: a PDF of up to 50 MB as the body itself.
  /^\/(en|zh-CN)\/speaker\/sessions\/[^/]+\/slides\/?$/,
  /\.[^/]*$/,
];

/** @param {string | undefined} method @param {string} url */
export function isPagePost(method, url) {
  if (method !== "POST") return false;
  const path = url.split("?")[0] ?? "";
  if (path.startsWith("/api/") || path.startsWith("/_next/")) return false;
  return !ROUTE_HANDLERS.some((pattern) => pattern.test(path));
}

/**
 * What is wrong with the request before its body is read, or null.
 * @param {Record<string, string | string[] | undefined>} headers Node's lower-cased request headers
 * @returns {{ status: number, error: string } | null}
 */
export function checkActionHeaders(headers) {
  /** @param {string} name */
  const header = (name) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  if (!sameOriginHeaders(header)) return { status: 403, error: "This form was sent from another site's page and was refused." };
  const length = header("content-length");
  if (length === undefined) return { status: 411, error: "A form must be sent with its Content-Length." };
  if (!/^\d+$/.test(length)) return { status: 400, error: "The Content-Length is not a number." };
  if (Number(length) > ACTION_BODY_LIMIT) return { status: 413, error: "The form is larger than 1 MB." };
  const type = (header("content-type") || "").toLowerCase();
  const fetchAction = header("next-action") !== undefined;
  const allowed = type.startsWith("multipart/form-data") || (fetchAction ? type.startsWith("text/plain") : type.startsWith("application/x-www-form-urlencoded"));
  if (!allowed) return { status: 415, error: "A form must be sent as multipart/form-data." };
  return null;
}

/**
 * How deeply a JSON text nests arrays and objects (strings skipped), without parsing it.
 * @param {string} text
 */
export function jsonDepth(text) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) deepest = Math.max(deepest, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * React's reply format keeps some values in other parts of the body and points at them with "$", a
 * tag and the part's id in hex ("$1", "$@1", "$Q1", "$F1", "$B1"…). Next's decoder throws (a 500)
 * on a pointer to a part that was not sent, or on a tag it does not know. The strings starting
 * with "$" that our pages send: "$$…" (a "$" escaped), "$K<id>" (the FormData, which may have no
 * fields), "$undefined" and the other constants, "$D<date>" and "$n<bigint>".
 */
const CONSTANT = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$|K[0-9a-f]+$)/;
const POINTER = /^\$[@FQWBiRrXxAOoUSsLlGgMmV]?([0-9a-f]+)$/;

/**
 * Whether a decoded argument points at a part that is not in `parts`, or uses an unknown tag.
 * @param {unknown} value
 * @param {Set<number>} parts
 * @returns {boolean}
 */
function brokenPointer(value, parts) {
  if (typeof value === "string") {
    if (!value.startsWith("$") || CONSTANT.test(value)) return false;
    const pointer = POINTER.exec(value);
    return !pointer?.[1] || !parts.has(parseInt(pointer[1], 16));
  }
  if (Array.isArray(value)) return value.some((item) => brokenPointer(item, parts));
  if (value && typeof value === "object") return Object.values(value).some((item) => brokenPointer(item, parts));
  return false;
}

/**
 * What is wrong with the body, or null.
 * @param {Buffer} body
 * @param {string} contentType
 * @returns {Promise<{ status: number, error: string } | null>}
 */
export async function checkActionBody(body, contentType) {
  try {
    utf8.decode(body);
  } catch {
    return { status: 400, error: "The form is not valid UTF-8." };
  }
  const type = contentType.toLowerCase();
  /** React's encoded arguments: the whole body, or the fields named by a number ("0" the list). */
  const encoded = [];
  let root;
  /** The parts other parts may point at: fields named by a number other than 0. */
  const parts = new Set();
  if (type.startsWith("multipart/form-data")) {
    let form;
    try {
      form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    } catch {
      return { status: 400, error: "The form's multipart body cannot be read." };
    }
    for (const [name, value] of form) {
      if (!/^\d+$/.test(name)) continue;
      if (name === "0") root = value;
      else parts.add(Number(name));
      if (typeof value === "string") encoded.push(value);
    }
  } else if (type.startsWith("text/plain")) {
    root = body.toString("utf8");
    encoded.push(root);
  }
  if (encoded.some((text) => jsonDepth(text) > MAX_DEPTH)) return { status: 400, error: "The form's arguments nest too deeply." };
  let values;
  try {
    values = encoded.map((text) => JSON.parse(text));
  } catch {
    return { status: 400, error: "The form's arguments are not JSON." };
  }
  if (root !== undefined) {
    const list = typeof root === "string" ? values[encoded.indexOf(root)] : undefined;
    if (!Array.isArray(list)) return { status: 400, error: "The form's arguments must be a list." };
    if (list.length > MAX_ARGS) return { status: 400, error: `A form takes at most ${MAX_ARGS} arguments.` };
  }
  if (values.some((value) => brokenPointer(value, parts))) {
    return { status: 400, error: "The form's arguments point at parts that were not sent." };
  }
  return null;
}
