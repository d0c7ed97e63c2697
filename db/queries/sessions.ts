import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { zonedDate } from "../../lib/time";
import { getDb } from "../client";
import { rooms, sessionMaterials, sessions, tracks } from "../schema";
import { publicMaterials } from "../../lib/materials/public";
import { type SessionStatus } from "../../lib/sessions/kinds";
import { editionById, getEvent } from "./event";
import { publicSpeakerIds } from "./public-speakers";

/** What the public may see: published sessions, and cancelled ones marked as such. */
const PUBLIC_STATUSES: SessionStatus[] = ["published", "cancelled"];

/** The current edition's id: what the unprefixed addresses show. */
const current = () => getEvent().id;

function timeZoneOf(eventId: number): string {
  const edition = editionById(eventId);
  if (!edition) throw new Error(`No edition ${eventId}`);
  return edition.timeZone;
}

function findPublicSessions(eventId: number, slug?: string) {
  const visible = and(eq(sessions.eventId, eventId), inArray(sessions.status, PUBLIC_STATUSES));
  return getDb().query.sessions.findMany({
    where: slug === undefined ? visible : and(visible, eq(sessions.slug, slug)),
    with: {
      room: true,
      track: true,
      speakers: { with: { speaker: true }, orderBy: (t, o) => [o.asc(t.position)] },
    },
    orderBy: [asc(sessions.startsAt), asc(sessions.roomId)],
  }).sync();
}

type SessionWithDetails = ReturnType<typeof findPublicSessions>[number];

/** A session as the agenda shows it: plain data that a client component can filter. */
export type AgendaSession = ReturnType<typeof toAgendaSession>;

function toAgendaSession(s: SessionWithDetails, timeZone: string) {
  return {
    id: s.id,
    slug: s.slug,
    type: s.type,
    status: s.status,
    startsAt: s.startsAt.getTime(),
    endsAt: s.endsAt.getTime(),
    day: zonedDate(s.startsAt, timeZone),
    titleEn: s.titleEn,
    titleZh: s.titleZh,
    abstractEn: s.abstractEn,
    abstractZh: s.abstractZh,
    seatLimit: s.seatLimit,
    room: s.room && { slug: s.room.slug, nameEn: s.room.nameEn, nameZh: s.room.nameZh },
    track: s.track && {
      slug: s.track.slug,
      nameEn: s.track.nameEn,
      nameZh: s.track.nameZh,
      color: s.track.color,
    },
    speakers: s.speakers.map((ss) => ({
      slug: ss.speaker.slug,
      nameEn: ss.speaker.nameEn,
      nameZh: ss.speaker.nameZh,
      role: ss.role,
    })),
  };
}

/** One edition's public program (the current edition's unless named). */
export function listPublicSessions(eventId: number = current()): AgendaSession[] {
  const timeZone = timeZoneOf(eventId);
  return findPublicSessions(eventId).map((s) => toAgendaSession(s, timeZone));
}

/** A public session of one edition: slugs are unique per edition only. */
export function getPublicSession(slug: string, eventId: number = current()) {
  const [session] = findPublicSessions(eventId, slug);
  if (!session) return undefined;
  const quotes = getDb().query.quotes.findMany({
    where: (q, { and: all, eq: e, inArray: among }) =>
      all(e(q.sessionId, session.id), among(q.speakerId, publicSpeakerIds())),
    with: { speaker: true, source: true },
    // In the order they were said, where the recording says when.
    orderBy: (q, o) => [o.asc(q.recordingOffset), o.asc(q.id)],
  }).sync();
  const materials = publicMaterials(getDb().select().from(sessionMaterials).where(eq(sessionMaterials.sessionId, session.id)).get());
  return { ...toAgendaSession(session, timeZoneOf(eventId)), quotes, materials };
}

export function listPublicSessionSlugs(eventId: number = current()): string[] {
  return getDb()
    .select({ slug: sessions.slug })
    .from(sessions)
    .where(and(eq(sessions.eventId, eventId), inArray(sessions.status, PUBLIC_STATUSES)))
    .all()
    .map((r) => r.slug);
}

export function listRooms(eventId: number = current()) {
  return getDb().select().from(rooms).where(eq(rooms.eventId, eventId)).orderBy(asc(rooms.position)).all();
}

export function listTracks(eventId: number = current()) {
  return getDb().select().from(tracks).where(eq(tracks.eventId, eventId)).orderBy(asc(tracks.position)).all();
}
