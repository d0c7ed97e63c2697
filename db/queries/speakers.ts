import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { sessionSpeakers, sessions, speakers } from "../schema";
import { publicSpeakerCondition } from "./public-speakers";
import { listQuotesBySpeaker } from "./quotes";

export function listSpeakers() {
  return getDb().select().from(speakers).where(publicSpeakerCondition()).orderBy(asc(speakers.nameEn)).all();
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
  const speaker = db.query.speakers.findFirst({ where: and(eq(speakers.slug, slug), publicSpeakerCondition()) }).sync();
  if (!speaker) return undefined;
  const appearances = db
    .select({ session: sessions, role: sessionSpeakers.role })
    .from(sessionSpeakers)
    .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
    .where(
      and(
        eq(sessionSpeakers.speakerId, speaker.id),
        inArray(sessions.status, ["published", "cancelled"]),
      ),
    )
    .orderBy(asc(sessions.startsAt))
    .all();
  return { ...speaker, appearances, quotes: listQuotesBySpeaker(speaker.id) };
}
