/**
 * Organizer announcements: drafts, the audience they reach, the test to the organizer, and the
 * send, which writes one recipient row and one paced outbox email per person in one transaction
 * (lib/announcements has the rules and the text).
 */
import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import { audienceOf, onePerAddress, recipientLocale, type AnnouncementKind, type Audience, type Candidate } from "../../lib/announcements/audience";
import { renderAnnouncement } from "../../lib/announcements/email";
import type { AnnouncementInput, AnnouncementText } from "../../lib/announcements/input";
import { dueTimes, intervalMs, ratePerMinute } from "../../lib/announcements/pace";
import { zonedDate } from "../../lib/time";
import { getDb, type Db, type Tx } from "../client";
import {
  announcementRecipients,
  announcements,
  checkIns,
  events,
  outbox,
  registrations,
  sessionSpeakers,
  sessions,
  speakerInvitations,
  speakers,
  type Announcement,
  type Event,
} from "../schema";
import { recordAudit } from "./audit";

type Conn = Db | Tx;

export type AnnouncementError = "notFound" | "alreadySent" | "noRecipients";

/** Attendees of the audience: its groups' registrations, narrowed by day, category and check-in. */
function attendeeCandidates(db: Conn, eventId: number, kind: AnnouncementKind, audience: Audience): Candidate[] {
  const statuses = audience.groups.filter((g): g is "confirmed" | "waiting" => g !== "speakers");
  if (statuses.length === 0) return [];
  const where: SQL[] = [
    eq(registrations.eventId, eventId),
    inArray(registrations.status, statuses),
    isNull(registrations.erasedAt),
    ne(registrations.email, ""),
  ];
  if (kind === "news") where.push(eq(registrations.consentNews, true));
  if (audience.categories.length > 0) where.push(inArray(registrations.category, audience.categories));
  const days = sql.join(
    audience.days.map((d) => sql`${d}`),
    sql`, `,
  );
  if (audience.days.length > 0) where.push(sql`exists (select 1 from json_each(${registrations.days}) where value in (${days}))`);
  if (audience.checkedIn) {
    where.push(
      audience.days.length > 0
        ? sql`exists (select 1 from ${checkIns} c where c.registration_id = ${registrations.id} and c.day in (${days}))`
        : sql`exists (select 1 from ${checkIns} c where c.registration_id = ${registrations.id})`,
    );
  }
  return db
    .select({ id: registrations.id, email: registrations.email, name: registrations.fullName, locale: registrations.locale })
    .from(registrations)
    .where(and(...where))
    .orderBy(asc(registrations.id))
    .all()
    .map((r) => ({ email: r.email, name: r.name, locale: recipientLocale(r.locale), registrationId: r.id, speakerId: null }));
}

/**
 * The edition's speakers (of its published sessions, on the chosen days) who have an address: the
 * one of their latest portal invitation, in its language. News goes only to people who agreed to
 * it, and a speaker has not been asked: speakers receive service announcements only.
 */
function speakerCandidates(db: Conn, event: Event, kind: AnnouncementKind, audience: Audience): Candidate[] {
  if (!audience.groups.includes("speakers") || kind === "news" || audience.checkedIn) return [];
  const rows = db
    .select({ speakerId: speakers.id, name: speakers.nameEn, nameZh: speakers.nameZh, startsAt: sessions.startsAt })
    .from(sessionSpeakers)
    .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
    .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
    .where(and(eq(sessions.eventId, event.id), eq(sessions.status, "published")))
    .all()
    .filter((r) => audience.days.length === 0 || audience.days.includes(zonedDate(r.startsAt, event.timeZone)));
  const ids = [...new Set(rows.map((r) => r.speakerId))];
  if (ids.length === 0) return [];
  const latest = new Map<number, { email: string; locale: string }>();
  for (const inv of db
    .select({ speakerId: speakerInvitations.speakerId, email: speakerInvitations.email, locale: speakerInvitations.locale })
    .from(speakerInvitations)
    .where(inArray(speakerInvitations.speakerId, ids))
    .orderBy(asc(speakerInvitations.id))
    .all()) {
    latest.set(inv.speakerId, inv);
  }
  const out: Candidate[] = [];
  for (const id of ids) {
    const inv = latest.get(id);
    const row = rows.find((r) => r.speakerId === id)!;
    if (!inv?.email) continue;
    const locale = recipientLocale(inv.locale);
    out.push({ email: inv.email, name: locale === "zh-CN" && row.nameZh ? row.nameZh : row.name, locale, registrationId: null, speakerId: id });
  }
  return out;
}

