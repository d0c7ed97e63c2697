import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { deriveToken, newLink, tokenHash } from "../../lib/registration/secret-links";
import type { BookingMark, MeData } from "../../lib/personal-agenda/stars";
import { getDb, type Db, type Tx } from "../client";
import { registrations, sessionBookings, sessions, stars, type Registration } from "../schema";
import { type SessionStatus } from "../../lib/sessions/kinds";
import { secret } from "../secrets";
import { recordAudit } from "./audit";

/** Only what the public may see can be starred: published sessions, and cancelled ones. */
const STARRABLE: SessionStatus[] = ["published", "cancelled"];

export type StarsResult = { ok: true; stars: string[] } | { ok: false; unknown: string[] };

/** A registration's stars as slugs, in agenda order; a session taken back to draft drops out. */
export function listStars(registrationId: number, db: Db | Tx = getDb()): string[] {
  return db
    .select({ slug: sessions.slug })
    .from(stars)
    .innerJoin(sessions, eq(sessions.id, stars.sessionId))
    .where(and(eq(stars.registrationId, registrationId), inArray(sessions.status, STARRABLE)))
    .orderBy(asc(sessions.startsAt), asc(sessions.id))
    .all()
    .map((r) => r.slug);
}

/** Stars and the seat-limited sessions booked or waited for: the personal agenda's data. */
export function personalAgenda(registrationId: number): MeData {
  const bookings: BookingMark[] = getDb()
    .select({ slug: sessions.slug, status: sessionBookings.status })
    .from(sessionBookings)
    .innerJoin(sessions, eq(sessions.id, sessionBookings.sessionId))
    .where(and(eq(sessionBookings.registrationId, registrationId), inArray(sessionBookings.status, ["booked", "waiting"])))
    .orderBy(asc(sessions.startsAt))
    .all()
    .flatMap((b) => (b.status === "cancelled" ? [] : [{ slug: b.slug, status: b.status }]));
  return { stars: listStars(registrationId), bookings };
}

/** The edition's sessions that can be starred, as slugs: what a ticket of that edition knows. */
export function starrableSlugs(eventId: number): string[] {
  return getDb()
    .select({ slug: sessions.slug })
    .from(sessions)
    .where(and(eq(sessions.eventId, eventId), inArray(sessions.status, STARRABLE)))
    .all()
    .map((r) => r.slug);
}

// Slugs are unique within an edition only: a slug names a session of the registration's edition,
// and the same slug in another edition is another session.
const ofRegistrationsEdition = (registrationId: number) =>
  eq(sessions.eventId, sql`(select event_id from registrations where id = ${registrationId})`);

function starrableIds(tx: Tx, registrationId: number, slugs: readonly string[]): { ids: number[]; unknown: string[] } {
  if (slugs.length === 0) return { ids: [], unknown: [] };
  const rows = tx
    .select({ id: sessions.id, slug: sessions.slug })
    .from(sessions)
    .where(and(ofRegistrationsEdition(registrationId), inArray(sessions.slug, [...slugs]), inArray(sessions.status, STARRABLE)))
    .all();
  const found = new Map(rows.map((r) => [r.slug, r.id]));
  return { ids: [...found.values()], unknown: slugs.filter((s) => !found.has(s)) };
}

/** Adds stars (those already there stay as they are); nothing is added if any slug is unknown. */
export function addStars(registrationId: number, slugs: readonly string[]): StarsResult {
  return getDb().transaction(
    (tx) => {
      const { ids, unknown } = starrableIds(tx, registrationId, slugs);
      if (unknown.length > 0) return { ok: false, unknown } as const;
      if (ids.length > 0) {
        tx.insert(stars)
          .values(ids.map((sessionId) => ({ registrationId, sessionId })))
          .onConflictDoNothing()
          .run();
      }
      return { ok: true, stars: listStars(registrationId, tx) } as const;
    },
    { behavior: "immediate" },
  );
}

export function removeStar(registrationId: number, slug: string): StarsResult {
  return getDb().transaction(
    (tx) => {
      const { ids, unknown } = starrableIds(tx, registrationId, [slug]);
      if (unknown.length > 0) return { ok: false, unknown } as const;
      tx.delete(stars)
        .where(and(eq(stars.registrationId, registrationId), inArray(stars.sessionId, ids)))
        .run();
      return { ok: true, stars: listStars(registrationId, tx) } as const;
    },
    { behavior: "immediate" },
  );
}

export type CalendarTokenResult = { ok: true; calendarToken: string; replaced: boolean } | { ok: false };

/**
 * Gives the registration a new calendar feed secret: the first, or one that replaces the old, whose
 * address stops working at once. Not for a cancelled or erased registration. The audit row says
 * that it happened, never the secret.
 */
export function rotateCalendarToken(registrationId: number, actor: string): CalendarTokenResult {
  return getDb().transaction(
    (tx) => {
      const reg = tx.select().from(registrations).where(eq(registrations.id, registrationId)).get();
      if (!reg || reg.erasedAt || reg.status === "cancelled") return { ok: false } as const;
      const link = newLink(secret("MANAGE_SECRET"), "calendar");
      tx.update(registrations)
        .set({ calendarTokenHash: link.hash, calendarTokenSeed: link.seed, updatedAt: new Date() })
        .where(eq(registrations.id, registrationId))
        .run();
      const calendarToken = link.token;
      const replaced = reg.calendarTokenHash !== null;
      recordAudit(tx, { actor, action: replaced ? "replace-calendar-feed" : "create-calendar-feed", entity: "registration", entityId: registrationId });
      return { ok: true, calendarToken, replaced } as const;
    },
    { behavior: "immediate" },
  );
}

/**
 * The token of the registration's calendar feed, to show its address again: derived from its seed
 * (only the hash is stored). Null when there is none, or when it was made before tokens were
 * hashed (or before MANAGE_SECRET was replaced): it still works, but only a new one can be shown.
 */
export function currentCalendarToken(reg: Pick<Registration, "calendarTokenHash" | "calendarTokenSeed">): string | null {
  if (!reg.calendarTokenHash || !reg.calendarTokenSeed) return null;
  const token = deriveToken(secret("MANAGE_SECRET"), "calendar", reg.calendarTokenSeed);
  return tokenHash(token) === reg.calendarTokenHash ? token : null;
}
