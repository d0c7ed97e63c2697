import "server-only";
import { and, asc, desc, eq, inArray, isNull, max } from "drizzle-orm";
import { diffSchedule, type Change, type ScheduleEntry } from "../../lib/agenda-editor/changelog";
import { blockingConflicts, findConflicts, warnings, type Conflict } from "../../lib/agenda-editor/conflicts";
import {
  draftDataSchema,
  type CheckedFields,
  type DraftData,
  type Placement,
  type SessionFields,
} from "../../lib/agenda-editor/draft";
import { uniqueSlug } from "../../lib/slug";
import { daysBetween, zonedToInstant } from "../../lib/time";
import { daysOf } from "../../lib/edition";
import { getDb, type Db, type Tx } from "../client";
import { rooms, scheduleVersions, sessionDrafts, sessions, sessionSpeakers, speakers, tracks, type Event, type Session } from "../schema";
import { type SessionStatus } from "../../lib/sessions/kinds";
import { recordAudit } from "./audit";
import { noticeAudience, queueChangeNotices, type NoticeAudience } from "./change-notices";
import { editionById, getEvent } from "./event";

type Conn = Db | Tx;

/** A session as the editor shows it: the organizers' draft where there is one, else what is public. */
export type EditorSession = {
  id: number;
  slug: string;
  /** The status of the public row: "draft" means never published. */
  status: SessionStatus;
  revision: number;
  hasDraft: boolean;
  data: DraftData;
};

/** A session row and its people as the editor holds them: the draft a change starts from. */
export function publishedData(row: Session, people: { speakerId: number; role: DraftData["speakers"][number]["role"] }[]): DraftData {
  return {
    type: row.type,
    titleEn: row.titleEn,
    titleZh: row.titleZh,
    abstractEn: row.abstractEn,
    abstractZh: row.abstractZh,
    roomId: row.roomId,
    trackId: row.trackId,
    startsAt: row.startsAt.getTime(),
    endsAt: row.endsAt.getTime(),
    seatLimit: row.seatLimit,
    speakers: people,
    cancelled: row.status === "cancelled",
  };
}

function speakersBySession(db: Conn, ids?: number[]) {
  const rows = db
    .select({ sessionId: sessionSpeakers.sessionId, speakerId: sessionSpeakers.speakerId, role: sessionSpeakers.role })
    .from(sessionSpeakers)
    .where(ids ? inArray(sessionSpeakers.sessionId, ids) : undefined)
    .orderBy(asc(sessionSpeakers.sessionId), asc(sessionSpeakers.position))
    .all();
  const map = new Map<number, DraftData["speakers"]>();
  for (const { sessionId, speakerId, role } of rows) {
    const list = map.get(sessionId) ?? [];
    list.push({ speakerId, role });
    map.set(sessionId, list);
  }
  return map;
}

/** The edition's sessions (or its one session `id`): another edition's session is not found. */
function loadEditorSessions(db: Conn, eventId: number, id?: number): EditorSession[] {
  const rows = db
    .select({ session: sessions, draft: sessionDrafts })
    .from(sessions)
    .leftJoin(sessionDrafts, eq(sessionDrafts.sessionId, sessions.id))
    .where(and(eq(sessions.eventId, eventId), id === undefined ? undefined : eq(sessions.id, id)))
    .orderBy(asc(sessions.startsAt), asc(sessions.id))
    .all();
  const people = speakersBySession(db, id === undefined ? rows.map((r) => r.session.id) : [id]);
  return rows.map(({ session, draft }) => ({
    id: session.id,
    slug: session.slug,
    status: session.status,
    revision: draft ? draft.revision : session.version,
    hasDraft: draft !== null,
    data: draft ? draftDataSchema.parse(draft.data) : publishedData(session, people.get(session.id) ?? []),
  }));
}

/** The edition the editor works on; an id that names none is a mistake of the caller. */
function edition(eventId: number): Event {
  const event = editionById(eventId);
  if (!event) throw new Error(`No edition ${eventId}.`);
  return event;
}

function latestVersion(db: Conn, eventId: number): number {
  return db.select({ number: max(scheduleVersions.number) }).from(scheduleVersions).where(eq(scheduleVersions.eventId, eventId)).get()?.number ?? 0;
}

