import "server-only";
import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import { shiftSession } from "../../lib/editions/copy";
import { localInstant, type EditionInput } from "../../lib/editions/edition-input";
import { daysOf } from "../../lib/edition";
import { zonedDate } from "../../lib/time";
import { getDb, type Tx } from "../client";
import {
  events,
  invitations,
  keyFigures,
  quotes,
  registrations,
  rooms,
  scheduleVersions,
  sessionDrafts,
  sessions,
  sessionSpeakers,
  speakers,
  tracks,
  type Event,
} from "../schema";
import { publishedData } from "./agenda-editor";
import { deleteAnnouncementsOf } from "./announcements";
import { detachAuditFromEdition, recordAudit } from "./audit";

export type CreateEditionResult =
  | { ok: true; edition: Event; copied: { rooms: number; tracks: number; sessions: number; skipped: number } }
  | { ok: false; errors: Record<string, string> };

/**
 * A new edition, and what it copies from an earlier one, in one transaction: its rooms and tracks,
 * and its sessions as drafts that were never published (moved to the new dates, at the same time
 * on the new zone's clocks, with their speakers). Nothing of it is public until an organizer
 * publishes the new edition's schedule.
 */
export function createEdition(input: EditionInput, userId: number): CreateEditionResult {
  const actor = `user:${userId}`;
  return getDb().transaction(
    (tx) => {
      const errors: Record<string, string> = {};
      if (tx.select({ id: events.id }).from(events).where(eq(events.slug, input.slug)).get()) errors.slug = "slugTaken";
      if (tx.select({ id: events.id }).from(events).where(eq(events.path, input.path)).get()) errors.path = "pathTaken";
      const source =
        input.copyFrom === null ? undefined : tx.select().from(events).where(eq(events.id, input.copyFrom)).get();
      if (input.copyFrom !== null && !source) errors.copyFrom = "unknownEdition";
      if (Object.keys(errors).length > 0) return { ok: false, errors } as const;

      const anyCurrent = tx.select({ id: events.id }).from(events).where(eq(events.isCurrent, true)).get();
      const edition = tx
        .insert(events)
        .values({
          slug: input.slug,
          path: input.path,
          // The first edition of an empty database is the current one; later ones are marked by hand.
          isCurrent: !anyCurrent,
          nameEn: input.nameEn,
          nameZh: input.nameZh,
          venueEn: input.venueEn,
          venueZh: input.venueZh,
          introEn: input.introEn,
          introZh: input.introZh,
          timeZone: input.timeZone,
          startDate: input.startDate,
          endDate: input.endDate,
          capacity: input.capacity,
          registrationOpensAt: localInstant(input.opensAt, input.timeZone),
          registrationClosesAt: localInstant(input.closesAt, input.timeZone),
          registrationMode: input.mode,
        })
        .returning()
        .get();
      const copied = source ? copyProgram(tx, source, edition, userId) : { rooms: 0, tracks: 0, sessions: 0, skipped: 0 };
      recordAudit(tx, {
        actor,
        action: "edition.create",
        entity: "event",
        entityId: edition.id,
        before: null,
        after: { ...edition, copiedFrom: source?.id ?? null, copied },
      });
      return { ok: true, edition, copied } as const;
    },
    { behavior: "immediate" },
  );
}

