import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { zonedDate } from "../../lib/time";
import { getDb } from "../client";
import { rooms, sessions, tracks } from "../schema";
import { type SessionStatus } from "../../lib/sessions/kinds";
import { getEvent } from "./event";
import { publicSpeakerIds } from "./public-speakers";

/** What the public may see: published sessions, and cancelled ones marked as such. */
const PUBLIC_STATUSES: SessionStatus[] = ["published", "cancelled"];

function findPublicSessions(slug?: string) {
  const visible = inArray(sessions.status, PUBLIC_STATUSES);
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

export function listPublicSessions(): AgendaSession[] {
  const { timeZone } = getEvent();
  return findPublicSessions().map((s) => toAgendaSession(s, timeZone));
}

export function getPublicSession(slug: string) {
  const [session] = findPublicSessions(slug);
  if (!session) return undefined;
  const quotes = getDb().query.quotes.findMany({
    where: (q, { and: all, eq: e, inArray: among }) =>
      all(e(q.sessionId, session.id), among(q.speakerId, publicSpeakerIds())),
    with: { speaker: true, source: true },
  }).sync();
  return { ...toAgendaSession(session, getEvent().timeZone), quotes };
}

export function listPublicSessionSlugs(): string[] {
  return getDb()
    .select({ slug: sessions.slug })
    .from(sessions)
    .where(inArray(sessions.status, PUBLIC_STATUSES))
    .all()
    .map((r) => r.slug);
}

export function listRooms() {
  return getDb().select().from(rooms).orderBy(asc(rooms.position)).all();
}

export function listTracks() {
  return getDb().select().from(tracks).orderBy(asc(tracks.position)).all();
}
