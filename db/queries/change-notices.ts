/**
 * Change notices: when a publication moves, re-rooms, retitles, cancels or restores sessions, each
 * registered person who starred or booked one of them gets one email listing their changes, queued
 * in the publication's own transaction and written out by the mail worker (lib/notices has the
 * rules and the text).
 */
import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Change } from "../../lib/agenda-editor/changelog";
import { editionPrefix } from "../../lib/edition";
import type { EmailAttachment } from "../../lib/email/kinds";
import type { FeedContext } from "../../lib/ics/session-event";
import { noticesByPerson, sessionNotices, type SessionNotice } from "../../lib/notices/affected";
import { renderChangeNotice } from "../../lib/notices/email";
import { noticeAttachment } from "../../lib/notices/ics";
import { pick, type Locale } from "../../lib/localized";
import { deriveToken, newLink, tokenHash } from "../../lib/registration/secret-links";
import { manageUrl, publicBaseUrl } from "../../lib/registration/urls";
import { getDb, type Db, type Tx } from "../client";
import {
  auditLog,
  changeNotices,
  events,
  outbox,
  registrations,
  scheduleVersions,
  sessionBookings,
  sessionSpeakers,
  speakerInvitations,
  speakers,
  stars,
  type Event,
  type Registration,
} from "../schema";
import { secret } from "../secrets";
import { recordAudit } from "./audit";
import { feedSessionsByIds } from "./feeds";
import { manageTokenOf } from "./registrations";

type Conn = Db | Tx;

/** How many people a publication notifies, and how many speakers of its changed sessions it cannot. */
export type NoticeAudience = {
  attendees: number;
  /** Speakers of changed sessions emailed at the address of their portal invitation. */
  speakers: number;
  /** Speakers of changed sessions never invited to the portal: the forum has no address for them. */
  speakersWithoutEmail: number;
};

/** A person registered for the edition who still wants notices: confirmed or on the waiting list, not erased. */
const notifiable = (eventId: number) =>
  and(
    eq(registrations.eventId, eventId),
    inArray(registrations.status, ["confirmed", "waiting"]),
    isNull(registrations.erasedAt),
    isNull(registrations.changeNoticesOffAt),
    ne(registrations.email, ""),
  );

/** Who starred or booked (or waits for a seat in) which of these sessions. */
function interests(db: Conn, eventId: number, sessionIds: number[]): { personId: number; sessionId: number }[] {
  if (sessionIds.length === 0) return [];
  const starred = db
    .select({ personId: stars.registrationId, sessionId: stars.sessionId })
    .from(stars)
    .innerJoin(registrations, eq(registrations.id, stars.registrationId))
    .where(and(inArray(stars.sessionId, sessionIds), notifiable(eventId)))
    .all();
  const booked = db
    .select({ personId: sessionBookings.registrationId, sessionId: sessionBookings.sessionId })
    .from(sessionBookings)
    .innerJoin(registrations, eq(registrations.id, sessionBookings.registrationId))
    .where(and(inArray(sessionBookings.sessionId, sessionIds), inArray(sessionBookings.status, ["booked", "waiting"]), notifiable(eventId)))
    .all();
  return [...starred, ...booked];
}

/** A speaker of changed sessions, with the address and language of their latest live portal invitation. */
type SpeakerRecipient = { speakerId: number; nameEn: string; nameZh: string | null; email: string | null; locale: Locale; sessionIds: number[] };

/**
 * The speakers of these sessions. Their address is the one their latest portal invitation that an
 * organizer did not revoke was sent to (an expired link still says where they read mail); a speaker
 * never invited has none, and is counted apart.
 */