/** Everything the editor needs about one edition, read once per page load. */
export function loadAgendaEditor(eventId: number) {
  const db = getDb();
  const event = edition(eventId);
  return {
    timeZone: event.timeZone,
    days: daysOf(event),
    rooms: db.select().from(rooms).where(eq(rooms.eventId, eventId)).orderBy(asc(rooms.position), asc(rooms.id)).all(),
    tracks: db.select().from(tracks).where(eq(tracks.eventId, eventId)).orderBy(asc(tracks.position), asc(tracks.id)).all(),
    // A real person named in a source is never on a session, so the picker does not offer them.
    speakers: db
      .select({ id: speakers.id, nameEn: speakers.nameEn, nameZh: speakers.nameZh })
      .from(speakers)
      .where(isNull(speakers.sourceId))
      .orderBy(asc(speakers.nameEn))
      .all(),
    sessions: loadEditorSessions(db, eventId),
    latestVersion: latestVersion(db, eventId),
  };
}

export type AgendaEditorData = ReturnType<typeof loadAgendaEditor>;

export type EditRefusal =
  | "not-found"
  | "stale"
  | "unknown-room"
  | "unknown-track"
  | "unknown-speaker"
  | "real-person"
  | "blocked"
  | "needs-acknowledgement"
  | "published";

export type EditResult =
  | { ok: true; session: EditorSession; conflicts: Conflict[] }
  | { ok: false; reason: EditRefusal; conflicts?: Conflict[] };

function placementTimes(placement: Placement, timeZone: string) {
  return {
    roomId: placement.roomId,
    startsAt: zonedToInstant(placement.day, placement.start, timeZone).getTime(),
    endsAt: zonedToInstant(placement.day, placement.end, timeZone).getTime(),
  };
}

function fieldsToData(fields: SessionFields, timeZone: string): DraftData {
  return {
    type: fields.type,
    titleEn: fields.titleEn,
    titleZh: fields.titleZh,
    abstractEn: fields.abstractEn,
    abstractZh: fields.abstractZh,
    ...placementTimes(fields, timeZone),
    trackId: fields.trackId,
    seatLimit: fields.seatLimit,
    speakers: fields.speakers,
    cancelled: fields.cancelled,
  };
}

/** Ids that name nothing (or another edition's room or track), and real people, are refused before any rule is checked. */
function unknownReference(db: Conn, eventId: number, data: DraftData): EditRefusal | null {
  const room = data.roomId === null ? null : db.select({ id: rooms.id }).from(rooms).where(and(eq(rooms.id, data.roomId), eq(rooms.eventId, eventId))).get();
  if (data.roomId !== null && !room) return "unknown-room";
  if (data.trackId !== null && !db.select({ id: tracks.id }).from(tracks).where(and(eq(tracks.id, data.trackId), eq(tracks.eventId, eventId))).get()) {
    return "unknown-track";
  }
  const ids = data.speakers.map((s) => s.speakerId);
  if (ids.length > 0) {
    const found = db.select({ id: speakers.id, sourceId: speakers.sourceId }).from(speakers).where(inArray(speakers.id, ids)).all();
    if (found.length !== new Set(ids).size) return "unknown-speaker";
    // The people a source names are real: none is a speaker, moderator or panellist of a session.
    if (found.some((s) => s.sourceId !== null)) return "real-person";
  }
  return null;
}

function conflictsOf(db: Conn, event: Event, sessionId: number, data: DraftData): Conflict[] {
  const capacities = new Map(
    db.select({ id: rooms.id, capacity: rooms.capacity }).from(rooms).where(eq(rooms.eventId, event.id)).all().map((r) => [r.id, r.capacity]),
  );
  const others = loadEditorSessions(db, event.id)
    // A never-published session that is cancelled is not on any schedule.
    .filter((s) => s.id !== sessionId)
    .map((s) => ({ id: s.id, ...s.data }));
  return findConflicts({ id: sessionId, ...data }, others, {
    days: daysBetween(event.startDate, event.endDate),
    timeZone: event.timeZone,
    roomCapacity: (id) => capacities.get(id),
  });
}

/** Blocking conflicts refuse; warnings refuse until acknowledged. */
function judge(conflicts: Conflict[], acknowledged: boolean): EditResult | null {
  if (blockingConflicts(conflicts).length > 0) return { ok: false, reason: "blocked", conflicts };
  if (warnings(conflicts).length > 0 && !acknowledged) return { ok: false, reason: "needs-acknowledgement", conflicts };
  return null;
}

