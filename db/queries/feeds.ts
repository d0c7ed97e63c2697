import "server-only";
import { and, asc, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import { serializeCalendar } from "../../lib/ics/calendar";
import type { CalendarFile } from "../../lib/ics/response";
import { sessionsCalendar, type FeedKind, type FeedSession } from "../../lib/ics/session-event";
import { permanentPrefix } from "../../lib/edition";
import type { Locale } from "../../lib/localized";
import { tokenHash } from "../../lib/registration/secret-links";
import { publicBaseUrl } from "../../lib/registration/urls";
import { getDb, type Tx } from "../client";
import { events, registrations, sessionBookings, sessionSpeakers, sessions, speakers, stars, type Event } from "../schema";
import { type SessionStatus } from "../../lib/sessions/kinds";
import { publicSpeakerCondition } from "./public-speakers";

/** Drafts never reach a feed; cancelled sessions do, marked STATUS:CANCELLED. */
const PUBLIC_STATUSES: SessionStatus[] = ["published", "cancelled"];

function findFeedSessions(tx: Tx, filter?: SQL): FeedSession[] {
  const rows = tx.query.sessions
    .findMany({
      where: and(inArray(sessions.status, PUBLIC_STATUSES), filter),
      with: {
        room: true,
        track: true,
        speakers: { with: { speaker: true }, orderBy: (t, o) => [o.asc(t.position)] },
      },
      orderBy: [asc(sessions.startsAt), asc(sessions.roomId), asc(sessions.id)],
    })
    .sync();
  return rows.map((s) => ({
    id: s.id,
    slug: s.slug,
    status: s.status === "cancelled" ? "cancelled" : "published",
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    updatedAt: s.updatedAt,
    version: s.version,
    titleEn: s.titleEn,
    titleZh: s.titleZh,
    abstractEn: s.abstractEn,
    abstractZh: s.abstractZh,
    room: s.room && { nameEn: s.room.nameEn, nameZh: s.room.nameZh },
    track: s.track && { nameEn: s.track.nameEn, nameZh: s.track.nameZh },
    speakers: s.speakers.map((ss) => ({
      nameEn: ss.speaker.nameEn,
      nameZh: ss.speaker.nameZh,
      organisationEn: ss.speaker.organisationEn,
      organisationZh: ss.speaker.organisationZh,
      role: ss.role,
    })),
  }));
}

/** Sessions of one edition by id, as the feeds write them: a change notice's calendar entries. */
export function feedSessionsByIds(tx: Tx, eventId: number, ids: number[]): FeedSession[] {
  if (ids.length === 0) return [];
  return findFeedSessions(tx, and(eq(sessions.eventId, eventId), inArray(sessions.id, ids)));
}

/** The edition a feed is of: the current one, one by id, or the one a registration is for. */
type EditionChoice = { current: true } | { id: number } | { ofRegistration: (tx: Tx) => number | undefined };

function findEdition(tx: Tx, choice: EditionChoice): Event | undefined {
  if ("current" in choice) {
    const event = tx.query.events.findFirst({ where: eq(events.isCurrent, true) }).sync();
    if (!event) throw new Error("The database holds no current edition: run `npm run db:seed`.");
    return event;
  }
  const id = "id" in choice ? choice.id : choice.ofRegistration(tx);
  return id === undefined ? undefined : tx.query.events.findFirst({ where: eq(events.id, id) }).sync();
}

const ofEdition = (event: Event) => eq(sessions.eventId, event.id);

/**
 * Reads one feed in a single transaction, so that the event, the person and the sessions come
 * from the same state of the database; `read` returns undefined for a feed that does not exist.
 */
function buildFeed(
  locale: Locale | undefined,
  edition: EditionChoice,
  read: (tx: Tx, event: Event) => { kind: FeedKind; sessions: FeedSession[]; name: string; locale?: Locale } | undefined,
): CalendarFile | undefined {
  return getDb().transaction((tx) => {
    const event = findEdition(tx, edition);
    if (!event) return undefined;
    const feed = read(tx, event);
    if (!feed) return undefined;
    const ctx = {
      locale: locale ?? feed.locale ?? "en",
      baseUrl: publicBaseUrl(),
      event: {
        slug: event.slug,
        nameEn: event.nameEn,
        nameZh: event.nameZh,
        venueEn: event.venueEn,
        venueZh: event.venueZh,
        timeZone: event.timeZone,
        startDate: event.startDate,
        endDate: event.endDate,
        prefix: permanentPrefix(event),
      },
    };
    return {
      filename: `${event.slug}-${feed.name}.ics`,
      body: serializeCalendar(sessionsCalendar(ctx, feed.kind, feed.sessions)),
    };
  });
}

/** One edition's whole public program: the current edition's unless an edition id is given. */
export function agendaFeed(locale: Locale | undefined, eventId?: number): CalendarFile | undefined {
  return buildFeed(locale, eventId === undefined ? { current: true } : { id: eventId }, (tx, event) => ({
    kind: { kind: "agenda" },
    name: "agenda",
    sessions: findFeedSessions(tx, ofEdition(event)),
  }));
}

/** One public session of the current edition; undefined for an unknown slug or a draft. */
export function sessionFeed(slug: string, locale: Locale | undefined): CalendarFile | undefined {
  return buildFeed(locale, { current: true }, (tx, event) => {
    const [session] = findFeedSessions(tx, and(ofEdition(event), eq(sessions.slug, slug)));
    if (!session) return undefined;
    return {
      kind: { kind: "session", title: { en: session.titleEn, zh: session.titleZh } },
      name: slug,
      sessions: [session],
    };
  });
}

/**
 * A speaker's public sessions at the current edition (possibly none): a calendar is for the talks
 * to come, and their page lists the earlier ones. Undefined for an unknown speaker, and for a real
 * person named in a source, who is on no session and has no calendar of talks.
 */
export function speakerFeed(slug: string, locale: Locale | undefined): CalendarFile | undefined {
  return buildFeed(locale, { current: true }, (tx, event) => {
    const speaker = tx.query.speakers
      .findFirst({ where: and(eq(speakers.slug, slug), isNull(speakers.sourceId), publicSpeakerCondition()) })
      .sync();
    if (!speaker) return undefined;
    const appearances = tx
      .select({ id: sessionSpeakers.sessionId })
      .from(sessionSpeakers)
      .where(eq(sessionSpeakers.speakerId, speaker.id));
    return {
      kind: { kind: "speaker", name: { en: speaker.nameEn, zh: speaker.nameZh } },
      name: slug,
      sessions: findFeedSessions(tx, and(ofEdition(event), inArray(sessions.id, appearances))),
    };
  });
}

/**
 * A person's own calendar: the public sessions they starred and the seat-limited ones they hold a
 * seat in. The token is the only credential, so an unknown or erased one is simply not found. In
 * the person's language unless the address names another.
 */
export function personalFeed(token: string, locale: Locale | undefined): CalendarFile | undefined {
  const findPerson = (tx: Tx) =>
    tx
      .select({ id: registrations.id, eventId: registrations.eventId, locale: registrations.locale, erasedAt: registrations.erasedAt })
      .from(registrations)
      .where(eq(registrations.calendarTokenHash, tokenHash(token)))
      .get();
  // A registration belongs to one edition: its calendar is that edition's.
  return buildFeed(locale, { ofRegistration: (tx) => findPerson(tx)?.eventId }, (tx, event) => {
    const person = findPerson(tx);
    if (!person || person.erasedAt) return undefined;
    const starred = tx
      .select({ id: stars.sessionId })
      .from(stars)
      .where(eq(stars.registrationId, person.id));
    const booked = tx
      .select({ id: sessionBookings.sessionId })
      .from(sessionBookings)
      .where(and(eq(sessionBookings.registrationId, person.id), eq(sessionBookings.status, "booked")));
    return {
      kind: { kind: "personal" },
      name: "my-agenda",
      locale: person.locale === "zh-CN" ? "zh-CN" : "en",
      sessions: findFeedSessions(tx, and(ofEdition(event), or(inArray(sessions.id, starred), inArray(sessions.id, booked)))),
    };
  });
}