function speakersOf(db: Conn, sessionIds: number[]): SpeakerRecipient[] {
  if (sessionIds.length === 0) return [];
  const links = db
    .select({ speakerId: sessionSpeakers.speakerId, sessionId: sessionSpeakers.sessionId, nameEn: speakers.nameEn, nameZh: speakers.nameZh })
    .from(sessionSpeakers)
    .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
    .where(inArray(sessionSpeakers.sessionId, sessionIds))
    .orderBy(asc(sessionSpeakers.speakerId), asc(sessionSpeakers.sessionId))
    .all();
  const bySpeaker = new Map<number, SpeakerRecipient>();
  for (const link of links) {
    const known = bySpeaker.get(link.speakerId);
    if (known) {
      if (!known.sessionIds.includes(link.sessionId)) known.sessionIds.push(link.sessionId);
      continue;
    }
    const invitation = db
      .select({ email: speakerInvitations.email, locale: speakerInvitations.locale })
      .from(speakerInvitations)
      .where(and(eq(speakerInvitations.speakerId, link.speakerId), isNull(speakerInvitations.revokedAt)))
      .orderBy(desc(speakerInvitations.id))
      .limit(1)
      .get();
    bySpeaker.set(link.speakerId, {
      speakerId: link.speakerId,
      nameEn: link.nameEn,
      nameZh: link.nameZh,
      email: invitation?.email ?? null,
      locale: invitation?.locale === "zh-CN" ? "zh-CN" : "en",
      sessionIds: [link.sessionId],
    });
  }
  return [...bySpeaker.values()];
}

function speakerCounts(list: SpeakerRecipient[]): Pick<NoticeAudience, "speakers" | "speakersWithoutEmail"> {
  const withEmail = list.filter((s) => s.email !== null).length;
  return { speakers: withEmail, speakersWithoutEmail: list.length - withEmail };
}

/** Who these changes would notify: the console's count before publishing. */
export function noticeAudience(db: Conn, eventId: number, changes: readonly Change[]): NoticeAudience {
  const notices = sessionNotices(changes);
  const ids = notices.map((n) => n.sessionId);
  return { attendees: noticesByPerson(notices, interests(db, eventId, ids)).size, ...speakerCounts(speakersOf(db, ids)) };
}

/** The token of the person's stop link: the same in every notice, made with the first. */
function noticesTokenOf(tx: Conn, reg: Registration): string {
  const key = secret("MANAGE_SECRET");
  if (reg.noticesTokenSeed && reg.noticesTokenHash) {
    const token = deriveToken(key, "notices", reg.noticesTokenSeed);
    if (tokenHash(token) === reg.noticesTokenHash) return token;
  }
  const link = newLink(key, "notices");
  tx.update(registrations).set({ noticesTokenHash: link.hash, noticesTokenSeed: link.seed }).where(eq(registrations.id, reg.id)).run();
  return link.token;
}

export function noticesStopUrl(locale: string, token: string): string {
  return `${publicBaseUrl()}/${locale === "zh-CN" ? "zh-CN" : "en"}/notices/${token}`;
}

/**
 * Queues the notices of one publication, in its transaction `tx`: one small row per person, keyed
 * by (version, person), so that a second call for the same version queues no one again. The emails
 * themselves are written by renderPendingNotices, after the commit, off the organizer's request.
 */
export function queueChangeNotices(
  tx: Tx,
  input: { eventId: number; versionId: number; versionNumber: number; changes: readonly Change[]; actor: string },
): NoticeAudience {
  const notices = sessionNotices(input.changes);
  const ids = notices.map((n) => n.sessionId);
  const rows = [...noticesByPerson(notices, interests(tx, input.eventId, ids))].map(([registrationId, sessions]) => ({
    eventId: input.eventId,
    scheduleVersionId: input.versionId,
    registrationId,
    sessionIds: sessions.map((s) => s.sessionId),
  }));
  let attendees = 0;
  // A few hundred rows per statement stay well under SQLite's limit of bound values.
  for (let i = 0; i < rows.length; i += 500) {
    attendees += tx
      .insert(changeNotices)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing()
      .returning({ id: changeNotices.id })
      .all().length;
  }
  const speakerList = speakersOf(tx, ids);
  // The audit row of this step is written with the speakers' emails, in one transaction: once it
  // exists, this version's speakers were emailed, and a second call emails no one again.
  if (versionNotified(tx, input.eventId, input.versionNumber)) return { attendees, speakers: 0, speakersWithoutEmail: 0 };
  const notified = queueSpeakerNotices(tx, input, notices, speakerList);
  const audience = { attendees, ...speakerCounts(speakerList) };
  recordAudit(tx, {
    eventId: input.eventId,
    actor: input.actor,
    action: "schedule.notify",
    entity: "schedule_version",
    entityId: input.versionNumber,
    after: { attendees: audience.attendees, speakers: notified, speakersWithoutEmail: audience.speakersWithoutEmail, sessions: ids },
  });
  return audience;
}

