import "server-only";
import { and, asc, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { checkIns, registrations, type Registration } from "../schema";
import { type EmailKind } from "../../lib/email/kinds";
import { recordAudit } from "./audit";
import { capacity, detailColumns, expireHolds, insertRegistration, notify, registrationEdition, seatsTaken, waitingPosition } from "./registrations";
import { emailKey } from "../../lib/registration/input";
import type { AttendeeInput } from "../../lib/attendees/input";
import { place, type SeatCount } from "../../lib/registration/seats";
import { likePattern, PAGE_SIZE, type AttendeeFilters, type SortColumn } from "../../lib/attendees/filters";

const r = registrations;

/**
 * The WHERE of the list and its exports, always of one edition (the console's): every value is
 * bound, never spliced.
 */
function whereOf(f: Omit<AttendeeFilters, "sort" | "dir" | "page">, eventId: number): SQL | undefined {
  // An erased person is in no list, export, badge run or search: only the audit trail keeps the row.
  const conditions: SQL[] = [eq(r.eventId, eventId), isNull(r.erasedAt)];
  if (f.q) {
    const like = likePattern(f.q);
    // Codes are typed in any case at the door; names and the rest as LIKE compares them (ASCII case-blind).
    conditions.push(
      sql`(${r.fullName} like ${like} escape '\\' or ${r.email} like ${like} escape '\\' or ${r.organisation} like ${like} escape '\\' or ${r.code} like ${like} escape '\\' or ifnull(${r.altName}, '') like ${like} escape '\\')`,
    );
  }
  const checkedIn = f.day
    ? sql`exists (select 1 from check_ins c where c.registration_id = "registrations"."id" and c.day = ${f.day})`
    : sql`exists (select 1 from check_ins c where c.registration_id = "registrations"."id")`;
  if (f.status === "checked-in") conditions.push(checkedIn);
  else if (f.status) conditions.push(eq(r.status, f.status));
  if (f.category) conditions.push(eq(r.category, f.category));
  // days is a JSON array of dates: the quoted date inside it is unambiguous.
  if (f.day) conditions.push(sql`instr(${r.days}, ${`"${f.day}"`}) > 0`);
  return and(...conditions);
}

const ORDER: Record<SortColumn, SQL> = {
  created: sql`${r.id}`,
  name: sql`${r.fullName}`,
  organisation: sql`${r.organisation}`,
  category: sql`${r.category}`,
  status: sql`${r.status}`,
  code: sql`${r.code}`,
};

function orderOf(f: AttendeeFilters): SQL[] {
  const by = f.dir === "asc" ? asc : desc;
  // The id breaks ties, so that pages never repeat or skip a row.
  return f.sort === "created" ? [by(r.id)] : [by(ORDER[f.sort]), by(r.id)];
}

const listColumns = {
  id: r.id,
  code: r.code,
  status: r.status,
  fullName: r.fullName,
  altName: r.altName,
  email: r.email,
  organisation: r.organisation,
  jobTitle: r.jobTitle,
  phone: r.phone,
  category: r.category,
  days: r.days,
  dietary: r.dietary,
  accessibility: r.accessibility,
  consentNews: r.consentNews,
  capacityOverride: r.capacityOverride,
  createdAt: r.createdAt,
  // Spelled out: in a select list drizzle leaves columns unqualified, and a bare "id" here would
  // be the check-in's own.
  checkedInDays: sql<string | null>`(select group_concat(c.day, ' ') from check_ins c where c.registration_id = "registrations"."id")`,
};

export type AttendeeRow = {
  [K in keyof typeof listColumns]: K extends "checkedInDays" ? string[] : Registration[K & keyof Registration];
};

function toRow(row: Omit<AttendeeRow, "checkedInDays"> & { checkedInDays: string | null }): AttendeeRow {
  return { ...row, checkedInDays: row.checkedInDays ? row.checkedInDays.split(" ").sort() : [] };
}

/** One page of the edition's list and the number of matches. */
export function listAttendees(f: AttendeeFilters, eventId: number): { rows: AttendeeRow[]; total: number } {
  const db = getDb();
  const where = whereOf(f, eventId);
  const total = db.select({ n: count() }).from(r).where(where).get()?.n ?? 0;
  const rows = db
    .select(listColumns)
    .from(r)
    .where(where)
    .orderBy(...orderOf(f))
    .limit(PAGE_SIZE)
    .offset((f.page - 1) * PAGE_SIZE)
    .all();
  return { rows: rows.map(toRow), total };
}

export type BulkExport = { format: "csv" | "xlsx" | "badges"; actor: string; layout?: string };

/**
 * Every match, in the list's order, for the CSV and XLSX exports and the badges: with one audit row
 * saying who took which people out of the console (the filters and the number of rows, never the
 * rows), written in the transaction that reads them.
 */
export function exportAttendees(f: AttendeeFilters, bulk: BulkExport, eventId: number): AttendeeRow[] {
  return getDb().transaction((tx) => {
    const rows = tx.select(listColumns).from(r).where(whereOf(f, eventId)).orderBy(...orderOf(f)).all().map(toRow);
    const { page: _page, ...filters } = f;
    recordAudit(tx, {
      eventId,
      actor: bulk.actor,
      action: `export-${bulk.format}`,
      entity: "registration",
      after: { filters: { ...filters, ...(bulk.layout ? { layout: bulk.layout } : {}) }, rows: rows.length },
    });
    return rows;
  });
}

export type AttendeeDetail = {
  registration: Registration;
  position: number | null;
  checkIns: { day: string; method: string; checkedInAt: Date }[];
};

/** A registration of the edition by its code; another edition's code is not found. */
export function findAttendee(code: string, eventId: number): AttendeeDetail | null {
  const db = getDb();
  const registration = db.select().from(r).where(and(eq(r.code, code.toUpperCase()), eq(r.eventId, eventId))).get();
  if (!registration) return null;
  const days = db
    .select({ day: checkIns.day, method: checkIns.method, checkedInAt: checkIns.checkedInAt })
    .from(checkIns)
    .where(eq(checkIns.registrationId, registration.id))
    .orderBy(asc(checkIns.day))
    .all();
  return { registration, position: waitingPosition(registration), checkIns: days };
}

export type { AttendeeInput };

export type UpdateAttendeeResult =
  | { ok: true; registration: Registration }
  | { ok: false; reason: "notFound" | "cancelled" | "emailTaken" };

/**
 * An organizer's changes to a registration of the console's edition, with the same rules as the
 * attendee's own: the address is unique within the edition.
 */
export function updateAttendee(id: number, input: AttendeeInput, actor: string, eventId: number): UpdateAttendeeResult {
  return getDb().transaction(
    (tx) => {
      const reg = tx.select().from(r).where(and(eq(r.id, id), eq(r.eventId, eventId))).get();
      if (!reg) return { ok: false, reason: "notFound" } as const;
      if (reg.status === "cancelled") return { ok: false, reason: "cancelled" } as const;
      const key = emailKey(input.email);
      if (key !== reg.emailKey && tx.select({ id: r.id }).from(r).where(and(eq(r.eventId, eventId), eq(r.emailKey, key))).get()) {
        return { ok: false, reason: "emailTaken" } as const;
      }
      // The public form's details, and what only the console sets.
      const changes = { ...detailColumns(input, key), altName: input.altName, locale: input.locale };
      const row = tx
        .update(r)
        .set({ ...changes, updatedAt: new Date(), version: sql`${r.version} + 1` })
        .where(eq(r.id, id))
        .returning()
        .get()!;
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, reg[k as keyof typeof changes]]));
      recordAudit(tx, { actor, action: "update", entity: "registration", entityId: id, before, after: changes });
      return { ok: true, registration: row } as const;
    },
    { behavior: "immediate" },
  );
}

