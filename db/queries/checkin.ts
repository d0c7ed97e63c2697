import "server-only";
import { and, asc, count, eq, getTableColumns, like, or, sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { checkIns, registrations, users } from "../schema";
import { type CheckInMethod } from "../../lib/checkin/methods";
import { type AttendeeCategory } from "../../lib/registration/categories";
import { recordAudit } from "./audit";
import { likePattern } from "../../lib/checkin/input";
import { canUndo, decideCheckin, type CheckinOutcome } from "../../lib/checkin/rules";

export type CheckinPerson = {
  code: string;
  fullName: string;
  altName: string | null;
  organisation: string;
  category: AttendeeCategory;
};

export type CheckinResult = {
  outcome: CheckinOutcome;
  person?: CheckinPerson;
  /** The check-in this answer is about: the new one, or the one made earlier. */
  checkIn?: { id: number; at: string; by: string | null };
};

const person = (r: typeof registrations.$inferSelect): CheckinPerson => ({
  code: r.code,
  fullName: r.fullName,
  altName: r.altName,
  organisation: r.organisation,
  category: r.category,
});

// Prepared once per connection: at the door's pace, preparing each statement anew cost more than
// running it.
const preparedFor = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    // A code of another edition is no one's at this edition's door.
    registration: db
      .select()
      .from(registrations)
      .where(and(eq(registrations.code, sql.placeholder("code")), eq(registrations.eventId, sql.placeholder("eventId"))))
      .prepare(),
    existing: db
      .select({ id: checkIns.id, at: checkIns.checkedInAt, byName: users.name, byEmail: users.email })
      .from(checkIns)
      .leftJoin(users, eq(users.id, checkIns.checkedInBy))
      .where(and(eq(checkIns.registrationId, sql.placeholder("registrationId")), eq(checkIns.day, sql.placeholder("day"))))
      .prepare(),
    insert: db
      .insert(checkIns)
      .values({
        registrationId: sql.placeholder("registrationId"),
        day: sql.placeholder("day"),
        method: sql.placeholder("method"),
        checkedInBy: sql.placeholder("checkedInBy"),
        checkedInAt: sql.placeholder("checkedInAt"),
      })
      .onConflictDoNothing()
      .returning({ id: checkIns.id, at: checkIns.checkedInAt })
      .prepare(),
  };
}

function statements() {
  const db = getDb();
  let prepared = preparedFor.get(db);
  if (!prepared) preparedFor.set(db, (prepared = prepare(db)));
  return prepared;
}

function existingCheckIn(registrationId: number, day: string) {
  return statements().existing.get({ registrationId, day });
}

/**
 * Checks the holder of a registration code in for a day of the edition (`eventId`, the console's):
 * a code of another edition is unknown here. Two staff scanning one ticket at once
 * both reach the insert; the UNIQUE(registration, day) index lets one row in and the other's
 * ON CONFLICT DO NOTHING returns nothing, so the second is told "already checked in".
 */
export function checkIn(input: { code: string; day: string; method: CheckInMethod; userId: number; eventId: number }): CheckinResult {
  const db = getDb();
  return db.transaction(
    () => {
      // The prepared statements run on the transaction's connection: there is only one.
      const reg = statements().registration.get({ code: input.code, eventId: input.eventId });
      const earlier = reg ? existingCheckIn(reg.id, input.day) : undefined;
      const candidate = reg ? { status: reg.status, days: reg.days, erased: reg.erasedAt !== null } : null;
      const outcome = decideCheckin(candidate, input.day, Boolean(earlier));
      if (!reg || outcome === "unknown") return { outcome: "unknown" };
      const answer = (o: CheckinOutcome, row?: { id: number; at: Date; byName: string | null; byEmail: string | null }) => ({
        outcome: o,
        person: person(reg),
        checkIn: row ? { id: row.id, at: row.at.toISOString(), by: row.byName || row.byEmail } : undefined,
      });
      if (outcome !== "checkedIn") return answer(outcome, earlier);
      const inserted = statements().insert.get({
        registrationId: reg.id,
        day: input.day,
        method: input.method,
        checkedInBy: input.userId,
        checkedInAt: new Date(),
      });
      if (!inserted) return answer("alreadyCheckedIn", existingCheckIn(reg.id, input.day));
      return answer("checkedIn", { ...inserted, byName: null, byEmail: null });
    },
    { behavior: "immediate" },
  );
}

export type UndoResult = "undone" | "gone" | "expired";

/**
 * Takes a check-in of the edition back within the minute after it (a wrong ticket, a wrong day),
 * with an audit row. A check-in of another edition is not found here.
 */
export function undoCheckIn(id: number, actor: string, eventId: number, now = new Date()): UndoResult {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const row = tx
        .select(getTableColumns(checkIns))
        .from(checkIns)
        .innerJoin(registrations, eq(registrations.id, checkIns.registrationId))
        .where(and(eq(checkIns.id, id), eq(registrations.eventId, eventId)))
        .get();
      if (!row) return "gone";
      if (!canUndo(row.checkedInAt, now)) return "expired";
      tx.delete(checkIns).where(eq(checkIns.id, id)).run();
      recordAudit(tx, {
        actor,
        action: "checkin.undo",
        entity: "registration",
        entityId: row.registrationId,
        before: { day: row.day, method: row.method, checkedInBy: row.checkedInBy, checkedInAt: row.checkedInAt.toISOString() },
      });
      return "undone";
    },
    { behavior: "immediate" },
  );
}

export type NameMatch = CheckinPerson & { status: "confirmed" | "waiting" | "cancelled" | "pending"; checkedIn: boolean };

/** People of the edition whose name (in either script) contains the query, for a tap-to-check-in list. */
export function searchByName(query: string, day: string, eventId: number, limit = 10): NameMatch[] {
  const pattern = likePattern(query);
  return getDb()
    .select({
      code: registrations.code,
      fullName: registrations.fullName,
      altName: registrations.altName,
      organisation: registrations.organisation,
      category: registrations.category,
      status: registrations.status,
      checkInId: checkIns.id,
    })
    .from(registrations)
    .leftJoin(checkIns, and(eq(checkIns.registrationId, registrations.id), eq(checkIns.day, day)))
    .where(
      and(
        eq(registrations.eventId, eventId),
        sql`${registrations.erasedAt} is null`,
        or(
          like(registrations.fullName, pattern).append(sql` escape '\\'`),
          like(registrations.altName, pattern).append(sql` escape '\\'`),
        ),
      ),
    )
    .orderBy(asc(registrations.fullName), asc(registrations.id))
    .limit(limit)
    .all()
    .map(({ checkInId, ...rest }) => ({ ...rest, checkedIn: checkInId !== null }));
}

/** Checked in for the day, against the edition's confirmed registrations that chose that day. */
export function dayCounts(day: string, eventId: number): { checkedIn: number; expected: number } {
  const db = getDb();
  const checkedIn =
    db
      .select({ n: count() })
      .from(checkIns)
      .innerJoin(registrations, eq(registrations.id, checkIns.registrationId))
      .where(and(eq(registrations.eventId, eventId), eq(checkIns.day, day)))
      .get()?.n ?? 0;
  const expected =
    db
      .select({ n: count() })
      .from(registrations)
      // days is a JSON array of ISO dates: the quoted date cannot match anything else.
      .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed"), like(registrations.days, `%"${day}"%`)))
      .get()?.n ?? 0;
  return { checkedIn, expected };
}
