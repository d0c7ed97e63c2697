import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { captureAction, replayAction } from "./support/actions";
import { E2E_USERS } from "./support/console";

// Two server processes on one database (playwright.config.ts's pair: a forum of 20 seats,
// RATE_LIMIT_PER_MINUTE=30, TRUST_PROXY=1): what one process allows or records, the other must
// see, as when `npm start` runs one process per core. Each test speaks for addresses of its own
// (X-Forwarded-For), and only the capacity test registers anyone.
const [A, B] = process.env.E2E_PAIR_PORTS!.split(",").map((port) => `http://127.0.0.1:${port}`) as [string, string];
const both = [A, B] as const;
const CAPACITY = 20;
const RATE_LIMIT = 30;
const REGISTRATIONS = "/api/v1/registrations";

/** An address no other test uses: 198.51.100.x and 203.0.113.x are for documentation. */
let nextAddress = 0;
const address = () => `203.0.113.${(test.info().workerIndex * 50 + ++nextAddress) % 250 + 1}`;
const from = (ip: string) => ({ "x-forwarded-for": ip });

type Created = { code: string; status: "confirmed" | "waiting"; position?: number; manageToken: string };

function registration(i: number) {
  return {
    fullName: `Pair Attendee ${i}`,
    email: `${crypto.randomUUID()}@example.test`,
    organisation: "Example Motors",
    jobTitle: "Engineer",
    category: "industry",
    days: ["2024-07-11"],
    consent: true,
  };
}

