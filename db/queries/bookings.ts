import "server-only";
import { and, asc, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { checkBooking, type BookingRefusal } from "../../lib/registration/bookings";
import { manageUrl } from "../../lib/registration/urls";
import { zonedDate } from "../../lib/time";
import { getDb, type Db, type Tx } from "../client";
import { registrations, sessionBookings, sessions, type Registration } from "../schema";
import { editionById } from "./event";
import { recordAudit } from "./audit";
import { enqueueEmail } from "./outbox";
import { manageTokenOf } from "./registrations";

const bookedCount = (tx: Tx | Db, sessionId: number) =>
  tx
    .select({ n: count() })
    .from(sessionBookings)
    .where(and(eq(sessionBookings.sessionId, sessionId), eq(sessionBookings.status, "booked")))
    .get()?.n ?? 0;

/** The edition's published sessions with a seat limit, with how full each is. */
export function listBookableSessions(eventId: number) {
  const db = getDb();
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.eventId, eventId), eq(sessions.status, "published"), isNotNull(sessions.seatLimit)))
    .orderBy(asc(sessions.startsAt))
    .all()
    .map((s) => ({ ...s, booked: bookedCount(db, s.id) }));
}

/** How many people wait for each seat-limited session. */
export function waitingCounts(): Map<number, number> {
  const rows = getDb()
    .select({ sessionId: sessionBookings.sessionId, n: count() })
    .from(sessionBookings)
    .where(eq(sessionBookings.status, "waiting"))
    .groupBy(sessionBookings.sessionId)
    .all();
  return new Map(rows.map((r) => [r.sessionId, r.n]));
}

/** A registration's bookings that still hold a seat or a place in a queue, with their position. */
export function bookingsOf(registrationId: number) {
  const db = getDb();
  return db
    .select()
    .from(sessionBookings)
    .where(and(eq(sessionBookings.registrationId, registrationId), inArray(sessionBookings.status, ["booked", "waiting"])))
    .all()
    .map((b) => ({ ...b, position: b.status === "waiting" ? queuePosition(db, b.sessionId, b.id) : null }));
}

function queuePosition(tx: Tx | Db, sessionId: number, bookingId: number): number {
  const ahead =
    tx
      .select({ n: count() })
      .from(sessionBookings)
      .where(
        and(
          eq(sessionBookings.sessionId, sessionId),
          eq(sessionBookings.status, "waiting"),
          sql`${sessionBookings.id} < ${bookingId}`,
        ),
      )
      .get()?.n ?? 0;
  return ahead + 1;
}

export type BookResult =
  | { ok: true; status: "booked" | "waiting"; position: number | null }
  | { ok: false; reason: BookingRefusal | "notFound"; conflictTitle?: { en: string; zh: string } };

/**
 * Books a seat in a seat-limited session of the registration's edition, or a place on its waiting
 * list; never an overlap. A session of another edition is not found.
 */