function versionNotified(tx: Tx, eventId: number, versionNumber: number): boolean {
  const row = tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.eventId, eventId), eq(auditLog.action, "schedule.notify"), eq(auditLog.entity, "schedule_version"), eq(auditLog.entityId, versionNumber)))
    .get();
  return row !== undefined;
}

/**
 * The speakers' notices of one publication, written into the outbox in its own transaction: a
 * publication has a handful of speakers, so they need no deferred rendering, and the version's
 * commit is what makes each of them happen once. Their sessions are read after the drafts were
 * applied, so the calendar entries carry the new times. Returns how many emails it queued.
 */
function queueSpeakerNotices(
  tx: Tx,
  input: { eventId: number; versionNumber: number },
  notices: SessionNotice[],
  list: SpeakerRecipient[],
): number {
  const recipients = list.filter((s): s is SpeakerRecipient & { email: string } => s.email !== null);
  if (recipients.length === 0) return 0;
  const event = tx.select().from(events).where(eq(events.id, input.eventId)).get()!;
  const entries = calendarEntries(tx, event, notices.map((n) => n.sessionId));
  for (const speaker of recipients) {
    const ids = new Set(speaker.sessionIds);
    const sessions = notices.filter((n) => ids.has(n.sessionId));
    const { subject, text, html } = renderChangeNotice({
      audience: "speaker",
      locale: speaker.locale,
      fullName: pick(speaker.locale, speaker.nameEn, speaker.nameZh),
      edition: event,
      versionNumber: input.versionNumber,
      sessions,
      agendaUrl: `${publicBaseUrl()}/${speaker.locale}/speaker`,
    });
    tx.insert(outbox)
      .values({
        kind: "speaker-change-notice",
        to: speaker.email,
        subject,
        text,
        html,
        attachments: sessions.flatMap((s) => entries(speaker.locale, s.sessionId)),
      })
      .run();
  }
  return recipients.length;
}

/** Notices written per transaction: short enough not to hold up a registration waiting to write. */
const BATCH = 25;

/**
 * Writes the email of every queued notice into the outbox, a batch per immediate transaction, each
 * row claimed by setting renderedAt in the transaction that inserts its email: two processes doing
 * this at once, or a restart midway, write each email once. The mail worker calls it before each
 * round of sending. Returns how many emails it wrote.
 */
export function renderPendingNotices(): number {
  let written = 0;
  for (;;) {
    const done = getDb().transaction((tx) => renderBatch(tx), { behavior: "immediate" });
    written += done.written;
    if (done.rows < BATCH) return written;
  }
}

function renderBatch(tx: Tx): { rows: number; written: number } {
  const pending = tx
    .select()
    .from(changeNotices)
    .where(isNull(changeNotices.renderedAt))
    .orderBy(asc(changeNotices.id))
    .limit(BATCH)
    .all();
  if (pending.length === 0) return { rows: 0, written: 0 };
  const people = new Map(
    tx
      .select()
      .from(registrations)
      .where(inArray(registrations.id, pending.map((p) => p.registrationId)))
      .all()
      .map((r) => [r.id, r]),
  );
  const versions = new Map<number, { event: Event; number: number; notices: SessionNotice[]; entries: CalendarEntries }>();
  const now = new Date();
  let written = 0;
  for (const notice of pending) {
    let version = versions.get(notice.scheduleVersionId);
    if (!version) {
      const row = tx.select().from(scheduleVersions).where(eq(scheduleVersions.id, notice.scheduleVersionId)).get()!;
      const event = tx.select().from(events).where(eq(events.id, row.eventId)).get()!;
      const notices = sessionNotices(row.changes as Change[]);
      version = { event, number: row.number, notices, entries: calendarEntries(tx, event, notices.map((n) => n.sessionId)) };
      versions.set(notice.scheduleVersionId, version);
    }
    const reg = people.get(notice.registrationId);
    // Erased, or stopped the notices since the publication: nothing is written, and the row is done.
    const wanted = reg && !reg.erasedAt && reg.email && reg.changeNoticesOffAt === null;
    const ids = new Set(notice.sessionIds);
    const sessions = version.notices.filter((n) => ids.has(n.sessionId));
    const outboxId = wanted && sessions.length > 0 ? enqueueNotice(tx, version.event, version.number, reg, sessions, version.entries) : null;
    if (outboxId !== null) written += 1;
    tx.update(changeNotices).set({ outboxId, renderedAt: now }).where(eq(changeNotices.id, notice.id)).run();
  }
  return { rows: pending.length, written };
}

