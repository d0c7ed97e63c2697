import "server-only";
import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { checkIns, registrations } from "../schema";
import type { BadgeFilters } from "../../lib/badges/filters";
import { likePattern } from "../../lib/checkin/input";

const r = registrations;

// The same conditions as the attendee list (db/queries/attendees.ts), so that a filter there
// prints the people shown there.
function whereOf(f: BadgeFilters): SQL | undefined {
  const conditions: SQL[] = [sql`${r.erasedAt} is null`];
  if (f.q) {
    const like = likePattern(f.q);
    conditions.push(
      sql`(${r.fullName} like ${like} escape '\\' or ${r.email} like ${like} escape '\\' or ${r.organisation} like ${like} escape '\\' or ${r.code} like ${like} escape '\\' or ifnull(${r.altName}, '') like ${like} escape '\\')`,
    );
  }
  if (f.status === "checked-in") {
    conditions.push(
      f.day
        ? sql`exists (select 1 from ${checkIns} where ${checkIns.registrationId} = ${r.id} and ${checkIns.day} = ${f.day})`
        : sql`exists (select 1 from ${checkIns} where ${checkIns.registrationId} = ${r.id})`,
    );
  } else conditions.push(eq(r.status, f.status));
  if (f.category) conditions.push(eq(r.category, f.category));
  if (f.day) conditions.push(sql`instr(${r.days}, ${`"${f.day}"`}) > 0`);
  return and(...conditions);
}

export function countBadges(f: BadgeFilters): number {
  return getDb().select({ n: count() }).from(r).where(whereOf(f)).get()?.n ?? 0;
}

/** The people to print, by name, for a stack of badges that is easy to hand out. */
export function listBadges(f: BadgeFilters) {
  return getDb()
    .select({ code: r.code, fullName: r.fullName, altName: r.altName, organisation: r.organisation, category: r.category })
    .from(r)
    .where(whereOf(f))
    .orderBy(asc(r.fullName), asc(r.id))
    .all();
}