export type PromoteResult =
  | { ok: true; registration: Registration }
  | ({ ok: false; reason: "full" } & SeatCount)
  | { ok: false; reason: "notFound" | "notWaiting" };

/**
 * Gives a seat to one person on the waiting list ahead of those before them, for a reason that
 * the audit row keeps. A full forum refuses unless an admin overrides the capacity.
 */
export function promoteOutOfOrder(
  id: number,
  options: { reason: string; override: boolean },
  actor: string,
  eventId: number,
): PromoteResult {
  return getDb().transaction(
    (tx) => {
      const reg = tx.select().from(r).where(and(eq(r.id, id), eq(r.eventId, eventId))).get();
      if (!reg) return { ok: false, reason: "notFound" } as const;
      if (reg.status !== "waiting") return { ok: false, reason: "notWaiting" } as const;
      expireHolds(tx);
      const seats = { capacity: capacity(eventId), confirmed: seatsTaken(new Date(), eventId) };
      const placement = place({ seats, admission: "immediate", whenFull: options.override ? "override" : "refuse", holdMinutes: 0, now: new Date() });
      if (placement.status !== "confirmed") return { ok: false, reason: "full", ...seats } as const;
      const full = placement.capacityOverride;
      const now = new Date();
      const row = tx
        .update(r)
        .set({
          status: "confirmed",
          confirmedAt: now,
          capacityOverride: full,
          updatedAt: now,
          version: sql`${r.version} + 1`,
        })
        .where(and(eq(r.id, id), eq(r.status, "waiting")))
        .returning()
        .get()!;
      notify(tx, row, "promotion");
      recordAudit(tx, {
        actor,
        action: "promote",
        entity: "registration",
        entityId: id,
        before: { status: "waiting", position: waitingPosition(reg) },
        after: { status: "confirmed", outOfOrder: true, reason: options.reason, capacityOverride: full, ...seats },
      });
      return { ok: true, registration: row } as const;
    },
    { behavior: "immediate" },
  );
}

