import { count } from "drizzle-orm";
import { zonedToInstant } from "../../lib/time";
import type { Db } from "../client";
import * as s from "../schema";
import { article, event, figureList, people, quoteList, topicList } from "./article";
import { program, programPeople, rooms, tracks } from "./program";

export function isEmpty(db: Db): boolean {
  const row = db.select({ n: count() }).from(s.events).get();
  return (row?.n ?? 0) === 0;
}

/** Fills an empty database with the forum, the article's people, words and figures, and the illustrative program. */
export function seed(db: Db): void {
  db.transaction((tx) => {
    const ev = tx.insert(s.events).values(event).returning().get();
    const source = tx
      .insert(s.sources)
      .values({
        publisher: article.publisher,
        title: article.title,
        publishedOn: article.publishedOn,
        url: article.url,
      })
      .returning()
      .get();

    const roomIds = new Map<string, number>();
    rooms.forEach((r, position) => {
      const row = tx.insert(s.rooms).values({ ...r, eventId: ev.id, position }).returning().get();
      roomIds.set(r.slug, row.id);
    });
    const trackIds = new Map<string, number>();
    tracks.forEach((t, position) => {
      const row = tx.insert(s.tracks).values({ ...t, eventId: ev.id, position }).returning().get();
      trackIds.set(t.slug, row.id);
    });

    const speakerIds = new Map<string, number>();
    // The article's people are marked as named in it: no session may ever list them.
    for (const p of people) {
      const row = tx.insert(s.speakers).values({ ...p, sourceId: source.id }).returning().get();
      speakerIds.set(p.slug, row.id);
    }
    for (const p of programPeople) {
      const row = tx.insert(s.speakers).values(p).returning().get();
      speakerIds.set(p.slug, row.id);
    }

    for (const session of program) {
      const row = tx
        .insert(s.sessions)
        .values({
          eventId: ev.id,
          slug: session.slug,
          type: session.type,
          status: session.status ?? "published",
          startsAt: zonedToInstant(session.day, session.start, event.timeZone),
          endsAt: zonedToInstant(session.day, session.end, event.timeZone),
          roomId: required(roomIds, session.room),
          trackId: required(trackIds, session.track),
          titleEn: session.titleEn,
          titleZh: session.titleZh,
          abstractEn: session.abstractEn,
          abstractZh: session.abstractZh,
          seatLimit: session.seatLimit ?? null,
        })
        .returning()
        .get();
      session.speakers?.forEach((sp, position) => {
        tx.insert(s.sessionSpeakers)
          .values({
            sessionId: row.id,
            speakerId: required(speakerIds, sp.speaker),
            role: sp.role,
            position,
          })
          .run();
      });
    }

    const topicIds = new Map<string, number>();
    for (const t of topicList) {
      const row = tx.insert(s.topics).values(t).returning().get();
      topicIds.set(t.slug, row.id);
    }

    for (const q of quoteList) {
      const row = tx
        .insert(s.quotes)
        .values({
          eventId: ev.id,
          speakerId: required(speakerIds, q.speaker),
          sourceId: source.id,
          kind: q.kind,
          text: q.text,
          language: "en",
          translation: q.translation,
          // The article reports words said at the forum without giving the day.
          saidOn: null,
        })
        .returning()
        .get();
      for (const topic of q.topics) {
        tx.insert(s.quoteTopics).values({ quoteId: row.id, topicId: required(topicIds, topic) }).run();
      }
    }

    figureList.forEach((f, position) => {
      tx.insert(s.keyFigures).values({ ...f, eventId: ev.id, sourceId: source.id, position }).run();
    });
  });
}

function required(ids: Map<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`Seed refers to an unknown key: ${key}`);
  return id;
}