function copyProgram(tx: Tx, source: Event, target: Event, userId: number) {
  const actor = `user:${userId}`;
  const roomIds = new Map<number, number>();
  for (const room of tx.select().from(rooms).where(eq(rooms.eventId, source.id)).orderBy(asc(rooms.position), asc(rooms.id)).all()) {
    const { id, ...fields } = room;
    const row = tx.insert(rooms).values({ ...fields, eventId: target.id }).returning().get();
    roomIds.set(id, row.id);
    recordAudit(tx, { actor, action: "room.create", entity: "room", entityId: row.id, before: null, after: { ...row, copiedFrom: id } });
  }
  const trackIds = new Map<number, number>();
  for (const track of tx.select().from(tracks).where(eq(tracks.eventId, source.id)).orderBy(asc(tracks.position), asc(tracks.id)).all()) {
    const { id, ...fields } = track;
    const row = tx.insert(tracks).values({ ...fields, eventId: target.id }).returning().get();
    trackIds.set(id, row.id);
    recordAudit(tx, { actor, action: "track.create", entity: "track", entityId: row.id, before: null, after: { ...row, copiedFrom: id } });
  }

  // What was public, not what organizers were still drafting; a cancelled session is not carried on.
  const program = tx
    .select()
    .from(sessions)
    .where(and(eq(sessions.eventId, source.id), ne(sessions.status, "cancelled")))
    .orderBy(asc(sessions.startsAt), asc(sessions.id))
    .all();
  const ids = program.map((s) => s.id);
  // A real person named in a source is never on a session: they are not copied onto one either.
  const people =
    ids.length === 0
      ? []
      : tx
          .select({ sessionId: sessionSpeakers.sessionId, speakerId: sessionSpeakers.speakerId, role: sessionSpeakers.role })
          .from(sessionSpeakers)
          .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
          .where(and(inArray(sessionSpeakers.sessionId, ids), isNull(speakers.sourceId)))
          .orderBy(asc(sessionSpeakers.sessionId), asc(sessionSpeakers.position))
          .all();
  const days = new Set<string>(daysOf(target));
  let copied = 0;
  let skipped = 0;
  for (const s of program) {
    const times = shiftSession({ startsAt: s.startsAt.getTime(), endsAt: s.endsAt.getTime() }, source, target);
    // A day the new edition does not have (it is shorter) has no place for its sessions.
    if (!days.has(zonedDate(times.startsAt, target.timeZone))) {
      skipped += 1;
      continue;
    }
    const row = tx
      .insert(sessions)
      .values({
        eventId: target.id,
        slug: s.slug,
        type: s.type,
        status: "draft",
        startsAt: new Date(times.startsAt),
        endsAt: new Date(times.endsAt),
        roomId: s.roomId === null ? null : (roomIds.get(s.roomId) ?? null),
        trackId: s.trackId === null ? null : (trackIds.get(s.trackId) ?? null),
        titleEn: s.titleEn,
        titleZh: s.titleZh,
        abstractEn: s.abstractEn,
        abstractZh: s.abstractZh,
        seatLimit: s.seatLimit,
        version: 1,
      })
      .returning()
      .get();
    const mine = people.filter((p) => p.sessionId === s.id).map(({ speakerId, role }) => ({ speakerId, role }));
    if (mine.length > 0) {
      tx.insert(sessionSpeakers)
        .values(mine.map((p, position) => ({ sessionId: row.id, ...p, position })))
        .run();
    }
    // The new row holds the moved times and is never cancelled: its draft is its own state.
    const data = publishedData(row, mine);
    // The draft row is what the agenda editor publishes, as for a session created by hand.
    tx.insert(sessionDrafts).values({ sessionId: row.id, data, revision: 1, updatedBy: userId, updatedAt: new Date() }).run();
    recordAudit(tx, { actor, action: "session.copy", entity: "session", entityId: row.id, before: null, after: { ...data, copiedFrom: s.id } });
    copied += 1;
  }
  return { rooms: roomIds.size, tracks: trackIds.size, sessions: copied, skipped };
}

/** Makes an edition the current one: the unprefixed addresses, feeds and forms show it. */
export function setCurrentEdition(
  id: number,
  userId: number,
): { ok: true; edition: Event } | { ok: false; reason: "unknownEdition" | "archived" } {
  return getDb().transaction(
    (tx) => {
      const edition = tx.select().from(events).where(eq(events.id, id)).get();
      if (!edition) return { ok: false, reason: "unknownEdition" } as const;
      // An archived edition is closed for good: it is reopened first, on purpose.
      if (edition.archivedAt) return { ok: false, reason: "archived" } as const;
      const before = tx.select({ id: events.id }).from(events).where(eq(events.isCurrent, true)).get();
      if (before?.id === id) return { ok: true, edition } as const;
      // Off first: the partial unique index allows one current row at any moment.
      tx.update(events).set({ isCurrent: false, updatedAt: new Date() }).where(eq(events.isCurrent, true)).run();
      const after = tx.update(events).set({ isCurrent: true, updatedAt: new Date() }).where(eq(events.id, id)).returning().get();
      recordAudit(tx, {
        actor: `user:${userId}`,
        action: "edition.current",
        entity: "event",
        entityId: id,
        before: { current: before?.id ?? null },
        after: { current: id },
      });
      return { ok: true, edition: after } as const;
    },
    { behavior: "immediate" },
  );
}

