/**
 * The mail worker of a server process: takes due emails from the outbox and sends them (or,
 * without SMTP_URL, only logs them), retries what failed, and never holds up a request.
 *
 * instrumentation.ts starts it once per process with the outbox's queries (db/queries/outbox.ts),
 * which also delivers what was left pending before the process started. Several processes may
 * each run one: an email is claimed with a lease in one immediate transaction, so only one of
 * them sends it. Before start (a build, a unit test of something else) a nudge does nothing.
 */
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { outboxLogLine, withoutAddresses } from "./log-line";
import type { EmailAttachment } from "./kinds";
import { afterFailedAttempt } from "./templates";

/** What the worker needs of an email it sends. */
export type OutgoingEmail = {
  id: number;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
  attachments?: EmailAttachment[] | null;
};

export type DeliveryRecord = {
  status?: "pending" | "sent" | "failed" | "stored";
  attempts?: number;
  lastError?: string | null;
  nextAttemptAt?: Date | null;
  sentAt?: Date | null;
};

/** The outbox's queries, as db/queries/outbox.ts implements them. */
export type OutboxStore = {
  /** Leases the oldest due email for `leaseMs` so no other sender takes it, or none is due. */
  claimNext(now: Date, leaseMs: number): OutgoingEmail | undefined;
  /** Records the outcome of a send, if the email is still pending. */
  record(id: number, values: DeliveryRecord): void;
  /** Marks every due email as stored (no mail server), returning them for the log. */
  storeAllDue(now: Date): { id: number; kind: string }[];
  /**
   * Writes into the outbox what was queued in a shorter form (a publication's change notices,
   * db/queries/change-notices.ts), before each round of sending.
   */
  prepare?(): void;
  /**
   * When the next pending email falls due, if any: paced emails (an announcement's) are due one
   * after another, and the worker wakes for each rather than sending them in bursts every 30 s.
   */
  nextDueAt?(now: Date): Date | undefined;
};

const DEFAULT_FROM = "2024 China Auto Forum <noreply@localhost>";
const RETRY_INTERVAL_MS = 30_000;
/**
 * A claimed row is hidden from other senders for this long. It outlasts the transport's timeouts,
 * so only a process that dies mid-send lets the email be sent again (at least once, not at most).
 */
const LEASE_MS = 10 * 60_000;
/** Errors of the connection rather than the message: the next email would fail the same way. */
const SERVER_ERRORS = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "EAUTH", "ETLS", "EPROXY"]);

type WorkerState = {
  store: OutboxStore;
  running: Promise<void> | null;
  again: boolean;
  timer: ReturnType<typeof setInterval> | null;
  soon: ReturnType<typeof setTimeout> | null;
  wake: ReturnType<typeof setTimeout> | null;
  transport: { url: string; mailer: Transporter } | null;
};

// On globalThis rather than in module scope: instrumentation.ts and each route are bundled on
// their own, and there must still be one sender and one timer per process.
const STATE_KEY = Symbol.for("forum.outboxWorker");
type Holder = { [STATE_KEY]?: WorkerState };

const worker = (): WorkerState | undefined => (globalThis as Holder)[STATE_KEY];

function transportFor(s: WorkerState, url: string): Transporter {
  if (s.transport?.url !== url) {
    // Options in the URL's query string (?connectionTimeout=…) override these defaults.
    const smtp = new SMTPTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
    s.transport = { url, mailer: nodemailer.createTransport(smtp) };
  }
  return s.transport.mailer;
}

function describeError(error: unknown): { message: string; code: string | undefined } {
  const code = (error as { code?: unknown } | null)?.code;
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.replace(/\s+/g, " ").trim().slice(0, 500);
  return { message: typeof code === "string" ? `${code}: ${message}` : message, code: typeof code === "string" ? code : undefined };
}

/** Sends one claimed email; false when the mail server itself is failing. */
async function deliver(s: WorkerState, smtpUrl: string, row: OutgoingEmail): Promise<boolean> {
  const attempts = row.attempts + 1;
  try {
    await transportFor(s, smtpUrl).sendMail({
      from: process.env.MAIL_FROM || DEFAULT_FROM,
      to: row.to,
      subject: row.subject,
      text: row.text,
      html: row.html,
      ...(row.attachments?.length
        ? { attachments: row.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) }
        : {}),
    });
    s.store.record(row.id, { status: "sent", sentAt: new Date(), attempts, lastError: null, nextAttemptAt: null });
    return true;
  } catch (error) {
    const { message, code } = describeError(error);
    const next = afterFailedAttempt(attempts, new Date());
    s.store.record(row.id, { status: next.status, attempts, lastError: message, nextAttemptAt: next.nextAttemptAt });
    console.error(outboxLogLine(row, `send failed attempt=${attempts} -> ${next.status}: ${message}`));
    return !(code && SERVER_ERRORS.has(code));
  }
}

