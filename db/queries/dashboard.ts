import "server-only";
import { and, asc, count, eq, isNotNull, ne, sql } from "drizzle-orm";
import { getDb } from "../client";
import { checkIns, registrations, sessions } from "../schema";
import { attendeeCategories, type AttendeeCategory } from "../../lib/registration/categories";
import { availability, capacity } from "./registrations";
import type { Event } from "../schema";
import { daysBetween, zonedDate } from "../../lib/time";

const QUARTER_HOUR_MS = 15 * 60_000;

export type Dashboard = {
  capacity: number;
  confirmed: number;
  waiting: number;
  /** Unconfirmed registrations holding a seat, and those waiting for an organizer. */
  held: number;
  awaitingApproval: number;
  cancelled: number;
  overrides: number;
  /** New registrations per calendar day in the forum's zone, with the running total. */
  perDay: { date: string; added: number; total: number }[];
  categories: { category: AttendeeCategory; count: number }[];
  /** Confirmed people expected on each forum day, and how many of them checked in. */
  days: { day: string; expected: number; checkedIn: number }[];
  sessions: { slug: string; titleEn: string; titleZh: string; startsAt: Date; seatLimit: number; booked: number; waiting: number }[];
};

/** The console's figures for one edition (its people, check-ins and sessions only). */
export function dashboard(event: Event): Dashboard {
  const db = getDb();
  const ofEdition = eq(registrations.eventId, event.id);
  const byStatus = new Map(
    db
      .select({ status: registrations.status, n: count() })
      .from(registrations)
      .where(ofEdition)
      .groupBy(registrations.status)
      .all()
      .map((row) => [row.status, row.n]),
  );
  const overrides =
    db
      .select({ n: count() })
      .from(registrations)
      .where(and(ofEdition, eq(registrations.status, "confirmed"), eq(registrations.capacityOverride, true)))
      .get()?.n ?? 0;

  const held = availability(event.id).held;
  const awaitingApproval =
    db
      .select({ n: count() })
      .from(registrations)
      .where(and(ofEdition, eq(registrations.status, "pending"), eq(registrations.pendingFor, "approval")))
      .get()?.n ?? 0;

  // An edition's zone may keep daylight saving, so no one offset turns instants into its days.
  // Every zone's offset is a whole number of quarter hours: counted per quarter hour in SQL, each
  // quarter's start falls on the same day in the zone as every instant within it.
  const quarter = sql<number>`${registrations.createdAt} / ${QUARTER_HOUR_MS}`;
  const quarters = db.select({ quarter, n: count() }).from(registrations).where(ofEdition).groupBy(quarter).orderBy(asc(quarter)).all();
  const perDate = new Map<string, number>();
  for (const row of quarters) {
    const date = zonedDate(row.quarter * QUARTER_HOUR_MS, event.timeZone);
    perDate.set(date, (perDate.get(date) ?? 0) + row.n);
  }
  let total = 0;
  const perDay = [...perDate].map(([date, added]) => ({ date, added, total: (total += added) }));

  const categoryCounts = new Map(
    db
      .select({ category: registrations.category, n: count() })
      .from(registrations)
      .where(and(ofEdition, ne(registrations.status, "cancelled")))
      .groupBy(registrations.category)
      .all()
      .map((row) => [row.category, row.n]),
  );
  const categories = attendeeCategories.map((category) => ({ category, count: categoryCounts.get(category) ?? 0 }));

  const expected = new Map(
    db
      .all<{ day: string; n: number }>(
        sql`select value as day, count(*) as n from ${registrations}, json_each(${registrations.days})
            where ${registrations.eventId} = ${event.id} and ${registrations.status} = 'confirmed' group by value`,
      )
      .map((row) => [row.day, row.n]),
  );
  const checked = new Map(
    db
      .select({ day: checkIns.day, n: count() })
      .from(checkIns)
      .innerJoin(registrations, eq(registrations.id, checkIns.registrationId))
      .where(ofEdition)
      .groupBy(checkIns.day)
      .all()
      .map((row) => [row.day, row.n]),
  );
  const days = daysBetween(event.startDate, event.endDate).map((day) => ({
    day,
    expected: expected.get(day) ?? 0,
    checkedIn: checked.get(day) ?? 0,
  }));

  const seatLimited = db
    .select({
      slug: sessions.slug,
      titleEn: sessions.titleEn,
      titleZh: sessions.titleZh,
      startsAt: sessions.startsAt,
      seatLimit: sql<number>`${sessions.seatLimit}`,
      // Spelled out: drizzle leaves columns unqualified in a select list, and "id" would be the booking's.
      booked: sql<number>`(select count(*) from session_bookings b where b.session_id = "sessions"."id" and b.status = 'booked')`,
      waiting: sql<number>`(select count(*) from session_bookings b where b.session_id = "sessions"."id" and b.status = 'waiting')`,
    })
    .from(sessions)
    .where(and(eq(sessions.eventId, event.id), isNotNull(sessions.seatLimit), ne(sessions.status, "cancelled")))
    .orderBy(asc(sessions.startsAt))
    .all();

  return {
    capacity: capacity(event.id),
    confirmed: byStatus.get("confirmed") ?? 0,
    waiting: byStatus.get("waiting") ?? 0,
    held,
    awaitingApproval,
    cancelled: byStatus.get("cancelled") ?? 0,
    overrides,
    perDay,
    categories,
    days,
    sessions: seatLimited,
  };
}

