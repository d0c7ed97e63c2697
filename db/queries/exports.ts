import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { ScheduleSource } from "../../lib/schedule/model";
import { publicBaseUrl } from "../../lib/registration/urls";
import { getDb } from "../client";
import { rooms, sessions, tracks, type Event } from "../schema";
import { permanentPrefix } from "../../lib/edition";
import { publicMaterials } from "../../lib/materials/public";
import { getEvent } from "./event";

/**
 * Everything schedule.json and schedule.xml show of one edition (the current one unless named):
 * its public sessions (published and cancelled), never drafts, and never another edition's.
 */
export function scheduleSource(event: Event = getEvent()): ScheduleSource {
  const db = getDb();
  const rows = db.query.sessions
    .findMany({
      where: and(
        eq(sessions.eventId, event.id),
        inArray(sessions.status, ["published", "cancelled"]),
      ),
      with: {
        room: true,
        track: true,
        speakers: { with: { speaker: true }, orderBy: (t, o) => [o.asc(t.position)] },
        materials: true,
      },
      orderBy: [asc(sessions.startsAt), asc(sessions.id)],
    })
    .sync();
  return {
    baseUrl: publicBaseUrl(),
    editionPrefix: permanentPrefix(event),
    event,
    rooms: db
      .select()
      .from(rooms)
      .where(eq(rooms.eventId, event.id))
      .orderBy(asc(rooms.position), asc(rooms.id))
      .all(),
    tracks: db
      .select()
      .from(tracks)
      .where(eq(tracks.eventId, event.id))
      .orderBy(asc(tracks.position), asc(tracks.id))
      .all(),
    sessions: rows.map((s) => ({
      id: s.id,
      slug: s.slug,
      type: s.type,
      status: s.status,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      titleEn: s.titleEn,
      titleZh: s.titleZh,
      abstractEn: s.abstractEn,
      abstractZh: s.abstractZh,
      room: s.room,
      track: s.track,
      speakers: s.speakers.map(({ speaker }) => speaker),
      materials: publicMaterials(s.materials),
    })),
  };
}