async function drain(s: WorkerState): Promise<void> {
  // Writing queued notices must never keep the emails already due from going out.
  try {
    s.store.prepare?.();
  } catch (error) {
    console.error(withoutAddresses(`[mail] writing queued notices failed: ${describeError(error).message}`));
  }
  const smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) {
    // Without a mail server every due email is only kept and logged, by id: the address and the
    // body (with the private manage link) stay in the database.
    for (const row of s.store.storeAllDue(new Date())) console.log(outboxLogLine(row, "stored"));
    return;
  }
  for (let row = s.store.claimNext(new Date(), LEASE_MS); row; row = s.store.claimNext(new Date(), LEASE_MS)) {
    // With the server down, stop after one failure instead of waiting out a timeout per email;
    // the others stay due and the retry timer tries again.
    if (!(await deliver(s, smtpUrl, row))) return;
  }
}

async function run(s: WorkerState): Promise<void> {
  try {
    do {
      s.again = false;
      await drain(s);
    } while (s.again);
  } catch (error) {
    console.error(withoutAddresses(`[mail] delivery run failed: ${describeError(error).message}`));
  }
  wakeForNext(s);
}

/** Sets a timer for the next email due before the retry timer would come round anyway. */
function wakeForNext(s: WorkerState): void {
  if (!s.store.nextDueAt) return;
  let next: Date | undefined;
  try {
    next = s.store.nextDueAt(new Date());
  } catch (error) {
    console.error(withoutAddresses(`[mail] reading the next due email failed: ${describeError(error).message}`));
    return;
  }
  if (s.wake) clearTimeout(s.wake);
  s.wake = null;
  if (!next) return;
  const delay = Math.max(0, next.getTime() - Date.now());
  if (delay >= RETRY_INTERVAL_MS) return;
  s.wake = setTimeout(() => {
    s.wake = null;
    void deliverOutbox();
  }, delay);
  s.wake.unref();
}

/**
 * Sends every due pending email. Never rejects: failures are recorded on the rows and logged.
 * A call made while a run is under way returns that run, which then goes round once more so
 * that an email enqueued meanwhile is not left for the timer.
 */
export function deliverOutbox(): Promise<void> {
  const s = worker();
  if (!s) return Promise.resolve();
  if (s.running) {
    s.again = true;
    return s.running;
  }
  // Cleared in a .finally callback, which always runs after this assignment, even when the
  // run finds nothing to do and completes synchronously.
  const current = run(s).finally(() => {
    s.running = null;
  });
  s.running = current;
  return current;
}

/**
 * Sends what was just enqueued, a moment after the request that enqueued it: a burst of
 * registrations is then delivered in one run instead of one run each.
 */
export function scheduleDelivery(delayMs = 50): void {
  const s = worker();
  if (!s || s.soon) return;
  s.soon = setTimeout(() => {
    s.soon = null;
    void deliverOutbox();
  }, delayMs);
  s.soon.unref();
}

/**
 * Starts this process's worker: delivers what is due now (emails left pending by a restart),
 * then retries every 30 s even when nothing new is enqueued. Calling it again does nothing.
 */
export function startOutboxWorker(store: OutboxStore): Promise<void> {
  const holder = globalThis as Holder;
  if (holder[STATE_KEY]) return holder[STATE_KEY].running ?? Promise.resolve();
  const s: WorkerState = { store, running: null, again: false, timer: null, soon: null, wake: null, transport: null };
  holder[STATE_KEY] = s;
  s.timer = setInterval(() => void deliverOutbox(), RETRY_INTERVAL_MS);
  s.timer.unref();
  return deliverOutbox();
}

/** Stops the worker (for tests): no more timer, and nudges do nothing until it starts again. */
export function stopOutboxWorker(): void {
  const holder = globalThis as Holder;
  const s = holder[STATE_KEY];
  if (!s) return;
  if (s.timer) clearInterval(s.timer);
  if (s.soon) clearTimeout(s.soon);
  if (s.wake) clearTimeout(s.wake);
  s.transport?.mailer.close();
  delete holder[STATE_KEY];
}
