import "server-only";
import { and, eq, max } from "drizzle-orm";
import type { RoomFields, TrackFields } from "../../lib/agenda-editor/venue";
import { uniqueSlug } from "../../lib/slug";
import { getDb } from "../client";
import { rooms, tracks } from "../schema";
import { recordAudit } from "./audit";

/**
 * Rooms and tracks change at once, not through drafts: they name places, not the schedule. Each
 * belongs to one edition; the console changes only the rooms and tracks of the edition it works on.
 */

export function createRoom(fields: RoomFields, userId: number, eventId: number) {
  return getDb().transaction(
    (tx) => {
      const taken = new Set(tx.select({ slug: rooms.slug }).from(rooms).where(eq(rooms.eventId, eventId)).all().map((r) => r.slug));
      const position = (tx.select({ p: max(rooms.position) }).from(rooms).where(eq(rooms.eventId, eventId)).get()?.p ?? 0) + 1;
      const row = tx
        .insert(rooms)
        .values({ eventId, slug: uniqueSlug(fields.nameEn, taken, "room"), ...fields, position })
        .returning()
        .get();
      recordAudit(tx, { actor: `user:${userId}`, action: "room.create", entity: "room", entityId: row.id, before: null, after: row });
      return row;
    },
    { behavior: "immediate" },
  );
}

export function updateRoom(id: number, fields: RoomFields, userId: number, eventId: number) {
  return getDb().transaction(
    (tx) => {
      const before = tx.select().from(rooms).where(and(eq(rooms.id, id), eq(rooms.eventId, eventId))).get();
      if (!before) return null;
      const after = tx.update(rooms).set(fields).where(eq(rooms.id, id)).returning().get();
      recordAudit(tx, { actor: `user:${userId}`, action: "room.update", entity: "room", entityId: id, before, after });
      return after;
    },
    { behavior: "immediate" },
  );
}

export function createTrack(fields: TrackFields, userId: number, eventId: number) {
  return getDb().transaction(
    (tx) => {
      const taken = new Set(tx.select({ slug: tracks.slug }).from(tracks).where(eq(tracks.eventId, eventId)).all().map((r) => r.slug));
      const position = (tx.select({ p: max(tracks.position) }).from(tracks).where(eq(tracks.eventId, eventId)).get()?.p ?? 0) + 1;
      const row = tx
        .insert(tracks)
        .values({ eventId, slug: uniqueSlug(fields.nameEn, taken, "track"), ...fields, position })
        .returning()
        .get();
      recordAudit(tx, { actor: `user:${userId}`, action: "track.create", entity: "track", entityId: row.id, before: null, after: row });
      return row;
    },
    { behavior: "immediate" },
  );
}

export function updateTrack(id: number, fields: TrackFields, userId: number, eventId: number) {
  return getDb().transaction(
    (tx) => {
      const before = tx.select().from(tracks).where(and(eq(tracks.id, id), eq(tracks.eventId, eventId))).get();
      if (!before) return null;
      const after = tx.update(tracks).set(fields).where(eq(tracks.id, id)).returning().get();
      recordAudit(tx, { actor: `user:${userId}`, action: "track.update", entity: "track", entityId: id, before, after });
      return after;
    },
    { behavior: "immediate" },
  );
}