export type ArchiveResult = { ok: true; edition: Event } | { ok: false; reason: "unknownEdition" | "current" };

/**
 * Archives an edition (its console pages become read-only, it can never be made current) or
 * reopens it. The current edition is not archived: visitors would be left without one.
 */
export function setEditionArchived(id: number, archived: boolean, userId: number): ArchiveResult {
  return getDb().transaction(
    (tx) => {
      const edition = tx.select().from(events).where(eq(events.id, id)).get();
      if (!edition) return { ok: false, reason: "unknownEdition" } as const;
      if (archived && edition.isCurrent) return { ok: false, reason: "current" } as const;
      if (Boolean(edition.archivedAt) === archived) return { ok: true, edition } as const;
      const after = tx
        .update(events)
        .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
        .where(eq(events.id, id))
        .returning()
        .get();
      recordAudit(tx, {
        actor: `user:${userId}`,
        action: archived ? "edition.archive" : "edition.reopen",
        entity: "event",
        entityId: id,
        before: { archivedAt: edition.archivedAt },
        after: { archivedAt: after.archivedAt },
      });
      return { ok: true, edition: after } as const;
    },
    { behavior: "immediate" },
  );
}

export type DeleteEditionResult =
  | { ok: true }
  | { ok: false; reason: "unknownEdition" | "current" }
  | { ok: false; reason: "registrations" | "quotes"; count: number };

/**
 * Deletes an edition made by mistake, with its program (rooms, tracks, sessions and their drafts,
 * published versions, key figures, unused invitations). Refused for the current edition, for one
 * anybody registered for (their registrations are theirs: archive it instead), and for one with
 * quotes (cited words are not thrown away with a program). The audit rows about it stay, no longer
 * tied to an edition that does not exist, and one more records what was deleted.
 */
export function deleteEdition(id: number, userId: number): DeleteEditionResult {
  return getDb().transaction(
    (tx) => {
      const edition = tx.select().from(events).where(eq(events.id, id)).get();
      if (!edition) return { ok: false, reason: "unknownEdition" } as const;
      if (edition.isCurrent) return { ok: false, reason: "current" } as const;
      const registered = tx.select({ id: registrations.id }).from(registrations).where(eq(registrations.eventId, id)).all().length;
      if (registered > 0) return { ok: false, reason: "registrations", count: registered } as const;
      const quoted = tx.select({ id: quotes.id }).from(quotes).where(eq(quotes.eventId, id)).all().length;
      if (quoted > 0) return { ok: false, reason: "quotes", count: quoted } as const;

      const sessionIds = tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.eventId, id)).all().map((r) => r.id);
      // Drafts, speakers and stars of these sessions go with them (their foreign keys cascade).
      if (sessionIds.length > 0) tx.delete(sessions).where(inArray(sessions.id, sessionIds)).run();
      tx.delete(rooms).where(eq(rooms.eventId, id)).run();
      tx.delete(tracks).where(eq(tracks.eventId, id)).run();
      tx.delete(keyFigures).where(eq(keyFigures.eventId, id)).run();
      tx.delete(scheduleVersions).where(eq(scheduleVersions.eventId, id)).run();
      tx.delete(invitations).where(eq(invitations.eventId, id)).run();
      deleteAnnouncementsOf(tx, id);
      detachAuditFromEdition(tx, id);
      tx.delete(events).where(eq(events.id, id)).run();
      recordAudit(tx, {
        actor: `user:${userId}`,
        action: "edition.delete",
        entity: "event",
        entityId: id,
        before: { ...edition, sessions: sessionIds.length },
        after: null,
      });
      return { ok: true } as const;
    },
    { behavior: "immediate" },
  );
}
