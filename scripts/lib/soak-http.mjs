// @ts-check
// HTTP as the soak benchmark's clients speak it: one keep-alive connection per client, browser
// headers, cookie jars. Next's own requests (prefetches, Server Actions) are in next-client.mjs.
import http from "node:http";
import { request as send, text } from "./http-client.mjs";

export { text };
const BROWSER = {
  "user-agent":
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 forum-soak",
  "accept-language": "en-US,en;q=0.9,zh-CN;q=0.8",
  "accept-encoding": "gzip, deflate",
};

/** One client's connection: a browser reuses one keep-alive connection for requests in sequence. */
export const clientAgent = () => new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * One request with a browser's headers over the client's connection, timed until the last byte. A
 * keep-alive connection the server closed just as it was reused is retried once on a new one, as
 * browsers do (`retried` says so); other failures are not.
 * @param {string} base
 * @param {http.Agent} agent
 * @param {import("./http-client.mjs").RequestOptions} options
 */
export function request(base, agent, options) {
  return send(base, { ...options, agent, headers: { ...BROWSER, ...options.headers }, retryReset: true });
}

/** Cookies of one signed-in person. */
export class CookieJar {
  /** @type {Map<string, string>} */
  #cookies = new Map();
  /** @param {string | string[]} [setCookie] */
  keep(setCookie = []) {
    for (const line of [setCookie].flat()) {
      const pair = line.split(";")[0] ?? "";
      const at = pair.indexOf("=");
      this.#cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
  }
  /** @param {string} fragment */
  has(fragment) {
    return [...this.#cookies.keys()].some((name) => name.includes(fragment));
  }
  header() {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/**
 * Signs in through Auth.js's credentials endpoint (what the console's sign-in does), into `jar`.
 * @param {string} base
 * @param {http.Agent} agent
 * @param {CookieJar} jar
 * @param {{ email: string, password: string }} account
 */
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
