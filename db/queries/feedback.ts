import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, type Db, type Tx } from "../client";
import { events, registrations, sessionBookings, sessionFeedback, sessionSpeakers, sessions, type Event, type Registration, type Session } from "../schema";
import { recordAudit } from "./audit";
import { feedbackClosesAt, feedbackRefusal, registeredFor, type FeedbackInput, type FeedbackRefusal } from "../../lib/feedback/rules";
import { summarise, type RatingSummary } from "../../lib/feedback/summary";
import type { FeedbackExportRow } from "../../lib/feedback/export";

export type Answer = { rating: number; comment: string; updatedAt: Date };

const person = (reg: Registration) => ({ status: reg.status, days: reg.days, erased: reg.erasedAt !== null });

function hasBooking(tx: Db | Tx, registrationId: number, sessionId: number): boolean {
  const row = tx
    .select({ status: sessionBookings.status })
    .from(sessionBookings)
    .where(and(eq(sessionBookings.registrationId, registrationId), eq(sessionBookings.sessionId, sessionId)))
    .get();
  return row?.status === "booked";
}

function answerOf(tx: Db | Tx, registrationId: number, sessionId: number): Answer | null {
  return (
    tx
      .select({ rating: sessionFeedback.rating, comment: sessionFeedback.comment, updatedAt: sessionFeedback.updatedAt })
      .from(sessionFeedback)
      .where(and(eq(sessionFeedback.registrationId, registrationId), eq(sessionFeedback.sessionId, sessionId)))
      .get() ?? null
  );
}

export type FeedbackPage =
  | { found: false }
  | { found: true; session: Session; edition: Event; refusal: FeedbackRefusal | null; answer: Answer | null; closesAt: Date };

/**
 * What the person's feedback page shows for a session: a session of another edition than the
 * registration's is not found (its id in the address was not given to this person).
 */
export function feedbackPage(reg: Registration, sessionId: number, now = new Date()): FeedbackPage {
  const db = getDb();
  const session = db.select().from(sessions).where(eq(sessions.id, sessionId)).get();
  const edition = session && session.eventId === reg.eventId ? db.select().from(events).where(eq(events.id, session.eventId)).get() : undefined;
  if (!session || !edition || session.status === "draft") return { found: false };
  const refusal = feedbackRefusal(person(reg), session, hasBooking(db, reg.id, session.id), edition, now);
  return { found: true, session, edition, refusal, answer: answerOf(db, reg.id, session.id), closesAt: feedbackClosesAt(edition) };
}

export type SaveResult = { ok: true; created: boolean } | { ok: false; reason: FeedbackRefusal | "notFound" };

/**
 * Writes the person's one answer for the session, or replaces it: the rules are read again in the
 * transaction that writes, with the audit row of the attendee's action.
 */
export function saveFeedback(reg: Registration, sessionId: number, input: FeedbackInput, now = new Date()): SaveResult {
  return getDb().transaction(
    (tx) => {
      const fresh = tx.select().from(registrations).where(eq(registrations.id, reg.id)).get();
      const session = tx.select().from(sessions).where(eq(sessions.id, sessionId)).get();
      if (!fresh || !session || session.eventId !== fresh.eventId || session.status === "draft") return { ok: false, reason: "notFound" } as const;
      const edition = tx.select().from(events).where(eq(events.id, session.eventId)).get();
      if (!edition) return { ok: false, reason: "notFound" } as const;
      const refusal = feedbackRefusal(person(fresh), session, hasBooking(tx, fresh.id, session.id), edition, now);
      if (refusal) return { ok: false, reason: refusal } as const;
      const before = answerOf(tx, fresh.id, session.id);
      const row = tx
        .insert(sessionFeedback)
        .values({ eventId: session.eventId, sessionId: session.id, registrationId: fresh.id, rating: input.rating, comment: input.comment, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: [sessionFeedback.registrationId, sessionFeedback.sessionId],
          set: { rating: input.rating, comment: input.comment, updatedAt: now },
        })
        .returning({ id: sessionFeedback.id })
        .get();
      recordAudit(tx, {
        actor: `attendee:${fresh.code}`,
        action: before ? "feedback.update" : "feedback.create",
        entity: "session_feedback",
        entityId: row.id,
        eventId: session.eventId,
        before: before && { rating: before.rating, comment: before.comment },
        after: { sessionId: session.id, rating: input.rating, comment: input.comment },
      });
      return { ok: true, created: !before } as const;
    },
    { behavior: "immediate" },
  );
}

export type RateableSession = { id: number; slug: string; titleEn: string; titleZh: string; startsAt: Date; endsAt: Date; answer: Answer | null };

/**
 * The sessions of the person's edition they registered for and that have ended, with their answer:
 * the list on the ticket page. Empty once the window has closed.
 */
export function rateableSessions(reg: Registration, now = new Date()): RateableSession[] {
  const db = getDb();
  const edition = db.select().from(events).where(eq(events.id, reg.eventId)).get();
  if (!edition || now.getTime() >= feedbackClosesAt(edition).getTime()) return [];
  const booked = new Set(
    db
      .select({ sessionId: sessionBookings.sessionId })
      .from(sessionBookings)
      .where(and(eq(sessionBookings.registrationId, reg.id), eq(sessionBookings.status, "booked")))
      .all()
      .map((b) => b.sessionId),
  );
  const answers = new Map(
    db
      .select({ sessionId: sessionFeedback.sessionId, rating: sessionFeedback.rating, comment: sessionFeedback.comment, updatedAt: sessionFeedback.updatedAt })
      .from(sessionFeedback)
      .where(eq(sessionFeedback.registrationId, reg.id))
      .all()
      .map(({ sessionId, ...answer }) => [sessionId, answer]),
  );
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.eventId, reg.eventId), eq(sessions.status, "published")))
    .orderBy(asc(sessions.startsAt))
    .all()
    .filter((s) => s.endsAt.getTime() <= now.getTime() && registeredFor(person(reg), s, booked.has(s.id), edition.timeZone))
    .map((s) => ({ id: s.id, slug: s.slug, titleEn: s.titleEn, titleZh: s.titleZh, startsAt: s.startsAt, endsAt: s.endsAt, answer: answers.get(s.id) ?? null }));
}

