// @ts-check
// `npm run bench:notify`: change notices on a fresh forum. It starts an SMTP sink on the loopback
// (the `smtp-server` package), then runs scripts/bench-notify-run.ts with tsx on a new database:
// 250 confirmed attendees each starring 10 sessions, one publication that moves 5 sessions. It
// prints the time to publish and queue the notices (a row per person, in the publication's
// transaction), the time the mail worker then takes to write their emails into the outbox, how many
// were queued (each affected person exactly once: the script checks it against the stars), and how
// fast the outbox worker delivered them to the sink, with the p99 per message.
//
// No build and no web server: the publication and the worker are the app's own modules, called as
// the console's action and the server's instrumentation call them. The worker sends through
// SMTP_URL, as in production: one connection per email, as lib/email/outbox-worker.ts does, and
// smtp-server holds each new connection's greeting for 100 ms (its check for clients that talk too
// soon), so the delivery rate here is mostly that wait, not the outbox's work.
//
// Target: publishing (with the queueing) under 1 s. A benchmark: it exits 0 whether or not the
// target is met, and 1 if an invariant fails (someone notified twice, missed, or notified for
// nothing; an email not delivered or not received).
//
// Environment: BENCH_ATTENDEES (default 250), BENCH_STARS (10), BENCH_MOVED (5).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";
import { percentiles } from "./lib/percentile.mjs";
import { positiveInteger } from "./lib/script-env.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const ATTENDEES = positiveInteger("BENCH_ATTENDEES", 250);
const STARS = positiveInteger("BENCH_STARS", 10);
const MOVED = positiveInteger("BENCH_MOVED", 5);
const MAX_PUBLISH_MS = 1000;

/** What the sink received: recipients and whether each message carried a calendar entry. */
const received = { messages: 0, withCalendar: 0, cancels: 0, recipients: /** @type {Map<string, number>} */ (new Map()) };

const sink = new SMTPServer({
  // A sink on the loopback: no TLS, no login, every message read to its end and dropped.
  secure: false,
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  // A reverse DNS lookup per connection would time the resolver, not the outbox.
  disableReverseLookup: true,
  onData(stream, session, callback) {
    const chunks = /** @type {Buffer[]} */ ([]);
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.messages += 1;
      if (/Content-Type: text\/calendar/i.test(body)) received.withCalendar += 1;
      for (const to of session.envelope.rcptTo) received.recipients.set(to.address, (received.recipients.get(to.address) ?? 0) + 1);
      callback();
    });
  },
});

await new Promise((resolve) => sink.listen(0, "127.0.0.1", () => resolve(undefined)));
const address = sink.server.address();
if (!address || typeof address === "string") throw new Error("The SMTP sink has no port.");
const port = address.port;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-bench-notify-"));

/** @returns {Promise<string>} the child's standard output */
function run() {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/bench-notify-run.ts"], {
      env: {
        ...process.env,
        DATABASE_PATH: path.join(dir, "forum.db"),
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        SITE_URL: "https://forum.example",
        BENCH_ATTENDEES: String(ATTENDEES),
        BENCH_STARS: String(STARS),
        BENCH_MOVED: String(MOVED),
        NODE_ENV: "production",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`bench-notify-run exited with ${code}`))));
  });
}

let failed = false;
try {
  const out = await run();
  const line = out.trim().split("\n").reverse().find((l) => l.startsWith("{"));
  if (!line) throw new Error(`No result from bench-notify-run:\n${out}`);
  /** @type {{ attendees: number; starsEach: number; moved: number; publishMs: number; notified: number; queued: number; noticeRows: number; written: number; writeMs: number; attachments: number; expected: number; twice: number; missing: number; unexpected: number; deliveryMs: number; sent: number; failed: number; stillPending: number; perMessageMs: number[] }} */
  const r = JSON.parse(line);
  const per = percentiles(r.perMessageMs, [50, 99]);
  const rate = r.sent / (r.deliveryMs / 1000);
  const duplicatesAtSink = [...received.recipients.values()].filter((n) => n !== 1).length;

  console.log(`bench:notify: ${r.attendees} confirmed attendees, ${r.starsEach} stars each; one publication moving ${r.moved} sessions`);
  console.log(`  publish, queueing ${r.noticeRows} notices in its transaction: ${r.publishMs.toFixed(1)} ms (target < ${MAX_PUBLISH_MS} ms: ${r.publishMs < MAX_PUBLISH_MS ? "met" : "MISSED"})`);
  console.log(`  the worker's writing of their emails into the outbox, after the commit: ${r.writeMs.toFixed(1)} ms for ${r.written}`);
  console.log(`  queued: ${r.queued} emails (${r.attachments} calendar attachments) for ${r.expected} affected people; publish reported ${r.notified}`);
  console.log(`  each affected person exactly once: ${r.twice === 0 && r.missing === 0 && r.unexpected === 0 && r.noticeRows === r.queued ? "yes" : "NO"} (twice ${r.twice}, missed ${r.missing}, not affected ${r.unexpected})`);
  console.log(`  delivered to the loopback SMTP sink: ${r.sent} sent, ${r.failed} failed, ${r.stillPending} pending, in ${(r.deliveryMs / 1000).toFixed(2)} s = ${rate.toFixed(1)} emails/s`);
  console.log(`  per message (claim to recorded send): p50 ${per.p50.toFixed(1)} ms, p99 ${per.p99.toFixed(1)} ms`);
  console.log(`  sink received ${received.messages} messages, ${received.withCalendar} with a calendar entry, ${received.recipients.size} recipients`);

  const invariants = [
    [r.twice === 0 && r.missing === 0 && r.unexpected === 0, "every affected person queued exactly once, and no one else"],
    [r.queued === r.expected && r.notified === r.expected && r.noticeRows === r.queued && r.written === r.queued, "queued, reported, recorded and written counts agree"],
    [r.expected > 0, "the moves concern someone"],
    [r.sent === r.queued && r.failed === 0 && r.stillPending === 0, "every notice delivered"],
    [received.messages === r.queued && received.withCalendar === r.queued && duplicatesAtSink === 0, "the sink received each notice once, with its calendar entry"],
  ];
  for (const [ok, what] of invariants) {
    if (!ok) {
      console.error(`  INVARIANT FAILED: ${what}`);
      failed = true;
    }
  }
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await new Promise((resolve) => sink.close(() => resolve(undefined)));
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
