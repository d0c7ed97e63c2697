import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { publicMaterials } from "../../lib/materials/public";
import { events, sessionMaterials, sessionSpeakers, sessions, sources, speakers, type Source, type Speaker } from "../schema";
import { publicSpeakerCondition } from "./public-speakers";
import { listQuotesBySpeaker } from "./quotes";

export function listSpeakers() {
  return getDb().select().from(speakers).where(publicSpeakerCondition()).orderBy(asc(speakers.nameEn)).all();
}

/** A public speaker, and for a real person the source that names them. */
export type Person = Speaker & { source: Source | null };

/**
 * The public people in two groups: the real people a source names (quoted in its report, never on
 * a session) and the people of the illustrative program.
 */
export function listPeople(): { quoted: Person[]; program: Person[] } {
  const rows = getDb()
    .select({ speaker: speakers, source: sources })
    .from(speakers)
    .leftJoin(sources, eq(sources.id, speakers.sourceId))
    .where(publicSpeakerCondition())
    .orderBy(asc(speakers.nameEn), asc(speakers.id))
    .all()
    .map(({ speaker, source }) => ({ ...speaker, source }));
  return { quoted: rows.filter((p) => p.source), program: rows.filter((p) => !p.source) };
}

export function listSpeakerSlugs(): string[] {
  return getDb()
    .select({ slug: speakers.slug })
    .from(speakers)
    .where(publicSpeakerCondition())
    .all()
    .map((r) => r.slug);
}

export function getSpeaker(slug: string) {
  const db = getDb();
  const speaker = db.query.speakers
    .findFirst({ where: and(eq(speakers.slug, slug), publicSpeakerCondition()), with: { source: true } })
    .sync();
  if (!speaker) return undefined;
  // A person across editions: their sessions, the latest edition first, each with its edition.
  const appearances = db
    .select({
      session: sessions,
      role: sessionSpeakers.role,
      materials: sessionMaterials,
      edition: {
        id: events.id,
        path: events.path,
        nameEn: events.nameEn,
        nameZh: events.nameZh,
        timeZone: events.timeZone,
        startDate: events.startDate,
        endDate: events.endDate,
        isCurrent: events.isCurrent,
      },
    })
    .from(sessionSpeakers)
    .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
    .innerJoin(events, eq(events.id, sessions.eventId))
    .leftJoin(sessionMaterials, eq(sessionMaterials.sessionId, sessions.id))
    .where(
      and(
        eq(sessionSpeakers.speakerId, speaker.id),
        inArray(sessions.status, ["published", "cancelled"]),
      ),
    )
    .orderBy(desc(events.startDate), asc(sessions.startsAt))
    .all();
  return {
    ...speaker,
    appearances: appearances.map((a) => ({ ...a, materials: publicMaterials(a.materials) })),
    quotes: listQuotesBySpeaker(speaker.id),
  };
}

export type SpeakerAppearance = NonNullable<ReturnType<typeof getSpeaker>>["appearances"][number];