export type SessionSummary = RatingSummary & { id: number; slug: string; titleEn: string; titleZh: string; startsAt: Date; status: Session["status"] };

/** Every published or cancelled session of the edition with its answers counted (none is a row too). */
export function feedbackSummaries(eventId: number): SessionSummary[] {
  const db = getDb();
  const ratings = new Map<number, number[]>();
  for (const row of db.select({ sessionId: sessionFeedback.sessionId, rating: sessionFeedback.rating }).from(sessionFeedback).where(eq(sessionFeedback.eventId, eventId)).all()) {
    const list = ratings.get(row.sessionId) ?? [];
    list.push(row.rating);
    ratings.set(row.sessionId, list);
  }
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.eventId, eventId), inArray(sessions.status, ["published", "cancelled"])))
    .orderBy(asc(sessions.startsAt))
    .all()
    .map((s) => ({ id: s.id, slug: s.slug, titleEn: s.titleEn, titleZh: s.titleZh, startsAt: s.startsAt, status: s.status, ...summarise(ratings.get(s.id) ?? []) }));
}

export type ConsoleAnswer = Answer & { code: string; fullName: string };

/** One session's answers for the console, the latest first; a session of another edition has none. */
export function sessionAnswers(eventId: number, sessionId: number): ConsoleAnswer[] {
  return getDb()
    .select({ rating: sessionFeedback.rating, comment: sessionFeedback.comment, updatedAt: sessionFeedback.updatedAt, code: registrations.code, fullName: registrations.fullName })
    .from(sessionFeedback)
    .innerJoin(registrations, eq(registrations.id, sessionFeedback.registrationId))
    .where(and(eq(sessionFeedback.eventId, eventId), eq(sessionFeedback.sessionId, sessionId)))
    .orderBy(asc(sessionFeedback.updatedAt))
    .all()
    .reverse();
}

/** Every answer of the edition, for the CSV and XLSX exports, in the order of the programme. */
export function exportFeedback(eventId: number, locale: string): FeedbackExportRow[] {
  const zh = locale.startsWith("zh");
  return getDb()
    .select({
      sessionSlug: sessions.slug,
      titleEn: sessions.titleEn,
      titleZh: sessions.titleZh,
      startsAt: sessions.startsAt,
      code: registrations.code,
      fullName: registrations.fullName,
      rating: sessionFeedback.rating,
      comment: sessionFeedback.comment,
      updatedAt: sessionFeedback.updatedAt,
    })
    .from(sessionFeedback)
    .innerJoin(sessions, eq(sessions.id, sessionFeedback.sessionId))
    .innerJoin(registrations, eq(registrations.id, sessionFeedback.registrationId))
    .where(eq(sessionFeedback.eventId, eventId))
    .orderBy(asc(sessions.startsAt), asc(sessions.id), asc(sessionFeedback.id))
    .all()
    .map(({ titleEn, titleZh, ...row }) => ({ ...row, sessionTitle: zh && titleZh ? titleZh : titleEn }));
}

export type SpeakerSessionFeedback = {
  sessionId: number;
  slug: string;
  titleEn: string;
  titleZh: string;
  startsAt: Date;
  summary: RatingSummary;
  /** Without names or codes: what a speaker may see of their audience's answers. */
  answers: Answer[];
};

/**
 * The answers about a speaker's own sessions, for their portal: ratings and comments only, never
 * who gave them. Every edition's unless `eventId` names one.
 */
export function speakerFeedback(speakerId: number, eventId?: number): SpeakerSessionFeedback[] {
  const db = getDb();
  const own = db
    .select({ id: sessions.id, slug: sessions.slug, titleEn: sessions.titleEn, titleZh: sessions.titleZh, startsAt: sessions.startsAt })
    .from(sessionSpeakers)
    .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
    .where(and(eq(sessionSpeakers.speakerId, speakerId), inArray(sessions.status, ["published", "cancelled"]), eventId === undefined ? undefined : eq(sessions.eventId, eventId)))
    .orderBy(asc(sessions.startsAt))
    .all();
  if (own.length === 0) return [];
  const rows = db
    .select({ sessionId: sessionFeedback.sessionId, rating: sessionFeedback.rating, comment: sessionFeedback.comment, updatedAt: sessionFeedback.updatedAt })
    .from(sessionFeedback)
    .where(inArray(sessionFeedback.sessionId, own.map((s) => s.id)))
    .orderBy(asc(sessionFeedback.updatedAt))
    .all();
  return own.map((s) => {
    const answers = rows.filter((r) => r.sessionId === s.id).map(({ rating, comment, updatedAt }) => ({ rating, comment, updatedAt }));
    return { sessionId: s.id, slug: s.slug, titleEn: s.titleEn, titleZh: s.titleZh, startsAt: s.startsAt, summary: summarise(answers.map((a) => a.rating)), answers };
  });
}

/** The answers with their people's names left the console: who took them, and in what format. */
export function recordFeedbackExport(eventId: number, actor: string, format: "csv" | "xlsx", rows: number): void {
  recordAudit(getDb(), { actor, action: "feedback.export", entity: "event", entityId: eventId, eventId, after: { format, rows } });
}