/** Everyone an announcement of this kind would reach, one per address, attendees first. */
export function audienceRecipients(db: Conn, event: Event, kind: AnnouncementKind, audience: Audience): Candidate[] {
  return onePerAddress([...attendeeCandidates(db, event.id, kind, audience), ...speakerCandidates(db, event, kind, audience)]);
}

/** The console's live count while the organizer chooses the audience. */
export function countRecipients(event: Event, kind: AnnouncementKind, audience: Audience): number {
  return audienceRecipients(getDb(), event, kind, audience).length;
}

const textOf = (a: AnnouncementText): AnnouncementText => ({ subjectEn: a.subjectEn, subjectZh: a.subjectZh, bodyEn: a.bodyEn, bodyZh: a.bodyZh });

/** An announcement of this edition; another edition's, or an id that names none, is not found. */
export function getAnnouncement(id: number, eventId: number): Announcement | undefined {
  return getDb()
    .select()
    .from(announcements)
    .where(and(eq(announcements.id, id), eq(announcements.eventId, eventId)))
    .get();
}

/**
 * Writes a new draft, or changes one (`id`). A sent announcement is never changed: what people
 * received stays what the console shows.
 */
export function saveDraft(
  input: AnnouncementInput,
  by: { id?: number; eventId: number; userId: number; actor: string },
): { ok: true; id: number } | { ok: false; error: AnnouncementError } {
  return getDb().transaction(
    (tx) => {
      const values = { ...textOf(input), kind: input.kind, audience: input.audience };
      if (by.id === undefined) {
        const row = tx
          .insert(announcements)
          .values({ ...values, eventId: by.eventId, createdBy: by.userId })
          .returning({ id: announcements.id })
          .get();
        recordAudit(tx, { eventId: by.eventId, actor: by.actor, action: "announcement.create", entity: "announcement", entityId: row.id, after: values });
        return { ok: true, id: row.id } as const;
      }
      const before = tx
        .select()
        .from(announcements)
        .where(and(eq(announcements.id, by.id), eq(announcements.eventId, by.eventId)))
        .get();
      if (!before) return { ok: false, error: "notFound" } as const;
      if (before.status !== "draft") return { ok: false, error: "alreadySent" } as const;
      tx.update(announcements)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(announcements.id, by.id))
        .run();
      recordAudit(tx, {
        eventId: by.eventId,
        actor: by.actor,
        action: "announcement.update",
        entity: "announcement",
        entityId: by.id,
        before: { ...textOf(before), kind: before.kind, audience: before.audience },
        after: values,
      });
      return { ok: true, id: by.id } as const;
    },
    { behavior: "immediate" },
  );
}

/**
 * The announcement in both languages to the organizer alone, at once (not paced), marked as a
 * test. Allowed for a sent announcement too: it changes nothing but the outbox and the audit trail.
 */
export function sendTest(
  id: number,
  by: { eventId: number; email: string; actor: string },
): { ok: true } | { ok: false; error: AnnouncementError } {
  return getDb().transaction(
    (tx) => {
      const a = tx
        .select()
        .from(announcements)
        .where(and(eq(announcements.id, id), eq(announcements.eventId, by.eventId)))
        .get();
      if (!a) return { ok: false, error: "notFound" } as const;
      const event = tx.select().from(events).where(eq(events.id, a.eventId)).get()!;
      const ids: number[] = [];
      for (const locale of ["en", "zh-CN"] as const) {
        const mail = renderAnnouncement({ locale, name: null, kind: a.kind, text: textOf(a), edition: event, test: true });
        ids.push(
          tx
            .insert(outbox)
            .values({ registrationId: null, kind: "announcement", to: by.email, ...mail })
            .returning({ id: outbox.id })
            .get().id,
        );
      }
      recordAudit(tx, { eventId: a.eventId, actor: by.actor, action: "announcement.test", entity: "announcement", entityId: a.id, after: { outbox: ids } });
      return { ok: true } as const;
    },
    { behavior: "immediate" },
  );
}

