/**
 * A session's materials (slides, recording, consent to publish each): the console's reads and
 * every write, each with its audit row. Writers take the actor and, where the caller works on one
 * edition, that edition: a session of another edition is not found. The speaker portal calls the
 * same writers after its own ownership check.
 */
import "server-only";
import { and, asc, eq, inArray, max, or } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import {
  events,
  quotes,
  sessionMaterialProposals,
  sessionMaterials,
  sessionSpeakers,
  sessions,
  speakers,
  type SessionMaterials,
} from "../schema";
import { recordAudit } from "./audit";

/** What a change to a session's materials shows on: see lib/cache/public-changes.ts ("materials"). */
export type MaterialsChange = {
  sessionSlugs: string[];
  speakerSlugs: string[];
  editionPaths: string[];
  quoteIds: number[];
};

export type MaterialsWrite =
  | { ok: true; before: SessionMaterials | null; after: SessionMaterials; change: MaterialsChange }
  | { ok: false; error: "notFound" | "offsetsBeyondLength" };

/** The session's edition, or undefined when there is no such session (in that edition). */
function sessionRow(tx: Tx, sessionId: number, eventId?: number) {
  const where =
    eventId === undefined
      ? eq(sessions.id, sessionId)
      : and(eq(sessions.id, sessionId), eq(sessions.eventId, eventId));
  return tx
    .select({ id: sessions.id, slug: sessions.slug, eventId: sessions.eventId })
    .from(sessions)
    .where(where)
    .get();
}

export function changeOf(tx: Tx, session: { id: number; slug: string; eventId: number }): MaterialsChange {
  const edition = tx
    .select({ path: events.path })
    .from(events)
    .where(eq(events.id, session.eventId))
    .get();
  const people = tx
    .select({ slug: speakers.slug })
    .from(sessionSpeakers)
    .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
    .where(eq(sessionSpeakers.sessionId, session.id))
    .all();
  const said = tx
    .select({ id: quotes.id })
    .from(quotes)
    .where(eq(quotes.sessionId, session.id))
    .all();
  return {
    sessionSlugs: [session.slug],
    speakerSlugs: people.map((p) => p.slug),
    editionPaths: edition ? [edition.path] : [],
    quoteIds: said.map((q) => q.id),
  };
}

/** Snapshot for the audit log: the row without its timestamp. */
export const snapshot = (row: SessionMaterials | null | undefined) => {
  if (!row) return null;
  const { updatedAt: _u, ...rest } = row;
  return rest;
};

/**
 * Applies `patch` to the session's materials row (made on first use) in one immediate transaction,
 * with its audit row. `check` may refuse the write after reading the row before.
 */
function write(
  sessionId: number,
  action: string,
  actor: string,
  eventId: number | undefined,
  patch: (before: SessionMaterials | null) => Partial<typeof sessionMaterials.$inferInsert>,
  check?: (
    tx: Tx,
    before: SessionMaterials | null,
    next: Partial<typeof sessionMaterials.$inferInsert>,
  ) => "offsetsBeyondLength" | null,
): MaterialsWrite {
  return getDb().transaction(
    (tx) => {
      const session = sessionRow(tx, sessionId, eventId);
      if (!session) return { ok: false as const, error: "notFound" as const };
      const before =
        tx.select().from(sessionMaterials).where(eq(sessionMaterials.sessionId, sessionId)).get() ??
        null;
      const values = patch(before);
      const refused = check?.(tx, before, values);
      if (refused) return { ok: false as const, error: refused };
      const after = tx
        .insert(sessionMaterials)
        .values({ sessionId, eventId: session.eventId, ...values })
        .onConflictDoUpdate({
          target: sessionMaterials.sessionId,
          set: { ...values, updatedAt: new Date() },
        })
        .returning()
        .get();
      recordAudit(tx, {
        actor,
        action,
        entity: "session",
        entityId: sessionId,
        before: snapshot(before),
        after: snapshot(after),
      });
      return { ok: true as const, before, after, change: changeOf(tx, session) };
    },
    { behavior: "immediate" },
  );
}

/** A new length must still hold every quote's moment. */
function lengthHoldsQuotes(tx: Tx, sessionId: number, seconds: number | null | undefined): boolean {
  if (seconds === null || seconds === undefined) return true;
  const latest = tx
    .select({ at: max(quotes.recordingOffset) })
    .from(quotes)
    .where(eq(quotes.sessionId, sessionId))
    .get()?.at;
  return latest === null || latest === undefined || latest <= seconds;
}

export type SlidesFiles = { file: string; bytes: number; pages: number; preview: string };

export function setSlides(
  sessionId: number,
  slides: SlidesFiles,
  actor: string,
  eventId?: number,
): MaterialsWrite {
  return write(sessionId, "materials.slides.set", actor, eventId, () => ({
    slidesFile: slides.file,
    slidesBytes: slides.bytes,
    slidesPages: slides.pages,
    slidesPreview: slides.preview,
  }));
}

export function removeSlides(sessionId: number, actor: string, eventId?: number): MaterialsWrite {
  return write(sessionId, "materials.slides.remove", actor, eventId, () => ({
    slidesFile: null,
    slidesBytes: null,
    slidesPages: null,
    slidesPreview: null,
    slidesPublished: false,
  }));
}