/** For the live check while editing: what saving this state would run into. Writes nothing. */
export function previewConflicts(
  sessionId: number | null,
  fields: CheckedFields,
  eventId: number,
): { ok: true; conflicts: Conflict[] } | { ok: false; reason: EditRefusal } {
  const db = getDb();
  const event = edition(eventId);
  const data: DraftData = {
    type: "talk",
    titleEn: "",
    titleZh: "",
    abstractEn: "",
    abstractZh: "",
    trackId: null,
    ...placementTimes(fields, event.timeZone),
    seatLimit: fields.seatLimit,
    speakers: fields.speakers,
    cancelled: fields.cancelled,
  };
  const unknown = unknownReference(db, eventId, data);
  if (unknown) return { ok: false, reason: unknown };
  return { ok: true, conflicts: conflictsOf(db, event, sessionId ?? 0, data) };
}

function writeDraft(tx: Tx, sessionId: number, data: DraftData, revision: number, userId: number) {
  tx.insert(sessionDrafts)
    .values({ sessionId, data, revision, updatedBy: userId, updatedAt: new Date() })
    .onConflictDoUpdate({ target: sessionDrafts.sessionId, set: { data, revision, updatedBy: userId, updatedAt: new Date() } })
    .run();
}

/** A new session: on no public page until the next publication. */
export function createSession(fields: SessionFields, acknowledged: boolean, userId: number, eventId: number): EditResult {
  const event = edition(eventId);
  return getDb().transaction(
    (tx) => {
      const data = fieldsToData(fields, event.timeZone);
      const unknown = unknownReference(tx, eventId, data);
      if (unknown) return { ok: false, reason: unknown };
      const conflicts = conflictsOf(tx, event, 0, data);
      const refused = judge(conflicts, acknowledged);
      if (refused) return refused;
      // Slugs are unique within an edition: a copied edition keeps the earlier one's.
      const taken = new Set(tx.select({ slug: sessions.slug }).from(sessions).where(eq(sessions.eventId, eventId)).all().map((r) => r.slug));
      const row = tx
        .insert(sessions)
        .values({
          eventId: event.id,
          slug: uniqueSlug(data.titleEn, taken, "session"),
          type: data.type,
          status: "draft",
          startsAt: new Date(data.startsAt),
          endsAt: new Date(data.endsAt),
          roomId: data.roomId,
          trackId: data.trackId,
          titleEn: data.titleEn,
          titleZh: data.titleZh,
          abstractEn: data.abstractEn,
          abstractZh: data.abstractZh,
          seatLimit: data.seatLimit,
          version: 1,
        })
        .returning()
        .get();
      if (data.speakers.length > 0) {
        tx.insert(sessionSpeakers)
          .values(data.speakers.map((s, position) => ({ sessionId: row.id, ...s, position })))
          .run();
      }
      // The draft row is what marks the session for the next publication.
      writeDraft(tx, row.id, data, 1, userId);
      recordAudit(tx, { actor: `user:${userId}`, action: "session.create", entity: "session", entityId: row.id, before: null, after: data });
      return { ok: true, session: loadEditorSessions(tx, eventId, row.id)[0]!, conflicts };
    },
    { behavior: "immediate" },
  );
}

/** Changes a session's draft, if nobody else changed it since `revision`. */
function edit(
  event: Event,
  sessionId: number,
  revision: number,
  acknowledged: boolean,
  userId: number,
  action: string,
  change: (current: DraftData) => DraftData,
): EditResult {
  return getDb().transaction(
    (tx) => {
      const [current] = loadEditorSessions(tx, event.id, sessionId);
      if (!current) return { ok: false, reason: "not-found" };
      if (current.revision !== revision) return { ok: false, reason: "stale" };
      const data = change(current.data);
      const unknown = unknownReference(tx, event.id, data);
      if (unknown) return { ok: false, reason: unknown };
      const conflicts = conflictsOf(tx, event, sessionId, data);
      const refused = judge(conflicts, acknowledged);
      if (refused) return refused;
      writeDraft(tx, sessionId, data, revision + 1, userId);
      recordAudit(tx, { actor: `user:${userId}`, action, entity: "session", entityId: sessionId, before: current.data, after: data });
      return { ok: true, session: loadEditorSessions(tx, event.id, sessionId)[0]!, conflicts };
    },
    { behavior: "immediate" },
  );
}