type CalendarEntries = (locale: Locale, sessionId: number) => EmailAttachment[];

/** Each changed session's calendar entry per language, written once for everyone it concerns. */
function calendarEntries(tx: Tx, event: Event, ids: number[]): CalendarEntries {
  const sessions = new Map(feedSessionsByIds(tx, event.id, ids).map((s) => [s.id, s]));
  const cache = new Map<string, EmailAttachment>();
  return (locale, sessionId) => {
    const session = sessions.get(sessionId);
    if (!session) return [];
    const key = `${locale}:${sessionId}`;
    let entry = cache.get(key);
    if (!entry) {
      const ctx: FeedContext = { locale, baseUrl: publicBaseUrl(), event: { ...event, prefix: editionPrefix(event) } };
      cache.set(key, (entry = noticeAttachment(ctx, session)));
    }
    return [entry];
  };
}

function enqueueNotice(tx: Tx, event: Event, versionNumber: number, reg: Registration, sessions: SessionNotice[], entries: CalendarEntries): number {
  const locale: Locale = reg.locale === "zh-CN" ? "zh-CN" : "en";
  const { subject, text, html } = renderChangeNotice({
    audience: "attendee",
    locale,
    fullName: reg.fullName,
    edition: event,
    versionNumber,
    sessions,
    agendaUrl: `${manageUrl(locale, manageTokenOf(tx, reg))}#my-agenda-heading`,
    stopUrl: noticesStopUrl(locale, noticesTokenOf(tx, reg)),
  });
  return tx
    .insert(outbox)
    .values({
      registrationId: reg.id,
      kind: "change-notice",
      to: reg.email,
      subject,
      text,
      html,
      attachments: sessions.flatMap((s) => entries(locale, s.sessionId)),
    })
    .returning({ id: outbox.id })
    .get().id;
}

/** The person a stop link is for; an unknown token, or an erased person's, finds no one. */
export function findByNoticesToken(token: string): Registration | undefined {
  const reg = getDb().select().from(registrations).where(eq(registrations.noticesTokenHash, tokenHash(token))).get();
  return reg && !reg.erasedAt ? reg : undefined;
}

/** Stops (or resumes) a person's change notices; the audit row says who chose it. */
export function setChangeNotices(registrationId: number, receive: boolean, actor: string): { ok: boolean } {
  return getDb().transaction(
    (tx) => {
      const reg = tx.select().from(registrations).where(eq(registrations.id, registrationId)).get();
      if (!reg || reg.erasedAt) return { ok: false };
      const off = reg.changeNoticesOffAt !== null;
      // Pressing the button twice (two tabs) changes nothing the second time, and writes no row.
      if (off === !receive) return { ok: true };
      tx.update(registrations)
        .set({ changeNoticesOffAt: receive ? null : new Date(), updatedAt: new Date() })
        .where(eq(registrations.id, registrationId))
        .run();
      recordAudit(tx, {
        actor,
        action: receive ? "change-notices.resume" : "change-notices.stop",
        entity: "registration",
        entityId: registrationId,
        before: { changeNotices: off ? "off" : "on" },
        after: { changeNotices: receive ? "on" : "off" },
      });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

/** The notices a person was sent, one row per publication that concerned them. */
export function noticesOf(registrationId: number) {
  return getDb().select().from(changeNotices).where(eq(changeNotices.registrationId, registrationId)).all();
}
