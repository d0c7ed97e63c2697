// @ts-check
// The abuse run's fixtures: a production server on a fresh database, one signed-in session per
// console role, and one registered attendee (manage token, ticket token, calendar token).
import { execSync } from "node:child_process";
import { createHash, createHmac, randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { startProductionServer } from "./prod-server.mjs";
import { fetchOnce } from "./http-client.mjs";

export const ROLES = ["admin", "organizer", "staff"];
export const PASSWORD = "forum abuse passphrase 2024";
const ticketSecret = "abuse-ticket-secret-0123456789abcdef";
export const authSecret = "abuse-auth-secret-0123456789abcdef0123456789";

/** @param {string} role */
export function userEmail(role) {
  return `${role}@abuse.test`;
}

/** The account the sign-in burst (scripts/lib/abuse-signin.mjs) attacks; no other case uses it. */
export const BURST_EMAIL = "burst@abuse.test";

/**
 * Starts the server and creates the console users (the admin comes from ADMIN_EMAIL).
 * @param {{ port: number, db: string, distDir: string, skipBuild: boolean, logFile: string }} options
 */
export async function startServer({ port, db, distDir, skipBuild, logFile }) {
  const env = {
    ADMIN_EMAIL: userEmail("admin"),
    ADMIN_PASSWORD: PASSWORD,
    ABUSE_USER_PASSWORD: PASSWORD,
    AUTH_SECRET: authSecret,
    TICKET_SECRET: ticketSecret,
    // Every case poses as a client of its own (X-Forwarded-For), so the rate limits never answer
    // in place of the check a case is about; one case checks the limit itself.
    TRUST_PROXY: "1",
    RATE_LIMIT_PER_MINUTE: "100000",
    // The attendee below gets its manage token at once; the registration probes then switch the
    // forum to confirm mode, and keep the default hourly limit (20) to test it.
    REGISTRATION_MODE: "open",
    SITE_URL: `http://127.0.0.1:${port}`,
  };
  const server = await startProductionServer({ port, db, distDir, skipBuild, env, logFile });
  for (const [email, role] of [[userEmail("organizer"), "organizer"], [userEmail("staff"), "staff"], [BURST_EMAIL, "staff"]]) {
    execSync(
      `npx tsx --conditions=react-server scripts/user.ts create --email ${email} --role ${role} --name "Abuse ${role}" --password-env ABUSE_USER_PASSWORD`,
      { env: { ...process.env, ...env, DATABASE_PATH: db }, stdio: ["ignore", "ignore", "inherit"] },
    );
  }
  return server;
}

/** @param {Response} response */
function cookiesOf(response) {
  return response.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
}

/**
 * Signs in through Auth.js's credentials endpoint; returns the session cookie ("name=value").
 * @param {string} url
 * @param {string} role
 */
export async function signIn(url, role) {
  try {
    return await signInOnce(url, role);
  } catch (error) {
    // A kept-alive connection the server closed while this script was busy: once more, anew.
    if (/** @type {Error & { cause?: { code?: string } }} */ (error).cause?.code !== "UND_ERR_SOCKET") throw error;
    return signInOnce(url, role);
  }
}

/**
 * @param {string} url
 * @param {string} role
 */
async function signInOnce(url, role) {
  const csrf = await fetchOnce(`${url}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const jar = cookiesOf(csrf);
  const response = await fetchOnce(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), "x-forwarded-for": `10.9.0.${ROLES.indexOf(role) + 1}` },
    body: new URLSearchParams({ email: userEmail(role), password: PASSWORD, csrfToken }),
  });
  const session = cookiesOf(response).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`Signing in as ${role} failed: HTTP ${response.status} ${response.headers.get("location")}`);
  return session;
}

/** @param {string} code */
export function ticketToken(code) {
  const signature = createHmac("sha256", ticketSecret).update(`ticket:v1:${code}`).digest().subarray(0, 16);
  return `${code}.${signature.toString("base64url")}`;
}

/**
 * One attendee, registered through the API, with a calendar feed address.
 * @param {string} url
 */
export async function registerAttendee(url) {
  const response = await fetchOnce(`${url}/api/v1/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "10.9.1.1" },
    body: JSON.stringify({
      fullName: "Abuse Attendee",
      email: "attendee@abuse.test",
      organisation: "Abuse Test Ltd",
      jobTitle: "Tester",
      category: "industry",
      days: ["2024-07-11", "2024-07-12"],
      consent: true,
    }),
  });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`Registering the test attendee failed: HTTP ${response.status} ${JSON.stringify(body)}`);
  return { code: body.code, manageToken: body.manageToken, ticket: ticketToken(body.code) };
}

/**
 * A speaker's portal cookie (the fourth role): a link for the fixture speaker, written straight
 * into the database as the console would (only the token's SHA-256 is stored), valid 14 days.
 * @param {string} db
 * @param {number} speakerId
 */
export function speakerPortalCookie(db, speakerId) {
  const token = randomBytes(24).toString("base64url");
  const sqlite = new Database(db);
  try {
    sqlite.pragma("busy_timeout = 5000");
    sqlite
      .prepare("INSERT INTO speaker_invitations (speaker_id, email, locale, token_hash, expires_at) VALUES (?, ?, 'en', ?, ?)")
      .run(speakerId, "speaker@abuse.test", createHash("sha256").update(token, "utf8").digest("hex"), Date.now() + 14 * 86_400_000);
  } finally {
    sqlite.close();
  }
  return `forum-speaker=${token}`;
}
