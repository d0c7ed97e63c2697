/**
 * Emails are written to the outbox inside the transaction that causes them and sent afterwards,
 * so a slow or failing mail server can never lose or hold up a registration.
 */
import "server-only";
import { and, asc, eq, isNull, lte, or, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { outboxLogLine, withoutAddresses } from "../../lib/email/log-line";
import { afterFailedAttempt, renderEmail, type EmailData } from "../../lib/email/templates";
import { getDb, type Db, type Tx } from "../client";
import { outbox, type OutboxEmail } from "../schema";
import { type EmailKind } from "../../lib/email/kinds";

export type EnqueueEmailInput = {
  registrationId: number | null;
  kind: EmailKind;
  to: string;
  data: EmailData;
};

/** Renders the email and stores it as pending; sends nothing, so it is safe inside a transaction. */
// Prepared once per connection: this insert runs with every registration.
const insertFor = new WeakMap<Db, ReturnType<typeof prepareInsert>>();

function prepareInsert(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  return db
    .insert(outbox)
    .values({ registrationId: p("registrationId"), kind: p("kind"), to: p("to"), subject: p("subject"), text: p("text"), html: p("html") })
    .prepare();
}

/** Writes the email in the caller's transaction; `tx` is the transaction, which shares the connection. */
export function enqueueEmail(tx: Db | Tx, input: EnqueueEmailInput): void {
  void tx;
  const { subject, text, html } = renderEmail(input.kind, input.data);
  const db = getDb();
  let insert = insertFor.get(db);
  if (!insert) insertFor.set(db, (insert = prepareInsert(db)));
  insert.run({ registrationId: input.registrationId, kind: input.kind, to: input.to, subject, text, html });
}

export function listEmailsFor(registrationId: number) {
  return getDb()
    .select({
      id: outbox.id,
      kind: outbox.kind,
      to: outbox.to,
      subject: outbox.subject,
      status: outbox.status,
      attempts: outbox.attempts,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(eq(outbox.registrationId, registrationId))
    .orderBy(asc(outbox.id))
    .all();
}

export type EmailSummary = ReturnType<typeof listEmailsFor>[number];

const DEFAULT_FROM = "2024 China Auto Forum <noreply@localhost>";
const RETRY_INTERVAL_MS = 30_000;
/**
 * A claimed row is hidden from other senders for this long. It outlasts the transport's timeouts,
 * so only a process that dies mid-send lets the email be sent again (at least once, not at most).
 */
const LEASE_MS = 10 * 60_000;
/** Errors of the connection rather than the message: the next email would fail the same way. */
const SERVER_ERRORS = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "EAUTH", "ETLS", "EPROXY"]);

type OutboxState = {
  running: Promise<void> | null;
  again: boolean;
  timer: ReturnType<typeof setInterval> | null;
  soon: ReturnType<typeof setTimeout> | null;
  transport: { url: string; mailer: Transporter } | null;
};

// On globalThis rather than in module scope: Next.js may evaluate this module more than once
// per process (dev reloads, separate bundles), and there must still be one sender and one timer.
const STATE_KEY = "__forumOutbox";

function state(): OutboxState {
  const g = globalThis as typeof globalThis & { [STATE_KEY]?: OutboxState };
  g[STATE_KEY] ??= { running: null, again: false, timer: null, soon: null, transport: null };
  return g[STATE_KEY];
}

function transportFor(url: string): Transporter {
  const s = state();
  if (s.transport?.url !== url) {
    // Options in the URL's query string (?connectionTimeout=…) override these defaults.
    const smtp = new SMTPTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
    s.transport = { url, mailer: nodemailer.createTransport(smtp) };
  }
  return s.transport.mailer;
}

/** Takes the oldest due email and leases it, in one immediate transaction so no other sender can take it too. */
function claimNext(now: Date): OutboxEmail | undefined {
  return getDb().transaction(
    (tx) => {
      const row = tx
        .select()
        .from(outbox)
        .where(and(eq(outbox.status, "pending"), or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, now))))
        .orderBy(asc(outbox.id))
        .limit(1)
        .get();
      if (!row) return undefined;
      tx.update(outbox)
        .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where(eq(outbox.id, row.id))
        .run();
      return row;
    },
    { behavior: "immediate" },
  );
}

