// Checks a POST to a page (a Server Action, or a form posted without JavaScript) before Next.js
// decodes it. Next answers a cross-site action, a body over its 1 MB limit, a broken multipart body
// or deeply nested arguments with a 500, as if the fault were ours; these are the client's faults,
// and get the 4xx that says so. What passes is the same bytes, handed on to Next.
import { sameOriginHeaders } from "./same-origin.mjs";

/** Next's own limit on a Server Action's body (experimental.serverActions.bodySizeLimit). */
export const ACTION_BODY_LIMIT = 1024 * 1024;
/** Far deeper than any argument our forms send; deep enough nesting overflows the decoder's stack. */
const MAX_DEPTH = 64;

/** POSTs outside /api that are route handlers rather than pages: they read their own bodies. */
const ROUTE_HANDLERS = [/^\/(en|zh-CN)\/admin\/speakers\/[^/]+\/photo\/?$/];

/** @param {string} method @param {string} url */
export function isPagePost(method, url) {
  if (method !== "POST") return false;
  const path = url.split("?")[0];
  if (path.startsWith("/api/") || path.startsWith("/_next/")) return false;
  return !ROUTE_HANDLERS.some((pattern) => pattern.test(path));
}

/**
 * What is wrong with the request before its body is read, or null.
 * @param {Record<string, string | string[] | undefined>} headers Node's lower-cased request headers
 * @returns {{ status: number, error: string } | null}
 */
export function checkActionHeaders(headers) {
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

/** How deeply a JSON text nests arrays and objects (strings skipped), without parsing it. */
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
  /** React's encoded arguments: the whole body, or the fields named by a number. */
  const encoded = [];
  if (type.startsWith("multipart/form-data")) {
    let form;
    try {
      form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    } catch {
      return { status: 400, error: "The form's multipart body cannot be read." };
    }
    for (const [name, value] of form) if (/^\d+$/.test(name) && typeof value === "string") encoded.push(value);
  } else if (type.startsWith("text/plain")) {
    encoded.push(body.toString("utf8"));
  }
  if (encoded.some((text) => jsonDepth(text) > MAX_DEPTH)) return { status: 400, error: "The form's arguments nest too deeply." };
  return null;
}
