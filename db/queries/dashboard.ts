import "server-only";
import { and, asc, count, eq, isNotNull, ne, sql } from "drizzle-orm";
import { getDb } from "../client";
import { checkIns, registrations, sessions } from "../schema";
import { attendeeCategories, type AttendeeCategory } from "../../lib/registration/categories";
import { availability, capacity } from "./registrations";
import { getEvent } from "./event";
import { daysBetween, zoneOffsetMinutes } from "../../lib/time";

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

export function dashboard(): Dashboard {
  const db = getDb();
  const event = getEvent();
  const byStatus = new Map(
    db
      .select({ status: registrations.status, n: count() })
      .from(registrations)
      .groupBy(registrations.status)
      .all()
      .map((row) => [row.status, row.n]),
  );
  const overrides =
    db
      .select({ n: count() })
      .from(registrations)
      .where(and(eq(registrations.status, "confirmed"), eq(registrations.capacityOverride, true)))
      .get()?.n ?? 0;

  const held = availability().held;
  const awaitingApproval =
    db
      .select({ n: count() })
      .from(registrations)
      .where(and(eq(registrations.status, "pending"), eq(registrations.pendingFor, "approval")))
      .get()?.n ?? 0;

  // The forum's zone has no daylight saving: a fixed offset turns instants into its calendar days.
  const offsetSeconds = zoneOffsetMinutes(Date.now(), event.timeZone) * 60;
  const date = sql<string>`date(${registrations.createdAt} / 1000 + ${offsetSeconds}, 'unixepoch')`;
  const added = db.select({ date, n: count() }).from(registrations).groupBy(date).orderBy(asc(date)).all();
  let total = 0;
  const perDay = added.map((row) => ({ date: row.date, added: row.n, total: (total += row.n) }));

  const categoryCounts = new Map(
    db
      .select({ category: registrations.category, n: count() })
      .from(registrations)
      .where(ne(registrations.status, "cancelled"))
      .groupBy(registrations.category)
      .all()
      .map((row) => [row.category, row.n]),
  );
  const categories = attendeeCategories.map((category) => ({ category, count: categoryCounts.get(category) ?? 0 }));

  const expected = new Map(
    db
      .all<{ day: string; n: number }>(
        sql`select value as day, count(*) as n from ${registrations}, json_each(${registrations.days})
            where ${registrations.status} = 'confirmed' group by value`,
      )
      .map((row) => [row.day, row.n]),
  );
  const checked = new Map(
    db
      .select({ day: checkIns.day, n: count() })
      .from(checkIns)
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
    .where(and(isNotNull(sessions.seatLimit), ne(sessions.status, "cancelled")))
    .orderBy(asc(sessions.startsAt))
    .all();

  return {
    capacity: capacity(),
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

