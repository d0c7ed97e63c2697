/**
 * Emails are written to the outbox inside the transaction that causes them and sent afterwards,
 * so a slow or failing mail server can never lose or hold up a registration. The sending is
 * lib/email/outbox-worker.ts's; these are the queries it and the pages use.
 */
import "server-only";
import { and, asc, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import type { DeliveryRecord, OutboxStore } from "../../lib/email/outbox-worker";
import { renderEmail, type EmailData } from "../../lib/email/templates";
import { getDb, type Db, type Tx } from "../client";
import { events, outbox, type OutboxEmail } from "../schema";
import type { EditionFacts } from "../../lib/edition";
import type { SpeakerEmailKind, TemplateKind } from "../../lib/email/kinds";
import { renderSpeakerEmail, type SpeakerEmailData } from "../../lib/email/speaker-templates";

export type EnqueueEmailInput = {
  registrationId: number | null;
  /** The edition the email is about (the registration's); the current one when not named. */
  eventId?: number;
  kind: TemplateKind;
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

const editionFacts = {
  nameEn: events.nameEn,
  nameZh: events.nameZh,
  venueEn: events.venueEn,
  venueZh: events.venueZh,
  timeZone: events.timeZone,
  startDate: events.startDate,
  endDate: events.endDate,
};

// Prepared once per connection, like the insert: every registration's email names its edition.
const factsFor = new WeakMap<Db, ReturnType<typeof prepareFacts>>();

function prepareFacts(db: Db) {
  return {
    current: db.select(editionFacts).from(events).where(eq(events.isCurrent, true)).limit(1).prepare(),
    byId: db.select(editionFacts).from(events).where(eq(events.id, sql.placeholder("id"))).limit(1).prepare(),
  };
}

/**
 * The edition the emails name, read once per transaction and edition: a promotion can queue many
 * emails in one. A registration for 2025 is told about 2025, whichever edition is current.
 */
const forumFor = new WeakMap<Db | Tx, Map<number | "current", EditionFacts>>();

function forumOf(tx: Db | Tx, eventId: number | undefined): EditionFacts {
  const key = eventId ?? "current";
  const known = forumFor.get(tx)?.get(key);
  if (known) return known;
  const db = getDb();
  let facts = factsFor.get(db);
  if (!facts) factsFor.set(db, (facts = prepareFacts(db)));
  const forum = eventId === undefined ? facts.current.get() : facts.byId.get({ id: eventId });
  if (!forum) throw new Error("The database holds no such edition: run `npm run db:seed`.");
  // Outside a transaction the connection lives as long as the process: an organizer's change must show.
  if (tx !== db) {
    let editions = forumFor.get(tx);
    if (!editions) forumFor.set(tx, (editions = new Map()));
    editions.set(key, forum);
  }
  return forum;
}

/** Writes the email in the caller's transaction; `tx` is the transaction, which shares the connection. */
export function enqueueEmail(tx: Db | Tx, input: EnqueueEmailInput): void {
  const { subject, text, html } = renderEmail(input.kind, input.data, forumOf(tx, input.eventId));
  const db = getDb();
  let insert = insertFor.get(db);
  if (!insert) insertFor.set(db, (insert = prepareInsert(db)));
  insert.run({ registrationId: input.registrationId, kind: input.kind, to: input.to, subject, text, html });
}

/** A speaker's email (their portal link, an organizer's decision), in the caller's transaction. */
export function enqueueSpeakerEmail(tx: Db | Tx, input: { kind: SpeakerEmailKind; to: string; data: SpeakerEmailData }): void {
  const { subject, text, html } = renderSpeakerEmail(input.kind, input.data, forumOf(tx, undefined));
  const db = getDb();
  let insert = insertFor.get(db);
  if (!insert) insertFor.set(db, (insert = prepareInsert(db)));
  insert.run({ registrationId: null, kind: input.kind, to: input.to, subject, text, html });
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

/** Takes the oldest due email and leases it, in one immediate transaction so no other sender can take it too. */
function claimNext(now: Date, leaseMs: number): OutboxEmail | undefined {
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
        .set({ nextAttemptAt: new Date(now.getTime() + leaseMs) })
        .where(eq(outbox.id, row.id))
        .run();
      return row;
    },
    { behavior: "immediate" },
  );
}

function record(id: number, values: DeliveryRecord): void {
  getDb()
    .update(outbox)
    .set(values)
    .where(and(eq(outbox.id, id), eq(outbox.status, "pending")))
    .run();
}

/** Without a mail server every due email is only kept: one transaction for all. */
function storeAllDue(now: Date): { id: number; kind: string }[] {
  return getDb().transaction(
    (tx) =>
      tx
        .update(outbox)
        .set({ status: "stored", nextAttemptAt: null })
        .where(and(eq(outbox.status, "pending"), or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, now))))
        .returning({ id: outbox.id, kind: outbox.kind })
        .all(),
    { behavior: "immediate" },
  );
}

/** The earliest time a pending email becomes due after `now` (a paced announcement's, a retry, a lease). */
function nextDueAt(now: Date): Date | undefined {
  const row = getDb()
    .select({ at: sql<number | null>`min(${outbox.nextAttemptAt})` })
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), gt(outbox.nextAttemptAt, now)))
    .get();
  return row?.at == null ? undefined : new Date(row.at);
}

/** The queries the mail worker (lib/email/outbox-worker.ts) sends through. */
export const outboxStore: OutboxStore = { claimNext, record, storeAllDue, nextDueAt };