/** Sends the registration's current email again: the confirmation, or the waiting-list notice. */
export function resendConfirmation(id: number, actor: string, eventId: number): { ok: boolean; kind?: EmailKind } {
  return getDb().transaction(
    (tx) => {
      const reg = tx.select().from(r).where(and(eq(r.id, id), eq(r.eventId, eventId))).get();
      if (!reg || reg.status === "cancelled" || !reg.email) return { ok: false };
      const kind: EmailKind =
        reg.status === "confirmed"
          ? "confirmation"
          : reg.status === "waiting"
            ? "waiting"
            : reg.pendingFor === "email"
              ? "confirm-request"
              : "approval-request";
      notify(tx, reg, kind, waitingPosition(reg), reg.status === "pending" ? reg.pendingUntil : null);
      recordAudit(tx, { actor, action: "resend", entity: "registration", entityId: id, after: { email: kind } });
      return { ok: true, kind };
    },
    { behavior: "immediate" },
  );
}

export type AddAttendeeResult =
  | { ok: true; registration: Registration }
  | ({ ok: false; reason: "full" } & SeatCount)
  | { ok: false; reason: "emailTaken" };

/**
 * A registration entered in the console for a walk-in or an invited guest: confirmed while a seat
 * is free; at a full forum refused, unless `override` (which the caller grants to admins only).
 * The same insert as self-registration (insertRegistration), in one immediate transaction.
 */
export function addAttendee(
  input: AttendeeInput,
  options: { override: boolean; userId: number; eventId: number },
  actor: string,
): AddAttendeeResult {
  return getDb().transaction(
    (tx) => {
      // Read in the transaction: the seats counted are those of the edition's row as it is now.
      const edition = registrationEdition(options.eventId);
      if (!edition) throw new Error(`No edition has the id ${options.eventId}.`);
      const result = insertRegistration(tx, {
        edition,
        details: input,
        admission: "immediate",
        whenFull: options.override ? "override" : "refuse",
        holdMinutes: 0,
        addedBy: options.userId,
        actor,
        action: "add",
        // The person did not tick the box themselves: the organizer vouches for it.
        note: { consent: "privacy consent given to the organizer who added this registration" },
        now: new Date(),
      });
      if (result.kind === "duplicate") return { ok: false, reason: "emailTaken" } as const;
      if (result.kind === "full") return { ok: false, reason: "full", ...result.seats } as const;
      return { ok: true, registration: result.registration } as const;
    },
    { behavior: "immediate" },
  );
}