/**
 * Sends the announcement: in one immediate transaction, the status turns to sent, and each person
 * of the audience gets a recipient row and an email in the outbox, due one interval after the one
 * before (lib/announcements/pace.ts). Nothing is sent by this call itself: a crash before the
 * commit writes nothing, after it every email is queued exactly once; a second send (a double
 * click, another tab) finds the status sent and writes nothing.
 */
export function sendAnnouncement(
  id: number,
  by: { eventId: number; userId: number; actor: string; now?: Date; rate?: number },
): { ok: true; recipients: number } | { ok: false; error: AnnouncementError } {
  const now = by.now ?? new Date();
  const rate = by.rate ?? ratePerMinute();
  return getDb().transaction(
    (tx) => {
      const a = tx
        .select()
        .from(announcements)
        .where(and(eq(announcements.id, id), eq(announcements.eventId, by.eventId)))
        .get();
      if (!a) return { ok: false, error: "notFound" } as const;
      if (a.status !== "draft") return { ok: false, error: "alreadySent" } as const;
      const event = tx.select().from(events).where(eq(events.id, a.eventId)).get()!;
      const people = audienceRecipients(tx, event, a.kind, audienceOf(a.audience));
      if (people.length === 0) return { ok: false, error: "noRecipients" } as const;
      const due = dueTimes(people.length, now.getTime(), rate, lastScheduled(tx, now));
      const text = textOf(a);
      const rendered = new Map<string, ReturnType<typeof renderAnnouncement>>();
      people.forEach((p, i) => {
        const mail = renderAnnouncement({ locale: p.locale, name: p.name, kind: a.kind, text, edition: event });
        rendered.set(p.locale, mail);
        const at = new Date(due[i]!);
        const outboxId = tx
          .insert(outbox)
          .values({ registrationId: p.registrationId, kind: "announcement", to: p.email, ...mail, nextAttemptAt: at })
          .returning({ id: outbox.id })
          .get().id;
        tx.insert(announcementRecipients)
          .values({
            eventId: a.eventId,
            announcementId: a.id,
            registrationId: p.registrationId,
            speakerId: p.speakerId,
            emailKey: p.email.trim().toLowerCase(),
            locale: p.locale,
            outboxId,
            dueAt: at,
          })
          .run();
      });
      tx.update(announcements)
        .set({ status: "sent", sentBy: by.userId, sentAt: now, updatedAt: now })
        .where(eq(announcements.id, a.id))
        .run();
      recordAudit(tx, {
        eventId: a.eventId,
        actor: by.actor,
        action: "announcement.send",
        entity: "announcement",
        entityId: a.id,
        after: {
          kind: a.kind,
          audience: a.audience,
          recipients: people.length,
          english: people.filter((p) => p.locale === "en").length,
          chinese: people.filter((p) => p.locale === "zh-CN").length,
          ratePerMinute: rate,
        },
      });
      return { ok: true, recipients: people.length } as const;
    },
    { behavior: "immediate" },
  );
}

/** The due time of the last announcement email still waiting its turn: a new send queues after it. */
function lastScheduled(tx: Conn, now: Date): number | null {
  const row = tx
    .select({ at: sql<number | null>`max(${announcementRecipients.dueAt})` })
    .from(announcementRecipients)
    .innerJoin(outbox, eq(outbox.id, announcementRecipients.outboxId))
    .where(and(eq(outbox.status, "pending"), sql`${announcementRecipients.dueAt} > ${now.getTime()}`))
    .get();
  return row?.at ?? null;
}

/**
 * Keeps the rate after the mail worker was stopped: if the earliest announcement email still
 * waiting its turn is more than one interval overdue, every waiting one is given a new turn from
 * `now`, in the same order. Only emails no worker has taken are moved (their outbox time is still
 * their due time), so a leased or retried email is never touched, and none is added or dropped.
 * The mail worker calls it before each round. Returns how many it moved.
 */
