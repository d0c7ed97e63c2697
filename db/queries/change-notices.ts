/**
 * Change notices: when a publication moves, re-rooms, retitles, cancels or restores sessions, each
 * registered person who starred or booked one of them gets one email listing their changes, queued
 * in the publication's own transaction (lib/notices has the rules and the text).
 */
import "server-only";
import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Change } from "../../lib/agenda-editor/changelog";
import { editionPrefix } from "../../lib/edition";
import type { EmailAttachment } from "../../lib/email/kinds";
import type { FeedContext } from "../../lib/ics/session-event";
import { noticesByPerson, sessionNotices, type SessionNotice } from "../../lib/notices/affected";
import { renderChangeNotice } from "../../lib/notices/email";
import { noticeAttachment } from "../../lib/notices/ics";
import type { Locale } from "../../lib/localized";
import { deriveToken, newLink, tokenHash } from "../../lib/registration/secret-links";
import { manageUrl, publicBaseUrl } from "../../lib/registration/urls";
import { getDb, type Db, type Tx } from "../client";
import { changeNotices, registrations, sessionBookings, sessionSpeakers, speakers, stars, type Event, type Registration } from "../schema";
import { secret } from "../secrets";
import { recordAudit } from "./audit";
import { feedSessionsByIds } from "./feeds";
import { enqueueRendered } from "./outbox";
import { manageTokenOf } from "./registrations";

type Conn = Db | Tx;

/** How many people a publication notifies, and how many speakers of its changed sessions it cannot. */
export type NoticeAudience = {
  attendees: number;
  /** Speakers have no email address in the forum's records: they are counted, not emailed. */
  speakers: number;
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

function speakerCount(db: Conn, sessionIds: number[]): number {
  if (sessionIds.length === 0) return 0;
  const rows = db
    .selectDistinct({ id: sessionSpeakers.speakerId })
    .from(sessionSpeakers)
    .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
    .where(inArray(sessionSpeakers.sessionId, sessionIds))
    .all();
  return rows.length;
}

/** Who these changes would notify: the console's count before publishing. */
export function noticeAudience(db: Conn, eventId: number, changes: readonly Change[]): NoticeAudience {
  const notices = sessionNotices(changes);
  const ids = notices.map((n) => n.sessionId);
  return { attendees: noticesByPerson(notices, interests(db, eventId, ids)).size, speakers: speakerCount(db, ids) };
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
 * Queues the notices of one publication, in its transaction `tx`. Keyed by (version, person): a
 * second call for the same version queues nothing more, so no one is told twice of one change.
 */
export function queueChangeNotices(
  tx: Tx,
  input: { event: Event; versionId: number; versionNumber: number; changes: readonly Change[]; actor: string },
): NoticeAudience {
  const { event } = input;
  const notices = sessionNotices(input.changes);
  const ids = notices.map((n) => n.sessionId);
  const byPerson = noticesByPerson(notices, interests(tx, event.id, ids));
  const audience = { attendees: 0, speakers: speakerCount(tx, ids) };
  if (byPerson.size > 0) {
    const people = tx.select().from(registrations).where(inArray(registrations.id, [...byPerson.keys()])).all();
    const attachmentsFor = calendarEntries(tx, event, ids);
    for (const reg of people) {
      const sessions = byPerson.get(reg.id)!;
      const claimed = tx
        .insert(changeNotices)
        .values({ eventId: event.id, scheduleVersionId: input.versionId, registrationId: reg.id, sessionIds: sessions.map((s) => s.sessionId) })
        .onConflictDoNothing()
        .returning({ id: changeNotices.id })
        .get();
      if (!claimed) continue;
      const outboxId = enqueueNotice(tx, event, input.versionNumber, reg, sessions, attachmentsFor);
      tx.update(changeNotices).set({ outboxId }).where(eq(changeNotices.id, claimed.id)).run();
      audience.attendees += 1;
    }
  }
  recordAudit(tx, {
    eventId: event.id,
    actor: input.actor,
    action: "schedule.notify",
    entity: "schedule_version",
    entityId: input.versionNumber,
    after: { attendees: audience.attendees, speakersWithoutEmail: audience.speakers, sessions: ids },
  });
  return audience;
}

/** Each changed session's calendar entry per language, written once for everyone it concerns. */
function calendarEntries(tx: Tx, event: Event, ids: number[]) {
  const sessions = new Map(feedSessionsByIds(tx, event.id, ids).map((s) => [s.id, s]));
  const cache = new Map<string, EmailAttachment>();
  return (locale: Locale, sessionId: number): EmailAttachment[] => {
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

function enqueueNotice(
  tx: Tx,
  event: Event,
  versionNumber: number,
  reg: Registration,
  sessions: SessionNotice[],
  attachmentsFor: (locale: Locale, sessionId: number) => EmailAttachment[],
): number {
  const locale: Locale = reg.locale === "zh-CN" ? "zh-CN" : "en";
  const email = renderChangeNotice({
    locale,
    fullName: reg.fullName,
    edition: event,
    versionNumber,
    sessions,
    agendaUrl: `${manageUrl(locale, manageTokenOf(tx, reg))}#my-agenda-heading`,
    stopUrl: noticesStopUrl(locale, noticesTokenOf(tx, reg)),
  });
  return enqueueRendered(tx, {
    registrationId: reg.id,
    kind: "change-notice",
    to: reg.email,
    email,
    attachments: sessions.flatMap((s) => attachmentsFor(locale, s.sessionId)),
  });
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
