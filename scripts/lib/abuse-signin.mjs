// @ts-check
// The sign-in throttle under attack, against the running server (TRUST_PROXY=1 here, so the last
// X-Forwarded-For entry is the client, as a proxy would append it):
// - 200 wrong passwords for one account from one address, all at once: at most 8 are checked
//   (answered 401); every other one is refused (429) without a password check;
// - the right password from that address is refused too, for now;
// - forged X-Forwarded-For entries (what a client writes before the proxy's) change nothing: the
//   throttle keys on the address the proxy appended;
// - the account's owner, from another address, still signs in: slowed down, not locked out.

import { fetchOnce } from "./http-client.mjs";

const BURST = 200;
const MAX_CHECKED = 8;

/**
 * @param {string} url
 * @param {{ email: string, password: string }} account an account no other case signs in to
 * @returns {Promise<{ lines: string[], shortfalls: { name: string, why: string }[] }>}
 */
export async function signInBurst(url, { email, password }) {
  /** @type {string[]} */
  const lines = [];
  /** @type {{ name: string, why: string }[]} */
  const shortfalls = [];
  /** @param {string} name @param {string} why */
  const fail = (name, why) => shortfalls.push({ name, why });
  const { csrfToken, cookie } = await csrf(url);
  /** @param {string} forwardedFor @param {string} pass */
  const attempt = async (forwardedFor, pass) => {
    const response = await fetchOnce(`${url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": forwardedFor },
      body: new URLSearchParams({ email, password: pass, csrfToken }),
    });
    const body = await response.text();
    const signedIn = response.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="));
    return { status: response.status, body, signedIn };
  };

  const attacker = "10.77.0.1";
  const started = Date.now();
  const burst = await Promise.all(Array.from({ length: BURST }, (_, i) => attempt(attacker, `wrong guess ${i}`)));
  const tally = new Map();
  for (const r of burst) tally.set(r.status, (tally.get(r.status) ?? 0) + 1);
  const checked = tally.get(401) ?? 0;
  lines.push(
    `${BURST} parallel wrong passwords for ${email} from ${attacker}, in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      [...tally].map(([status, n]) => `${n} × ${status}`).join(", ") + ` (checked: ${checked}, at most ${MAX_CHECKED} allowed).`,
  );
  if (checked > MAX_CHECKED) fail("parallel sign-in burst", `${checked} passwords were checked, more than ${MAX_CHECKED}`);
  if (checked === 0) fail("parallel sign-in burst", "no password was checked at all: the burst proves nothing");
  const other = burst.filter((r) => r.status !== 401 && r.status !== 429);
  if (other.length) fail("parallel sign-in burst", `answers other than 401 and 429: ${other.map((r) => r.status).join(", ")}`);
  if (burst.some((r) => r.signedIn)) fail("parallel sign-in burst", "a wrong password signed in");

  const right = await attempt(attacker, password);
  lines.push(`The right password from ${attacker} right after: ${right.status}${right.signedIn ? " (signed in)" : ""}.`);
  if (right.status !== 429 || right.signedIn) fail("the right password from the locked address", `HTTP ${right.status}, expected 429 (locked)`);

  // The client writes an address of its choice before the one the proxy appends.
  const forged = await Promise.all(
    Array.from({ length: 20 }, (_, i) => attempt(`203.0.113.${i + 1}, ${attacker}`, i === 19 ? password : `forged guess ${i}`)),
  );
  const forgedThrough = forged.filter((r) => r.status !== 429);
  lines.push(`20 attempts from ${attacker} with a forged X-Forwarded-For entry before it (203.0.113.x): ${forged.length - forgedThrough.length} refused (429).`);
  if (forgedThrough.length) {
    fail("forged X-Forwarded-For", `${forgedThrough.length} attempts with a forged entry got past the lock: ${forgedThrough.map((r) => r.status).join(", ")}`);
  }

  const owner = "10.77.0.2";
  const ownerStarted = Date.now();
  const own = await attempt(owner, password);
  lines.push(
    `The owner, from ${owner}, with the right password: ${own.status}${own.signedIn ? " (signed in)" : ""} after ${((Date.now() - ownerStarted) / 1000).toFixed(1)} s (the account's slow-down, not a lock).`,
  );
  if (!own.signedIn) fail("the owner from another address", `HTTP ${own.status} ${own.body.slice(0, 120)}: an attacker elsewhere keeps the account locked`);
  return { lines, shortfalls };
}

/** @param {string} url */
async function csrf(url) {
  const response = await fetchOnce(`${url}/api/auth/csrf`, { headers: { "x-forwarded-for": "10.77.0.250" } });
  const { csrfToken } = await response.json();
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { csrfToken, cookie };
}
