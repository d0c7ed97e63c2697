import "server-only";
import { eq, max } from "drizzle-orm";
import type { RoomFields, TrackFields } from "../../lib/agenda-editor/venue";
import { uniqueSlug } from "../../lib/slug";
import { getDb } from "../client";
import { rooms, tracks } from "../schema";
import { recordAudit } from "./audit";
import { getEvent } from "./event";

/** Rooms and tracks change at once, not through drafts: they name places, not the schedule. */

export function createRoom(fields: RoomFields, userId: number) {
  return getDb().transaction(
    (tx) => {
      const taken = new Set(tx.select({ slug: rooms.slug }).from(rooms).all().map((r) => r.slug));
      const position = (tx.select({ p: max(rooms.position) }).from(rooms).get()?.p ?? 0) + 1;
      const row = tx
        .insert(rooms)
        .values({ eventId: getEvent().id, slug: uniqueSlug(fields.nameEn, taken, "room"), ...fields, position })
        .returning()
        .get();
      recordAudit(tx, { actor: `user:${userId}`, action: "room.create", entity: "room", entityId: row.id, before: null, after: row });
      return row;
    },
    { behavior: "immediate" },
  );
}

export function updateRoom(id: number, fields: RoomFields, userId: number) {
  return getDb().transaction(
    (tx) => {
      const before = tx.select().from(rooms).where(eq(rooms.id, id)).get();
      if (!before) return null;
      const after = tx.update(rooms).set(fields).where(eq(rooms.id, id)).returning().get();
      recordAudit(tx, { actor: `user:${userId}`, action: "room.update", entity: "room", entityId: id, before, after });
      return after;
    },
    { behavior: "immediate" },
  );
}

export function createTrack(fields: TrackFields, userId: number) {
  return getDb().transaction(
    (tx) => {
      const taken = new Set(tx.select({ slug: tracks.slug }).from(tracks).all().map((r) => r.slug));
      const position = (tx.select({ p: max(tracks.position) }).from(tracks).get()?.p ?? 0) + 1;
      const row = tx
        .insert(tracks)
        .values({ eventId: getEvent().id, slug: uniqueSlug(fields.nameEn, taken, "track"), ...fields, position })
        .returning()
        .get();
      recordAudit(tx, { actor: `user:${userId}`, action: "track.create", entity: "track", entityId: row.id, before: null, after: row });
      return row;
    },
    { behavior: "immediate" },
  );
}

export function updateTrack(id: number, fields: TrackFields, userId: number) {
  return getDb().transaction(
    (tx) => {
      const before = tx.select().from(tracks).where(eq(tracks.id, id)).get();
      if (!before) return null;
      const after = tx.update(tracks).set(fields).where(eq(tracks.id, id)).returning().get();
      recordAudit(tx, { actor: `user:${userId}`, action: "track.update", entity: "track", entityId: id, before, after });
      return after;
    },
    { behavior: "immediate" },
  );
}
