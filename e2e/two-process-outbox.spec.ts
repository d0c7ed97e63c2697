import fs from "node:fs";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { startFakeSmtp, type FakeSmtp } from "./support/fake-smtp";

// The mail worker across processes, with servers of this spec's own: a mail server is given at
// start (SMTP_URL), which the shared e2e servers do not have. Ports past the pair's (E2E_PORT+5, +6).
const base = Number(process.env.E2E_PORT || 3100);
const [PORT_C, PORT_D, SMTP_PORT] = [base + 7, base + 8, base + 9];
const DB = `./data/e2e-outbox-${PORT_C}.db`;
// A copy of the build: pages these servers regenerate must not land in one another server reads.
const RUN_DIR = `${process.env.E2E_DIST_DIR || ".next-e2e"}-outbox`;
const LEFT_PENDING = `left-pending-${crypto.randomUUID().slice(0, 8)}@example.test`;

test.describe.configure({ mode: "serial" });

type Server = { stop(): void; exited: Promise<unknown> };
type Start = (options: { port: number; db: string; distDir: string; skipBuild: boolean; [option: string]: unknown }) => Promise<Server>;
// Loaded as the ES module it is, as e2e/action-format.spec.ts loads its neighbours: a static import
// has Playwright compile it (and http-client.mjs, which it imports) to CommonJS, and a worker that
// runs both specs then hands that compiled copy to the other spec's import, which fails.
const startProductionServer: Start = async (options) =>
  ((await import("../scripts/lib/prod-server.mjs")).startProductionServer as unknown as Start)(options);
let smtp: FakeSmtp;
const servers: Server[] = [];

const env = {
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  WEB_CONCURRENCY: "1",
  REGISTRATION_MODE: "open",
  REGISTRATIONS_PER_HOUR: "1000000",
  TRUST_PROXY: "1",
};

test.beforeAll(async () => {
  test.setTimeout(180_000);
  smtp = await startFakeSmtp(SMTP_PORT);
  // The first server: a fresh database with one email already waiting in the outbox, as a
  // server stopped before it could send it would leave it.
  servers.push(
    await startProductionServer({
      port: PORT_C,
      db: DB,
      distDir: process.env.E2E_DIST_DIR || ".next-e2e",
      runDir: RUN_DIR,
      skipBuild: true,
      env,
      readyTimeoutMs: 120_000,
      setup: () => {
        const db = new Database(DB);
        db.prepare("INSERT INTO outbox (kind, \"to\", subject, text, html) VALUES ('confirmation', ?, 'Left pending', 'text', '<p>html</p>')").run(LEFT_PENDING);
        db.close();
      },
    }),
  );
});

test.afterAll(async () => {
  for (const server of servers) {
    server.stop();
    await server.exited;
  }
  await smtp?.close();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(DB + suffix, { force: true });
});

const statusOf = (to: string) => {
  const db = new Database(DB, { readonly: true });
  try {
    return (db.prepare('SELECT status FROM outbox WHERE "to" = ?').all(to) as { status: string }[]).map((r) => r.status);
  } finally {
    db.close();
  }
};

test("an email left pending before the server started is sent soon after it starts, with no request to prompt it", async () => {
  await expect.poll(() => smtp.to(LEFT_PENDING).length, { timeout: 15_000 }).toBe(1);
  expect(statusOf(LEFT_PENDING)).toEqual(["sent"]);
});

test("with two processes sending, 40 registrations over both give 40 emails, each delivered exactly once", async ({ request }) => {
  test.setTimeout(120_000);
  // The second process joins the first's database and build.
  servers.push(await startProductionServer({ port: PORT_D, db: DB, distDir: RUN_DIR, skipBuild: true, freshDb: false, env }));
  const urls = [PORT_C, PORT_D].map((port) => `http://127.0.0.1:${port}`);
  const emails = Array.from({ length: 40 }, () => `pair-mail-${crypto.randomUUID().slice(0, 8)}@example.test`);
  const responses = await Promise.all(
    emails.map((email, i) =>
      request.post(`${urls[i % 2]}/api/v1/registrations`, {
        headers: { "x-forwarded-for": `198.51.100.${i + 10}` },
        data: {
          fullName: `Mail ${i}`,
          email,
          organisation: "Example Motors",
          jobTitle: "Engineer",
          category: "industry",
          days: ["2024-07-11"],
          consent: true,
        },
      }),
    ),
  );
  expect(responses.map((r) => r.status())).toEqual(Array(40).fill(201));
  // Every email arrives...
  await expect.poll(() => emails.filter((email) => smtp.to(email).length > 0).length, { timeout: 30_000 }).toBe(40);
  // ...and, once both processes have nothing left to claim, none has arrived twice.
  await expect.poll(() => emails.flatMap(statusOf).filter((s) => s === "sent").length, { timeout: 10_000 }).toBe(40);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(emails.map((email) => smtp.to(email).length)).toEqual(Array(40).fill(1));
});