test("60 registrations at once, spread over both processes: exactly 20 confirmed, 40 waiting at places 1 to 40", async ({
  request,
}) => {
  test.setTimeout(60_000);
  // One address each, so neither the per-minute nor the hourly limit refuses any of them.
  const senders = Array.from({ length: 60 }, (_, i) => `198.51.100.${i + 100}`);
  const responses = await Promise.all(
    senders.map((ip, i) =>
      request.post(`${both[i % 2]}${REGISTRATIONS}`, { data: registration(i), headers: from(ip) }),
    ),
  );
  expect(responses.map((r) => r.status())).toEqual(Array(60).fill(201));
  const created = (await Promise.all(responses.map((r) => r.json()))) as Created[];
  const confirmed = created.filter((r) => r.status === "confirmed");
  const waiting = created.filter((r) => r.status === "waiting");
  expect(confirmed).toHaveLength(CAPACITY);
  expect(waiting).toHaveLength(40);
  // Places without gaps or repeats, though two processes handed them out.
  expect(waiting.map((r) => r.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  expect(new Set(created.map((r) => r.code)).size).toBe(60);
  // Both processes did part of the work.
  for (const side of [0, 1]) expect(created.filter((_, i) => i % 2 === side).length).toBe(30);

  // Each process reports what the other decided.
  const seen = await Promise.all(
    created.map(async (r, i) => {
      const response = await request.get(`${both[(i + 1) % 2]}${REGISTRATIONS}/${r.code}`, {
        headers: { authorization: `Bearer ${r.manageToken}`, ...from(senders[i]!) },
      });
      expect(response.status()).toBe(200);
      return (await response.json()) as { status: string; position?: number };
    }),
  );
  expect(seen.map((s) => [s.status, s.position])).toEqual(created.map((r) => [r.status, r.position]));
});

test("the rate limit is the server's: from one address, alternating processes, refused after 30 in all, not 60", async ({
  request,
}) => {
  const ip = address();
  const probe = (i: number) =>
    request.get(`${both[i % 2]}${REGISTRATIONS}/CAF-22222222`, {
      headers: { authorization: `Bearer ${"D".repeat(32)}`, ...from(ip) },
    });
  const started = Date.now();
  const statuses: number[] = [];
  // One after the other, so that the order of the answers is the order of the takes.
  for (let i = 0; i < 60; i++) statuses.push((await probe(i)).status());
  // The budget refills by one every 2 s (30 a minute): a slow run earns a few more.
  const refilled = Math.ceil((Date.now() - started) / 2_000);
  const allowed = statuses.filter((s) => s === 404).length;
  expect(statuses.slice(0, RATE_LIMIT)).toEqual(Array(RATE_LIMIT).fill(404));
  expect(allowed).toBeLessThanOrEqual(RATE_LIMIT + refilled);
  expect(statuses.filter((s) => s !== 404 && s !== 429)).toEqual([]);
  // Each process refuses once the shared budget is spent, not only the one that spent it.
  for (const side of [0, 1]) expect(statuses.filter((s, i) => i % 2 === side && s === 429).length).toBeGreaterThan(0);
  // Another address still has its whole budget.
  expect((await probe(0)).status()).toBe(429);
  const other = await request.get(`${B}${REGISTRATIONS}/CAF-22222222`, {
    headers: { authorization: `Bearer ${"D".repeat(32)}`, ...from(address()) },
  });
  expect(other.status()).toBe(404);
});

/** Wrong-password sign-ins for one email from one address, all at once, through the given servers. */
async function failedSignIns(
  request: APIRequestContext,
  page: import("@playwright/test").Page,
  servers: readonly string[],
  count: number,
): Promise<string[]> {
  const ip = address();
  const email = `throttled-${crypto.randomUUID().slice(0, 8)}@forum.test`;
  await page.context().setExtraHTTPHeaders(from(ip));
  await page.goto(`${servers[0]}/en/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong guess 0");
  const attempt = await captureAction(page, () => page.getByRole("button", { name: "Sign in", exact: true }).click());
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an active account.");
  const path = new URL(attempt.url).pathname;
  const answers: APIResponse[] = await Promise.all(
    Array.from({ length: count - 1 }, (_, i) => {
      const server = servers[(i + 1) % servers.length]!;
      const body = Buffer.from(attempt.body.toString("latin1").replace("wrong guess 0", `wrong guess ${i + 1}`), "latin1");
      return replayAction(request, {
        url: `${server}${path}`,
        headers: { ...attempt.headers, origin: server, ...from(ip) },
        body,
      });
    }),
  );
  const errors = ["invalid"];
  for (const answer of answers) {
    expect(answer.status()).toBe(200);
    errors.push(/"error":"(\w+)"/.exec(await answer.text())?.[1] ?? "none");
  }
  return errors;
}

test("the sign-in throttle is the server's: 20 wrong passwords over both processes, 8 checked, as on one", async ({
  playwright,
  page,
}) => {
  // Two sign-in pages and 40 attempts, the first of them on processes that have rendered no
  // console page yet: slow on a busy machine.
  test.setTimeout(120_000);
  // A client of its own for each burst: a keep-alive connection left idle by an earlier test can be
  // closed by the server (after 5 s) just as a POST is written to it, a reset no browser shows,
  // since a browser sends the request again on a new connection.
  const burst = async (servers: readonly string[]) => {
    const request = await playwright.request.newContext();
    try {
      return await failedSignIns(request, page, servers, 20);
    } finally {
      await request.dispose();
    }
  };
  const [overBoth, onOne] = [await burst(both), await burst([A])];
  const count = (errors: string[], kind: string) => errors.filter((e) => e === kind).length;
  // Eight guesses per email and address in 15 minutes (lib/auth/throttle.ts), whichever process
  // takes them; a throttle per process would let 16 through.
  expect(count(onOne, "invalid")).toBe(8);
  expect(count(overBoth, "invalid")).toBe(8);
  expect(count(overBoth, "locked")).toBe(12);
});

test("sessions are the server's: signed in through one process, signed in on the other, until signed out through either", async ({
  browser,
  playwright,
}) => {
  test.setTimeout(90_000);
  // Through B, while the throttle test above keeps A's password hashing busy.
  const context = await browser.newContext({ baseURL: B });
  const page = await context.newPage();
  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill(E2E_USERS.organizer.email);
  await page.getByLabel("Password", { exact: true }).fill(E2E_USERS.organizer.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // A password hash on a process that has rendered no console page yet: slow on a busy machine.
  await expect(page).toHaveURL(/\/en\/admin$/, { timeout: 45_000 });
  // Cookies belong to the host, not the port: the same cookie goes to both processes.
  const onA = await playwright.request.newContext({ baseURL: A, storageState: await context.storageState() });
  expect((await onA.get("/en/admin/attendees/export.csv")).status()).toBe(200);
  const consoleOnA = await onA.get("/en/admin", { maxRedirects: 0 });
  expect(consoleOnA.status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in$/);

  // The other process decoded this cookie a moment ago; it still reads the session row each time.
  expect((await onA.get("/en/admin/attendees/export.csv")).status()).toBe(401);
  const afterSignOut = await onA.get("/en/admin", { maxRedirects: 0 });
  expect(afterSignOut.status()).toBe(307);
  expect(afterSignOut.headers()["location"]).toMatch(/\/en\/sign-in\?next=/);
  await onA.dispose();
  await context.close();
});
