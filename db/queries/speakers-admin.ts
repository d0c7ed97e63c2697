/** The console's reads and writes of speaker profiles; every write leaves an audit row. */
import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { uniqueSlug } from "../../lib/slug";
import type { SpeakerInput } from "../../lib/speakers/input";
import { getDb } from "../client";
import { quotes, sessionSpeakers, sessions, speakers, type Speaker } from "../schema";
import { recordAudit } from "./audit";

export type SpeakerRow = Speaker & { sessionCount: number; quoteCount: number };

export function listSpeakersForConsole(): SpeakerRow[] {
  const db = getDb();
  const sessionCounts = new Map(
    db
      .select({ id: sessionSpeakers.speakerId, n: count() })
      .from(sessionSpeakers)
      .groupBy(sessionSpeakers.speakerId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  const quoteCounts = new Map(
    db
      .select({ id: quotes.speakerId, n: count() })
      .from(quotes)
      .groupBy(quotes.speakerId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  return db
    .select()
    .from(speakers)
    .orderBy(asc(speakers.nameEn), asc(speakers.id))
    .all()
    .map((s) => ({ ...s, sessionCount: sessionCounts.get(s.id) ?? 0, quoteCount: quoteCounts.get(s.id) ?? 0 }));
}

export function getSpeakerForConsole(id: number) {
  const db = getDb();
  const speaker = db.select().from(speakers).where(eq(speakers.id, id)).get();
  if (!speaker) return undefined;
  const appearances = db
    .select({ slug: sessions.slug, titleEn: sessions.titleEn, status: sessions.status, role: sessionSpeakers.role })
    .from(sessionSpeakers)
    .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
    .where(eq(sessionSpeakers.speakerId, id))
    .orderBy(asc(sessions.startsAt))
    .all();
  const quoteCount = db.select({ n: count() }).from(quotes).where(eq(quotes.speakerId, id)).get()?.n ?? 0;
  return { speaker, appearances, quoteCount };
}

/** The record as the audit log keeps it: everything an organizer can change. */
function snapshot(s: Speaker) {
  const { createdAt: _c, updatedAt: _u, ...rest } = s;
  return rest;
}

/** A new profile; its slug comes from the English name once and never changes after. */
export function createSpeaker(input: SpeakerInput, actor: string): Speaker {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const taken = new Set(tx.select({ slug: speakers.slug }).from(speakers).all().map((r) => r.slug));
      const slug = uniqueSlug(input.nameEn, taken, "speaker");
      const created = tx.insert(speakers).values({ ...input, slug }).returning().get();
      recordAudit(tx, {
        actor,
        action: "speaker.create",
        entity: "speaker",
        entityId: created.id,
        after: snapshot(created),
      });
      return created;
    },
    { behavior: "immediate" },
  );
}

export type SpeakerChange = { before: Speaker; after: Speaker };

/** Changes the profile, never the slug: links to the speaker keep working after a rename. */
export function updateSpeaker(id: number, input: SpeakerInput, actor: string): SpeakerChange | undefined {
  return getDb().transaction(
    (tx) => {
      const before = tx.select().from(speakers).where(eq(speakers.id, id)).get();
      if (!before) return undefined;
      const after = tx
        .update(speakers)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(speakers.id, id))
        .returning()
        .get();
      recordAudit(tx, {
        actor,
        action: "speaker.update",
        entity: "speaker",
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return { before, after };
    },
    { behavior: "immediate" },
  );
}

/** Sets (or, with null, removes) the photo; answers the change so the caller can delete the old file. */
export function setSpeakerPhoto(id: number, photoPath: string | null, actor: string): SpeakerChange | undefined {
  return getDb().transaction(
    (tx) => {
      const before = tx.select().from(speakers).where(eq(speakers.id, id)).get();
      if (!before) return undefined;
      const after = tx
        .update(speakers)
        .set({ photoPath, updatedAt: new Date() })
        .where(eq(speakers.id, id))
        .returning()
        .get();
      recordAudit(tx, {
        actor,
        action: photoPath ? "speaker.photo.set" : "speaker.photo.remove",
        entity: "speaker",
        entityId: id,
        before: { photoPath: before.photoPath },
        after: { photoPath: after.photoPath },
      });
      return { before, after };
    },
    { behavior: "immediate" },
  );
}

export function speakerExists(id: number): boolean {
  return getDb().select({ id: speakers.id }).from(speakers).where(eq(speakers.id, id)).get() !== undefined;
}

export type DeleteSpeakerResult = { ok: true; speaker: Speaker } | { ok: false; reason: "notFound" | "inUse" };

/** Only a speaker with no session and no quote: the program and the archive must not lose a name. */
export function deleteSpeaker(id: number, actor: string): DeleteSpeakerResult {
  return getDb().transaction(
    (tx) => {
      const before = tx.select().from(speakers).where(eq(speakers.id, id)).get();
      if (!before) return { ok: false as const, reason: "notFound" as const };
      const inSession = tx.select({ id: sessionSpeakers.sessionId }).from(sessionSpeakers).where(eq(sessionSpeakers.speakerId, id)).get();
      const quoted = tx.select({ id: quotes.id }).from(quotes).where(eq(quotes.speakerId, id)).get();
      if (inSession || quoted) return { ok: false as const, reason: "inUse" as const };
      tx.delete(speakers).where(eq(speakers.id, id)).run();
      recordAudit(tx, { actor, action: "speaker.delete", entity: "speaker", entityId: id, before: snapshot(before) });
      return { ok: true as const, speaker: before };
    },
    { behavior: "immediate" },
  );
}