/** A link replaces an uploaded file: a session has one recording. */
export function setRecordingLink(
  sessionId: number,
  url: string,
  seconds: number | null,
  actor: string,
  eventId?: number,
): MaterialsWrite {
  return write(
    sessionId,
    "materials.recording.link",
    actor,
    eventId,
    () => ({
      recordingUrl: url,
      recordingFile: null,
      recordingBytes: null,
      recordingSeconds: seconds,
    }),
    (tx) => (lengthHoldsQuotes(tx, sessionId, seconds) ? null : "offsetsBeyondLength"),
  );
}

export function setRecordingFile(
  sessionId: number,
  video: { file: string; bytes: number; seconds: number | null },
  actor: string,
  eventId?: number,
): MaterialsWrite {
  return write(
    sessionId,
    "materials.recording.file",
    actor,
    eventId,
    () => ({
      recordingUrl: null,
      recordingFile: video.file,
      recordingBytes: video.bytes,
      recordingSeconds: video.seconds,
    }),
    (tx) => (lengthHoldsQuotes(tx, sessionId, video.seconds) ? null : "offsetsBeyondLength"),
  );
}

export function setRecordingLength(
  sessionId: number,
  seconds: number | null,
  actor: string,
  eventId?: number,
): MaterialsWrite {
  return write(
    sessionId,
    "materials.recording.length",
    actor,
    eventId,
    () => ({ recordingSeconds: seconds }),
    (tx) => (lengthHoldsQuotes(tx, sessionId, seconds) ? null : "offsetsBeyondLength"),
  );
}

export function removeRecording(
  sessionId: number,
  actor: string,
  eventId?: number,
): MaterialsWrite {
  return write(sessionId, "materials.recording.remove", actor, eventId, () => ({
    recordingUrl: null,
    recordingFile: null,
    recordingBytes: null,
    recordingSeconds: null,
    recordingPublished: false,
  }));
}

/** The consent to publish each: recorded as given by the speaker (an organizer records it for them here). */
export function setConsent(
  sessionId: number,
  consent: { slides: boolean; recording: boolean },
  actor: string,
  eventId?: number,
): MaterialsWrite {
  return write(sessionId, "materials.consent", actor, eventId, (before) => ({
    // Consent to publish nothing means nothing: it cannot be given before there is something.
    slidesPublished: consent.slides && Boolean(before?.slidesFile),
    recordingPublished: consent.recording && Boolean(before?.recordingUrl || before?.recordingFile),
  }));
}

/**
 * Whether any session, or any speaker's proposal waiting for review, still names this stored file
 * (the same deck uploaded twice is one file).
 */
export function materialFileInUse(name: string): boolean {
  const m = sessionMaterials;
  const p = sessionMaterialProposals;
  const db = getDb();
  return Boolean(
    db
      .select({ id: m.sessionId })
      .from(m)
      .where(or(eq(m.slidesFile, name), eq(m.slidesPreview, name), eq(m.recordingFile, name)))
      .get() ??
      db
        .select({ id: p.sessionId })
        .from(p)
        .where(or(eq(p.slidesFile, name), eq(p.slidesPreview, name)))
        .get(),
  );
}

/** The stored files a write left behind (the ones the row named before and no longer does). */
export function replacedFiles(before: SessionMaterials | null, after: SessionMaterials): string[] {
  if (!before) return [];
  const now = new Set([after.slidesFile, after.slidesPreview, after.recordingFile]);
  return [before.slidesFile, before.slidesPreview, before.recordingFile].filter(
    (f): f is string => f !== null && !now.has(f),
  );
}

/** The console's list: the edition's sessions with what each holds. */
export function listSessionsWithMaterials(eventId: number) {
  return getDb()
    .select({
      id: sessions.id,
      slug: sessions.slug,
      titleEn: sessions.titleEn,
      titleZh: sessions.titleZh,
      status: sessions.status,
      startsAt: sessions.startsAt,
      materials: sessionMaterials,
    })
    .from(sessions)
    .leftJoin(sessionMaterials, eq(sessionMaterials.sessionId, sessions.id))
    .where(eq(sessions.eventId, eventId))
    .orderBy(asc(sessions.startsAt), asc(sessions.id))
    .all();
}

/** One session of the edition with its materials, for the console's materials page. */
export function getSessionMaterials(sessionId: number, eventId?: number) {
  const where =
    eventId === undefined
      ? eq(sessions.id, sessionId)
      : and(eq(sessions.id, sessionId), eq(sessions.eventId, eventId));
  const row = getDb()
    .select({ session: sessions, materials: sessionMaterials })
    .from(sessions)
    .leftJoin(sessionMaterials, eq(sessionMaterials.sessionId, sessions.id))
    .where(where)
    .get();
  return row && { ...row.session, materials: row.materials };
}

/** The materials rows of these sessions, by session id: for pages and exports that list sessions. */
export function materialsBySession(sessionIds: readonly number[]): Map<number, SessionMaterials> {
  if (sessionIds.length === 0) return new Map();
  const rows = getDb()
    .select()
    .from(sessionMaterials)
    .where(inArray(sessionMaterials.sessionId, [...sessionIds]))
    .all();
  return new Map(rows.map((r) => [r.sessionId, r]));
}

/** The recording's known length for a session (null: unknown or no recording). */
export function recordingLengthOf(
  tx: Tx,
  sessionId: number,
): { exists: boolean; seconds: number | null } {
  const row = tx
    .select({
      url: sessionMaterials.recordingUrl,
      file: sessionMaterials.recordingFile,
      seconds: sessionMaterials.recordingSeconds,
    })
    .from(sessionMaterials)
    .where(eq(sessionMaterials.sessionId, sessionId))
    .get();
  return { exists: Boolean(row && (row.url || row.file)), seconds: row?.seconds ?? null };
}
