// @ts-check
// Everything the scripts send or read in Next's and React's private client protocol, in one place:
// the router's prefetch requests, and Server Action calls (the Next-Action header, the action ids
// of a build, the Next-Router-State-Tree header, the body React's client encodes and the RSC reply).
//
// Why by hand and not through a browser: the soak benchmark sends thousands of saves a minute and
// the abuse run sends bodies no browser would (broken parts, unknown ids, 10 MB), which a browser
// cannot be made to do. So the format is kept here, and pinned twice so that an upgrade of Next
// that changes it fails CI rather than the benchmarks quietly measuring errors:
// - e2e/action-format.spec.ts makes Chromium call a Server Action, and checks that this module
//   builds the same request (headers, state tree, body), that the server accepts ours, and that
//   actionResult reads the reply as the page did;
// - next-client.test.ts checks the encodings against requests captured from Chromium.
// The body itself is encoded by React's own client code from the Next install (encodeReply), so
// that it is always the format of the React version the server runs.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { multipart } from "./http-client.mjs";

const require = createRequire(import.meta.url);

// --- the router's requests ------------------------------------------------------------------------

/**
 * The `_rsc` search parameter Next's router adds to its fetches: the first 96 bits of SHA-256 over
 * the headers that vary the answer (next/dist/shared/lib/router/utils/cache-busting-search-param).
 * @param {{ prefetch?: string, segment?: string, stateTree?: string, nextUrl?: string }} headers
 */
export function cacheBustingParam({ prefetch = "0", segment, stateTree, nextUrl }) {
  const input = [prefetch, segment ?? "0", stateTree ?? "0", nextUrl ?? "0"].join(",");
  return createHash("sha256").update(input).digest().subarray(0, 12).toString("base64url");
}

/**
 * The headers and address of a segment prefetch, as the router sends one for a link in view.
 * @param {string} pathname
 * @param {string} segment
 * @param {string} fromPath
 */
export function prefetchRequest(pathname, segment, fromPath) {
  const param = cacheBustingParam({ prefetch: "1", segment, nextUrl: fromPath });
  return {
    path: `${pathname}?_rsc=${param}`,
    headers: {
      rsc: "1",
      "next-router-prefetch": "1",
      "next-router-segment-prefetch": segment,
      "next-url": fromPath,
      accept: "*/*",
      "sec-fetch-site": "same-origin",
      "sec-fetch-mode": "cors",
      "sec-fetch-dest": "empty",
    },
  };
}

/**
 * Whether a page's route tree (the answer to its `/_tree` prefetch) says the locale layout's data is
 * inlined into its child's (PrefetchHint.InlinedIntoChild, 64), so that the router asks for the
 * page's segment alone; otherwise it asks for the layout's segment (`/$d$locale`) too. Next decides
 * this per page, and a page regenerated after an edit may decide otherwise than the build did.
 * @param {string} tree
 */
export function layoutInlinedIn(tree) {
  const hint = /"n":"locale"[^\n]*?"h":(\d+)/.exec(tree)?.[1];
  return (Number(hint ?? 0) & 64) !== 0;
}

/**
 * The segments the router asks for after a page's route tree, in order: the page's own, then the
 * locale layout's unless the tree says it is inlined (see layoutInlinedIn).
 * @param {string} tree the answer to the page's `/_tree` prefetch
 * @param {string} pageSegment
 */
export function segmentsAfterTree(tree, pageSegment) {
  return layoutInlinedIn(tree) ? [pageSegment] : [pageSegment, "/$d$locale"];
}

/**
 * Next-Router-State-Tree of a page the browser is on: `segments` from the root, a dynamic one as
 * [param, value]. E.g. [["locale", "en"], "admin", "speakers", ["id", "3"]].
 * @param {Array<string | [string, string]>} segments
 */
export function routerStateTree(segments) {
  /** @type {unknown[]} */
  let node = ["__PAGE__", {}, null, null, 0];
  for (const segment of [...segments].reverse()) {
    const value = Array.isArray(segment) ? [segment[0], segment[1], "d", null] : segment;
    node = [value, { children: node }, null, null, 0];
  }
  return encodeURIComponent(JSON.stringify(["", { children: node }, null, null, 16]));
}

// --- Server Action calls --------------------------------------------------------------------------

/** @type {((value: unknown) => Promise<string | FormData>) | undefined} */
let encodeReply;
/** React's client half of the Server Action protocol, the code the browser runs. */
function encoder() {
  if (!encodeReply) {
    const previous = process.env.NODE_ENV;
    // The production build of React's client, as the browser gets it.
    Object.assign(process.env, { NODE_ENV: "production" });
    ({ encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node"));
    Object.assign(process.env, { NODE_ENV: previous });
  }
  return /** @type {(value: unknown) => Promise<string | FormData>} */ (encodeReply);
}

/**
 * A FormData from { name: value | value[] } or from [name, value] pairs (a name may repeat). A
 * value that is not a Blob is sent as its string, as FormData itself does.
 * @param {Record<string, unknown> | Array<[string, unknown]>} fields
 */
export function formData(fields) {
  const form = new FormData();
  const entries = Array.isArray(fields) ? fields : Object.entries(fields);
  for (const [name, value] of entries) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, item instanceof Blob ? item : String(item));
  }
  return form;
}