export function paceAnnouncements(now = new Date(), rate = ratePerMinute()): number {
  const step = intervalMs(rate);
  const overdue = (db: Conn) => {
    const first = db
      .select({ at: sql<number | null>`min(${outbox.nextAttemptAt})` })
      .from(outbox)
      .innerJoin(announcementRecipients, eq(announcementRecipients.outboxId, outbox.id))
      .where(waitingTurn)
      .get();
    return first?.at != null && first.at < now.getTime() - step;
  };
  // Read first, outside a write transaction: the worker asks this every round, and nearly always
  // nothing is overdue.
  if (!overdue(getDb())) return 0;
  return getDb().transaction(
    (tx) => {
      if (!overdue(tx)) return 0;
      const waiting = tx
        .select({ id: announcementRecipients.id, outboxId: announcementRecipients.outboxId })
        .from(outbox)
        .innerJoin(announcementRecipients, eq(announcementRecipients.outboxId, outbox.id))
        .where(waitingTurn)
        .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
        .all();
      const times = dueTimes(waiting.length, now.getTime(), rate);
      waiting.forEach((w, i) => {
        const at = new Date(times[i]!);
        tx.update(announcementRecipients).set({ dueAt: at }).where(eq(announcementRecipients.id, w.id)).run();
        tx.update(outbox).set({ nextAttemptAt: at }).where(eq(outbox.id, w.outboxId)).run();
      });
      return waiting.length;
    },
    { behavior: "immediate" },
  );
}

/** An announcement email no worker has taken yet: still pending, its outbox time still its turn. */
const waitingTurn = and(eq(outbox.status, "pending"), eq(outbox.nextAttemptAt, announcementRecipients.dueAt));

export type Progress = { total: number; sent: number; pending: number; failed: number };

const progressOf = (rows: { status: string; n: number }[]): Progress => {
  const p: Progress = { total: 0, sent: 0, pending: 0, failed: 0 };
  for (const r of rows) {
    p.total += r.n;
    // Without a mail server an email is kept ("stored"): it went as far as it can go.
    if (r.status === "sent" || r.status === "stored") p.sent += r.n;
    else if (r.status === "failed") p.failed += r.n;
    else p.pending += r.n;
  }
  return p;
};

/** How far the sending of one announcement has come. */
export function announcementProgress(id: number): Progress {
  return progressOf(
    getDb()
      .select({ status: outbox.status, n: sql<number>`count(*)` })
      .from(announcementRecipients)
      .innerJoin(outbox, eq(outbox.id, announcementRecipients.outboxId))
      .where(eq(announcementRecipients.announcementId, id))
      .groupBy(outbox.status)
      .all(),
  );
}

/** The edition's announcements, newest first, each with its progress. */
export function listAnnouncements(eventId: number): (Announcement & { progress: Progress })[] {
  const rows = getDb().select().from(announcements).where(eq(announcements.eventId, eventId)).orderBy(desc(announcements.id)).all();
  return rows.map((a) => ({ ...a, progress: announcementProgress(a.id) }));
}

export type RecipientRow = {
  id: number;
  name: string;
  email: string;
  locale: "en" | "zh-CN";
  speaker: boolean;
  status: "sent" | "pending" | "failed";
  attempts: number;
  error: string | null;
  dueAt: Date;
  sentAt: Date | null;
};

/** Each person of a sent announcement, with where their email stands and its last error. */
export function announcementRecipientRows(id: number): RecipientRow[] {
  return getDb()
    .select({
      id: announcementRecipients.id,
      fullName: registrations.fullName,
      speakerName: speakers.nameEn,
      email: outbox.to,
      locale: announcementRecipients.locale,
      speakerId: announcementRecipients.speakerId,
      status: outbox.status,
      attempts: outbox.attempts,
      error: outbox.lastError,
      dueAt: announcementRecipients.dueAt,
      sentAt: outbox.sentAt,
    })
    .from(announcementRecipients)
    .innerJoin(outbox, eq(outbox.id, announcementRecipients.outboxId))
    .leftJoin(registrations, eq(registrations.id, announcementRecipients.registrationId))
    .leftJoin(speakers, eq(speakers.id, announcementRecipients.speakerId))
    .where(eq(announcementRecipients.announcementId, id))
    .orderBy(asc(announcementRecipients.id))
    .all()
    .map((r) => ({
      id: r.id,
      name: r.fullName ?? r.speakerName ?? "",
      email: r.email,
      locale: r.locale,
      speaker: r.speakerId !== null,
      status: r.status === "stored" ? "sent" : r.status,
      attempts: r.attempts,
      error: r.error,
      dueAt: r.dueAt,
      sentAt: r.sentAt,
    }));
}

/** For deleting an edition that has no registrations: its announcements go with it. */
export function deleteAnnouncementsOf(tx: Tx, eventId: number): void {
  tx.delete(announcementRecipients).where(eq(announcementRecipients.eventId, eventId)).run();
  tx.delete(announcements).where(eq(announcements.eventId, eventId)).run();
}