export function updateSession(sessionId: number, revision: number, fields: SessionFields, acknowledged: boolean, userId: number, eventId: number) {
  const event = edition(eventId);
  return edit(event, sessionId, revision, acknowledged, userId, "session.update", () => fieldsToData(fields, event.timeZone));
}

/** A drag, a key press or the placement fields: only room and times change. */
export function moveSession(sessionId: number, revision: number, placement: Placement, acknowledged: boolean, userId: number, eventId: number) {
  const event = edition(eventId);
  return edit(event, sessionId, revision, acknowledged, userId, "session.move", (current) => ({
    ...current,
    ...placementTimes(placement, event.timeZone),
  }));
}

/** Only a session that was never published may go; a published one is cancelled instead. */
export function deleteSession(sessionId: number, revision: number, userId: number, eventId: number): { ok: true } | { ok: false; reason: EditRefusal } {
  return getDb().transaction(
    (tx) => {
      const [current] = loadEditorSessions(tx, eventId, sessionId);
      if (!current) return { ok: false, reason: "not-found" } as const;
      if (current.revision !== revision) return { ok: false, reason: "stale" } as const;
      if (current.status !== "draft") return { ok: false, reason: "published" } as const;
      tx.delete(sessions).where(eq(sessions.id, sessionId)).run();
      recordAudit(tx, { actor: `user:${userId}`, action: "session.delete", entity: "session", entityId: sessionId, before: current.data, after: null });
      return { ok: true } as const;
    },
    { behavior: "immediate" },
  );
}

function scheduleEntries(db: Conn, eventId: number): ScheduleEntry[] {
  const rows = db
    .select({ session: sessions, room: rooms })
    .from(sessions)
    .leftJoin(rooms, eq(rooms.id, sessions.roomId))
    .where(eq(sessions.eventId, eventId))
    .all();
  const people = speakersBySession(db, rows.map((r) => r.session.id));
  return rows.map(({ session: s, room }) => ({
    id: s.id,
    slug: s.slug,
    status: s.status,
    titleEn: s.titleEn,
    titleZh: s.titleZh,
    startsAt: s.startsAt.getTime(),
    endsAt: s.endsAt.getTime(),
    roomId: s.roomId,
    roomEn: room?.nameEn ?? null,
    roomZh: room?.nameZh ?? null,
    details: JSON.stringify([s.type, s.trackId, s.abstractEn, s.abstractZh, s.seatLimit, people.get(s.id) ?? []]),
  }));
}

export type PublishResult =
  | { ok: true; number: number; changes: Change[]; slugs: string[]; notified: NoticeAudience }
  | { ok: false; reason: "nothing" };

/** The status a session takes when its draft is published. */
function publishedStatus(data: DraftData, wasPublic: boolean): SessionStatus {
  // Cancelling a session that never went public keeps it off the public schedule.
  return data.cancelled ? (wasPublic ? "cancelled" : "draft") : "published";
}

/**
 * Makes every draft of one edition its public schedule, in one transaction: the sessions take the
 * drafts' state, the drafts go, and a version numbered within the edition records what changed
 * for the public. Another edition's drafts stay drafts.
 */