export function book(registration: Registration, sessionId: number): BookResult {
  const edition = editionById(registration.eventId);
  return getDb().transaction(
    (tx) => {
      const reg = tx.select().from(registrations).where(eq(registrations.id, registration.id)).get();
      const session = tx
        .select()
        .from(sessions)
        .where(and(eq(sessions.id, sessionId), eq(sessions.eventId, registration.eventId)))
        .get();
      if (!reg || !session || !edition) return { ok: false, reason: "notFound" } as const;
      const { timeZone } = edition;
      const held = tx
        .select({ id: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt, titleEn: sessions.titleEn, titleZh: sessions.titleZh })
        .from(sessionBookings)
        .innerJoin(sessions, eq(sessions.id, sessionBookings.sessionId))
        .where(and(eq(sessionBookings.registrationId, reg.id), inArray(sessionBookings.status, ["booked", "waiting"])))
        .all();
      const check = checkBooking({
        registrationStatus: reg.status,
        attendingDays: reg.days,
        sessionDay: zonedDate(session.startsAt, timeZone),
        session,
        held,
        booked: bookedCount(tx, session.id),
      });
      if (!check.ok) {
        const conflict = held.find((h) => h.id === check.conflict?.id);
        return {
          ok: false,
          reason: check.reason,
          conflictTitle: conflict && { en: conflict.titleEn, zh: conflict.titleZh },
        } as const;
      }
      // A booking cancelled earlier goes to the back of the queue, as a new one would.
      tx.delete(sessionBookings)
        .where(and(eq(sessionBookings.registrationId, reg.id), eq(sessionBookings.sessionId, session.id), eq(sessionBookings.status, "cancelled")))
        .run();
      const row = tx
        .insert(sessionBookings)
        .values({ registrationId: reg.id, sessionId: session.id, status: check.status })
        .returning()
        .get();
      recordAudit(tx, { actor: `attendee:${reg.code}`, action: "book", entity: "session_booking", entityId: row.id, after: { sessionId, status: check.status } });
      return { ok: true, status: check.status, position: check.status === "waiting" ? queuePosition(tx, session.id, row.id) : null } as const;
    },
    { behavior: "immediate" },
  );
}

/** Gives up a seat or a place; a freed seat goes to the first person waiting for that session. */
export function unbook(registration: Registration, sessionId: number): boolean {
  return getDb().transaction(
    (tx) => {
      const released = releaseBookings(tx, registration.id, sessionId);
      if (released) {
        recordAudit(tx, { actor: `attendee:${registration.code}`, action: "unbook", entity: "session_booking", before: { sessionId }, after: { status: "cancelled" } });
      }
      return released;
    },
    { behavior: "immediate" },
  );
}

/**
 * Cancels a registration's bookings (one session, or all of them when it is cancelled or erased)
 * and promotes the next in line for each seat freed. Runs inside the caller's transaction.
 */
export function releaseBookings(tx: Tx, registrationId: number, sessionId?: number): boolean {
  const rows = tx
    .select()
    .from(sessionBookings)
    .where(
      and(
        eq(sessionBookings.registrationId, registrationId),
        inArray(sessionBookings.status, ["booked", "waiting"]),
        sessionId === undefined ? undefined : eq(sessionBookings.sessionId, sessionId),
      ),
    )
    .all();
  for (const b of rows) {
    tx.update(sessionBookings).set({ status: "cancelled", updatedAt: new Date() }).where(eq(sessionBookings.id, b.id)).run();
    if (b.status === "booked") promoteSessionQueue(tx, b.sessionId);
  }
  return rows.length > 0;
}

function promoteSessionQueue(tx: Tx, sessionId: number) {
  const session = tx.select().from(sessions).where(eq(sessions.id, sessionId)).get();
  if (!session?.seatLimit) return;
  let free = session.seatLimit - bookedCount(tx, sessionId);
  if (free <= 0) return;
  const queue = tx
    .select({ booking: sessionBookings, registration: registrations })
    .from(sessionBookings)
    .innerJoin(registrations, eq(registrations.id, sessionBookings.registrationId))
    .where(and(eq(sessionBookings.sessionId, sessionId), eq(sessionBookings.status, "waiting")))
    .orderBy(asc(sessionBookings.id))
    .all();
  for (const { booking, registration } of queue) {
    if (free <= 0) break;
    tx.update(sessionBookings).set({ status: "booked", updatedAt: new Date() }).where(eq(sessionBookings.id, booking.id)).run();
    free--;
    if (registration.email) {
      enqueueEmail(tx, {
        registrationId: registration.id,
        eventId: registration.eventId,
        kind: "session-promotion",
        to: registration.email,
        data: {
          locale: registration.locale === "zh-CN" ? "zh-CN" : "en",
          fullName: registration.fullName,
          code: registration.code,
          manageUrl: manageUrl(registration.locale, manageTokenOf(tx, registration)),
          sessionTitle: registration.locale === "zh-CN" ? session.titleZh : session.titleEn,
        },
      });
    }
  }
}