/**
 * The parts of a call's body as React encodes `args`: one part "0" (text/plain) for plain values,
 * or multipart parts when an argument is a FormData (its fields prefixed "_<part>_", part "0" the
 * arguments with the form as "$K<part>"). Files become Buffers, with their names.
 * @param {unknown[]} args
 * @returns {Promise<{ text: string } | { parts: Array<[string, string | Buffer, string?]> }>}
 */
export async function encodeCall(args) {
  const reply = await encoder()(args);
  if (typeof reply === "string") return { text: reply };
  /** @type {Array<[string, string | Buffer, string?]>} */
  const parts = [];
  for (const [name, value] of reply.entries()) {
    parts.push(typeof value === "string" ? [name, value] : [name, Buffer.from(await value.arrayBuffer()), value.name]);
  }
  return { parts };
}

/**
 * The parts of an encoded call as multipart parts (a text call as its one part "0"), for the abuse
 * cases that then damage one of them.
 * @param {unknown[]} args
 */
export async function actionParts(args) {
  const call = await encodeCall(args);
  return "text" in call ? [/** @type {[string, string | Buffer, string?]} */ (["0", call.text])] : call.parts;
}

/**
 * The body of a Server Action call with these arguments, as the browser sends it.
 * @param {unknown[]} args
 * @returns {Promise<{ headers: { "content-type": string }, body: string | Buffer }>}
 */
export async function actionBody(args) {
  const call = await encodeCall(args);
  if ("text" in call) return { headers: { "content-type": "text/plain;charset=UTF-8" }, body: call.text };
  return multipart(call.parts);
}

/**
 * The headers of a Server Action call from the page at `pagePath` (contentType from actionBody).
 * @param {{ base: string, pagePath: string, actionId: string, stateTree: string, contentType: string, cookie?: string }} call
 */
export function actionHeaders({ base, pagePath, actionId, stateTree, contentType, cookie }) {
  return {
    accept: "text/x-component",
    "content-type": contentType,
    "next-action": actionId,
    "next-router-state-tree": stateTree,
    origin: base,
    referer: `${base}${pagePath}`,
    "sec-fetch-site": "same-origin",
    "sec-fetch-mode": "cors",
    "sec-fetch-dest": "empty",
    ...(cookie ? { cookie } : {}),
  };
}

/**
 * The rows of an RSC answer: "<id>:<json>\n", except text rows, "<id>:T<hex byte length>,<text>",
 * which end after that many bytes with no newline (long strings, such as a form's values, go there).
 * @param {Buffer} body
 */
export function flightRows(body) {
  /** @type {Map<string, string>} */
  const rows = new Map();
  let at = 0;
  while (at < body.length) {
    const colon = body.indexOf(0x3a, at);
    if (colon === -1) break;
    const id = body.subarray(at, colon).toString("latin1");
    if (body[colon + 1] === 0x54 /* T */) {
      const comma = body.indexOf(0x2c, colon);
      const length = parseInt(body.subarray(colon + 2, comma).toString("latin1"), 16);
      rows.set(id, JSON.stringify(body.subarray(comma + 1, comma + 1 + length).toString("utf8")));
      at = comma + 1 + length;
    } else {
      const end = body.indexOf(0x0a, colon);
      rows.set(id, body.subarray(colon + 1, end === -1 ? body.length : end).toString("utf8"));
      at = end === -1 ? body.length : end + 1;
    }
  }
  return rows;
}

/**
 * The value a Server Action returned, read from its RSC answer: row 0 names the row of the result
 * ("a": "$@1"). undefined when the answer carries no result (an error, a redirect, a page).
 * @param {Buffer | string} body
 * @returns {unknown}
 */
export function actionResult(body) {
  const rows = flightRows(typeof body === "string" ? Buffer.from(body) : body);
  try {
    const head = JSON.parse(rows.get("0") ?? "null");
    const ref = /^\$@([0-9a-f]+)$/.exec(head?.a ?? "")?.[1];
    const raw = ref === undefined ? undefined : rows.get(ref);
    if (raw === undefined || raw.startsWith("E")) return undefined;
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * @typedef {object} BuiltAction
 * @property {string} key "<file>#<export>"
 * @property {string} id the Next-Action header's value
 * @property {string} name
 * @property {string} file
 * @property {string[]} workers the pages and routes that can run it ("app/[locale]/register/page")
 */

/**
 * Every Server Action the build serves, from <distDir>/server/server-reference-manifest.json.
 * Inline actions ("use server" inside a function) are listed there too, under generated names.
 * @param {string} distDir
 * @returns {BuiltAction[]}
 */
export function builtActions(distDir) {
  /** @type {{ node?: Record<string, { filename: string, exportedName: string, workers?: Record<string, unknown> }> }} */
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8"));
  return Object.entries(manifest.node ?? {})
    .map(([id, entry]) => ({
      key: `${entry.filename}#${entry.exportedName}`,
      id,
      name: entry.exportedName,
      file: entry.filename,
      workers: Object.keys(entry.workers ?? {}),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * The id of one exported action in a build; throws when the build has no such action.
 * @param {string} distDir
 * @param {string} file e.g. "app/[locale]/admin/speakers/actions.ts"
 * @param {string} name e.g. "updateSpeakerAction"
 */
export function actionId(distDir, file, name) {
  const found = builtActions(distDir).find((a) => a.file === file && a.name === name);
  if (!found) throw new Error(`No Server Action ${name} in ${file} in the build's manifest (${distDir}).`);
  return found.id;
}
