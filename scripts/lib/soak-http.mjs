// HTTP as the soak benchmark's clients speak it: one keep-alive connection per client, browser
// headers, cookie jars, and Server Action calls encoded the way React's client encodes them.
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";

export const TIMEOUT_MS = 10_000;
const BROWSER = {
  "user-agent":
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 forum-soak",
  "accept-language": "en-US,en;q=0.9,zh-CN;q=0.8",
  "accept-encoding": "gzip, deflate",
};

/** One client's connection: a browser reuses one keep-alive connection for requests in sequence. */
export const clientAgent = () => new http.Agent({ keepAlive: true, maxSockets: 1 });

function once(base, agent, { method = "GET", path, headers = {}, body }) {
  const url = new URL(base);
  return new Promise((resolve) => {
    const started = performance.now();
    const payload =
      body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        agent,
        headers: {
          ...BROWSER,
          ...headers,
          ...(payload ? { "content-length": payload.length } : {}),
        },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          resolve({
            status: res.statusCode,
            headers: res.headers,
            raw,
            bytes: raw.length,
            ms: performance.now() - started,
          });
        });
        res.on("error", (error) =>
          resolve({
            status: 0,
            error: error.code || error.message,
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    req.on("error", (error) =>
      resolve({
        status: 0,
        error: error.code || error.message,
        reused: req.reusedSocket,
        ms: performance.now() - started,
      }),
    );
    req.end(payload);
  });
}

/**
 * One request, timed until the last byte. A keep-alive connection the server closed just as it was
 * reused is retried once on a new one, as browsers do (`retried` says so); other failures are not.
 */
export async function request(base, agent, options) {
  let answer = await once(base, agent, options);
  let retried = false;
  if (
    answer.status === 0 &&
    answer.reused &&
    (answer.error === "ECONNRESET" || answer.error === "EPIPE")
  ) {
    const first = answer.ms;
    answer = await once(base, agent, options);
    answer.ms += first;
    retried = true;
  }
  return { ...answer, retried };
}

/** The body as text, inflated if the server compressed it. */
export function text(answer) {
  if (!answer.raw) return "";
  const encoding = answer.headers["content-encoding"];
  if (encoding === "gzip") return zlib.gunzipSync(answer.raw).toString("utf8");
  if (encoding === "deflate") return zlib.inflateSync(answer.raw).toString("utf8");
  if (encoding === "br") return zlib.brotliDecompressSync(answer.raw).toString("utf8");
  return answer.raw.toString("utf8");
}

/** Cookies of one signed-in person. */
export class CookieJar {
  #cookies = new Map();
  keep(setCookie = []) {
    for (const line of [setCookie].flat()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.#cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
  }
  has(fragment) {
    return [...this.#cookies.keys()].some((name) => name.includes(fragment));
  }
  header() {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** Signs in through Auth.js's credentials endpoint (what the console's sign-in does), into `jar`. */
export async function signIn(base, agent, jar, { email, password }) {
  const csrf = await request(base, agent, { path: "/api/auth/csrf" });
  jar.keep(csrf.headers?.["set-cookie"]);
  const { csrfToken } = JSON.parse(text(csrf));
  const answer = await request(base, agent, {
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: jar.header(),
      origin: base,
      "sec-fetch-site": "same-origin",
    },
    body: new URLSearchParams({
      csrfToken,
      email,
      password,
      callbackUrl: `${base}/en/admin`,
    }).toString(),
  });
  jar.keep(answer.headers?.["set-cookie"]);
  if (!jar.has("session-token"))
    throw new Error(`Signing in as ${email} failed (HTTP ${answer.status}).`);
}

// --- Next.js client requests ------------------------------------------------------------------

/**
 * The `_rsc` search parameter Next's router adds to its fetches: the first 96 bits of SHA-256 over
 * the headers that vary the answer (next/dist/shared/lib/router/utils/cache-busting-search-param).
 * @param {{ prefetch?: string, segment?: string, stateTree?: string, nextUrl?: string }} headers
 */
export function cacheBustingParam({ prefetch = "0", segment, stateTree, nextUrl }) {
  const input = [prefetch, segment ?? "0", stateTree ?? "0", nextUrl ?? "0"].join(",");
  return createHash("sha256").update(input).digest().subarray(0, 12).toString("base64url");
}

/** The headers and address of a segment prefetch, as the router sends one for a link in view. */
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
 * Next-Router-State-Tree of a page the browser is on: `segments` from the root, a dynamic one as
 * [param, value]. E.g. [["locale", "en"], "admin", "speakers", ["id", "3"]].
 */
export function routerStateTree(segments) {
  let node = ["__PAGE__", {}, null, null, 0];
  for (const segment of [...segments].reverse()) {
    const value = Array.isArray(segment) ? [segment[0], segment[1], "d", null] : segment;
    node = [value, { children: node }, null, null, 0];
  }
  return encodeURIComponent(JSON.stringify(["", { children: node }, null, null, 16]));
}

/**
 * The body React's client sends for `action(previousState, formData)` (useActionState with a
 * form): the form's fields prefixed "_1_" (the FormData is reply part 1) and part "0", the
 * arguments, with the form as a reference. Captured from Chromium against this app.
 */
export function actionBody(fields, previousState) {
  const boundary = `----WebKitFormBoundary${randomBytes(12).toString("base64url").slice(0, 16)}`;
  const part = (name, value) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const parts = fields.map(([name, value]) => part(`_1_${name}`, value));
  parts.push(part("0", JSON.stringify([previousState, "$K1"])));
  parts.push(`--${boundary}--\r\n`);
  return {
    body: Buffer.from(parts.join("")),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** The headers of a Server Action call from the page at `pagePath`. */
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
    cookie,
  };
}

/** The value an action returned, from its RSC answer (row 0 names the row that holds it). */
export function actionResult(body) {
  const rows = new Map();
  for (const line of body.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const head = JSON.parse(rows.get("0") ?? "null");
  const ref = typeof head?.a === "string" && head.a.startsWith("$@") ? head.a.slice(2) : null;
  if (ref === null || !rows.has(ref)) return undefined;
  return JSON.parse(rows.get(ref));
}