function record(id: number, values: Partial<Pick<OutboxEmail, "status" | "attempts" | "lastError" | "nextAttemptAt" | "sentAt">>) {
  getDb()
    .update(outbox)
    .set(values)
    .where(and(eq(outbox.id, id), eq(outbox.status, "pending")))
    .run();
}

function describeError(error: unknown): { message: string; code: string | undefined } {
  const code = (error as { code?: unknown } | null)?.code;
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.replace(/\s+/g, " ").trim().slice(0, 500);
  return { message: typeof code === "string" ? `${code}: ${message}` : message, code: typeof code === "string" ? code : undefined };
}

/** Sends (or, without SMTP_URL, only logs) one claimed email; false when the mail server itself is failing. */
async function deliver(row: OutboxEmail): Promise<boolean> {
  const smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) {
    console.log(outboxLogLine(row, "stored"));
    record(row.id, { status: "stored", nextAttemptAt: null });
    return true;
  }
  const attempts = row.attempts + 1;
  try {
    await transportFor(smtpUrl).sendMail({
      from: process.env.MAIL_FROM || DEFAULT_FROM,
      to: row.to,
      subject: row.subject,
      text: row.text,
      html: row.html,
    });
    record(row.id, { status: "sent", sentAt: new Date(), attempts, lastError: null, nextAttemptAt: null });
    return true;
  } catch (error) {
    const { message, code } = describeError(error);
    const next = afterFailedAttempt(attempts, new Date());
    record(row.id, { status: next.status, attempts, lastError: message, nextAttemptAt: next.nextAttemptAt });
    console.error(outboxLogLine(row, `send failed attempt=${attempts} -> ${next.status}: ${message}`));
    return !(code && SERVER_ERRORS.has(code));
  }
}

/** Without a mail server every due email is only kept and logged: one transaction for all. */
function storeAll(now: Date): void {
  const rows = getDb().transaction(
    (tx) =>
      tx
        .update(outbox)
        .set({ status: "stored", nextAttemptAt: null })
        .where(and(eq(outbox.status, "pending"), or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, now))))
        .returning({ id: outbox.id, kind: outbox.kind })
        .all(),
    { behavior: "immediate" },
  );
  // By id: the address and the body (with the private manage link) stay in the database.
  for (const row of rows) console.log(outboxLogLine(row, "stored"));
}

async function drain(): Promise<void> {
  if (!process.env.SMTP_URL) return storeAll(new Date());
  for (let row = claimNext(new Date()); row; row = claimNext(new Date())) {
    // With the server down, stop after one failure instead of waiting out a timeout per email;
    // the others stay due and the retry timer tries again.
    if (!(await deliver(row))) return;
  }
}

async function run(s: OutboxState): Promise<void> {
  try {
    do {
      s.again = false;
      await drain();
    } while (s.again);
  } catch (error) {
    console.error(withoutAddresses(`[mail] delivery run failed: ${describeError(error).message}`));
  }
}

/**
 * Sends every due pending email. Never rejects: failures are recorded on the rows and logged.
 * A call made while a run is under way returns that run, which then goes round once more so
 * that an email enqueued meanwhile is not left for the timer.
 */
export function deliverOutbox(): Promise<void> {
  // Whatever fails now is retried on the timer, which the first email of a process starts.
  startOutboxRetries();
  const s = state();
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
  const s = state();
  if (s.soon) return;
  s.soon = setTimeout(() => {
    s.soon = null;
    void deliverOutbox();
  }, delayMs);
}

/** Retries due emails every 30 s even when nothing new is enqueued; calling it again does nothing. */
export function startOutboxRetries(): void {
  const s = state();
  if (s.timer) return;
  s.timer = setInterval(() => void deliverOutbox(), RETRY_INTERVAL_MS);
  s.timer.unref();
}