export function publishSchedule(userId: number, eventId: number): PublishResult {
  return getDb().transaction(
    (tx) => {
      const drafts = draftsOf(tx, eventId);
      if (drafts.length === 0) return { ok: false, reason: "nothing" } as const;
      const before = scheduleEntries(tx, eventId);
      const statusOf = new Map(before.map((e) => [e.id, e.status]));
      const now = new Date();
      for (const draft of drafts) {
        const data = draftDataSchema.parse(draft.data);
        const status = publishedStatus(data, statusOf.get(draft.sessionId) !== "draft");
        tx.update(sessions)
          .set({
            type: data.type,
            status,
            startsAt: new Date(data.startsAt),
            endsAt: new Date(data.endsAt),
            roomId: data.roomId,
            trackId: data.trackId,
            titleEn: data.titleEn,
            titleZh: data.titleZh,
            abstractEn: data.abstractEn,
            abstractZh: data.abstractZh,
            seatLimit: data.seatLimit,
            version: draft.revision,
            updatedAt: now,
          })
          .where(eq(sessions.id, draft.sessionId))
          .run();
        tx.delete(sessionSpeakers).where(eq(sessionSpeakers.sessionId, draft.sessionId)).run();
        if (data.speakers.length > 0) {
          tx.insert(sessionSpeakers)
            .values(data.speakers.map((s, position) => ({ sessionId: draft.sessionId, ...s, position })))
            .run();
        }
      }
      tx.delete(sessionDrafts).where(inArray(sessionDrafts.sessionId, drafts.map((d) => d.sessionId))).run();
      const changes = diffSchedule(before, scheduleEntries(tx, eventId));
      const number = latestVersion(tx, eventId) + 1;
      const version = tx
        .insert(scheduleVersions)
        .values({ eventId, number, publishedBy: userId, changes, publishedAt: now })
        .returning({ id: scheduleVersions.id })
        .get();
      recordAudit(tx, {
        eventId,
        actor: `user:${userId}`,
        action: "schedule.publish",
        entity: "schedule_version",
        entityId: number,
        before: { drafts: drafts.map((d) => ({ sessionId: d.sessionId, revision: d.revision })) },
        after: { number, changes },
      });
      // Queued with the version it reports, so that a crash loses neither and a retry repeats neither;
      // the emails are written after the commit, by the mail worker.
      const notified = queueChangeNotices(tx, { eventId, versionId: version.id, versionNumber: number, changes, actor: `user:${userId}` });
      const touched = new Set(drafts.map((d) => d.sessionId));
      return { ok: true, number, changes, slugs: before.filter((e) => touched.has(e.id)).map((e) => e.slug), notified } as const;
    },
    { behavior: "immediate" },
  );
}

/** An edition's public change log (the current edition's by default), newest version first. */
export function listScheduleVersions(eventId: number = getEvent().id) {
  return getDb()
    .select({ number: scheduleVersions.number, publishedAt: scheduleVersions.publishedAt, changes: scheduleVersions.changes })
    .from(scheduleVersions)
    .where(eq(scheduleVersions.eventId, eventId))
    .orderBy(desc(scheduleVersions.number))
    .all()
    .map((v) => ({ number: v.number, publishedAt: v.publishedAt.getTime(), changes: v.changes as Change[] }));
}

function draftsOf(db: Conn, eventId: number) {
  return db
    .select({ sessionId: sessionDrafts.sessionId, data: sessionDrafts.data, revision: sessionDrafts.revision })
    .from(sessionDrafts)
    .innerJoin(sessions, eq(sessions.id, sessionDrafts.sessionId))
    .where(eq(sessions.eventId, eventId))
    .all();
}

/**
 * What publishing now would change, and whom it would notify, without writing anything: the
 * drafts applied in memory to the public schedule, as publishSchedule applies them.
 */
export function publishPreview(eventId: number): { changes: Change[]; notified: NoticeAudience } {
  const db = getDb();
  const before = scheduleEntries(db, eventId);
  const drafts = new Map(draftsOf(db, eventId).map((d) => [d.sessionId, draftDataSchema.parse(d.data)]));
  const roomNames = new Map(db.select().from(rooms).where(eq(rooms.eventId, eventId)).all().map((r) => [r.id, r]));
  const after = before.map((entry): ScheduleEntry => {
    const data = drafts.get(entry.id);
    if (!data) return entry;
    const room = data.roomId === null ? undefined : roomNames.get(data.roomId);
    return {
      ...entry,
      status: publishedStatus(data, entry.status !== "draft"),
      titleEn: data.titleEn,
      titleZh: data.titleZh,
      startsAt: data.startsAt,
      endsAt: data.endsAt,
      roomId: data.roomId,
      roomEn: room?.nameEn ?? null,
      roomZh: room?.nameZh ?? null,
      details: JSON.stringify([data.type, data.trackId, data.abstractEn, data.abstractZh, data.seatLimit, data.speakers]),
    };
  });
  const changes = diffSchedule(before, after);
  return { changes, notified: noticeAudience(db, eventId, changes) };
}

export function pendingDraftCount(eventId: number): number {
  return draftsOf(getDb(), eventId).length;
}
