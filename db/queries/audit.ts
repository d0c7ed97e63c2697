import "server-only";
import { and, desc, eq, gte, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Db, type Tx } from "../client";
import { auditLog, users, type AuditEntry } from "../schema";

export type AuditInput = {
  /** "user:<id>" for the console, "attendee:<code>", "system". */
  actor: string;
  action: string;
  entity: string;
  entityId?: number | null;
  before?: unknown;
  after?: unknown;
  /** The edition the change concerns, where the entity does not say it (see EDITION_OF). */
  eventId?: number | null;
};

/**
 * The edition of an audited change, found from the row it is about, so that no caller has to say
 * it: the audit filter of the console shows one edition's changes. An entity that belongs to no
 * edition (a user, a speaker, a source) leaves it null.
 */
const EDITION_OF = sql`coalesce(${sql.placeholder("eventId")}, case ${sql.placeholder("entity")}
  when 'event' then (select id from events where id = ${sql.placeholder("entityId")})
  when 'registration' then (select event_id from registrations where id = ${sql.placeholder("entityId")})
  when 'session' then (select event_id from sessions where id = ${sql.placeholder("entityId")})
  when 'room' then (select event_id from rooms where id = ${sql.placeholder("entityId")})
  when 'track' then (select event_id from tracks where id = ${sql.placeholder("entityId")})
  when 'invitation' then (select event_id from invitations where id = ${sql.placeholder("entityId")})
  when 'quote' then (select event_id from quotes where id = ${sql.placeholder("entityId")})
  when 'session_booking' then (select r.event_id from session_bookings b join registrations r on r.id = b.registration_id where b.id = ${sql.placeholder("entityId")})
  end)`;

// Prepared once per connection: every registration writes a row, and preparing the statement
// anew each time cost more than running it.
const preparedFor = new WeakMap<Db, ReturnType<typeof prepareInsert>>();

function prepareInsert(db: Db) {
  return db
    .insert(auditLog)
    .values({
      actor: sql.placeholder("actor"),
      action: sql.placeholder("action"),
      entity: sql.placeholder("entity"),
      entityId: sql.placeholder("entityId"),
      before: sql.placeholder("before"),
      after: sql.placeholder("after"),
      eventId: EDITION_OF,
    })
    .prepare();
}

/**
 * The one writer of the audit trail: every change that leaves a trace goes through it. Call it
 * inside the transaction that makes the change (`tx`), so both land or neither: the prepared
 * statement runs on the process's one connection (db/client.ts), which is the transaction's.
 */
export function recordAudit(tx: Db | Tx, entry: AuditInput): void {
  void tx;
  const db = getDb();
  let insert = preparedFor.get(db);
  if (!insert) preparedFor.set(db, (insert = prepareInsert(db)));
  insert.run({
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    eventId: entry.eventId ?? null,
  });
}

/**
 * An edition deleted (db/queries/editions.ts deleteEdition): the rows about what was done to it stay,
 * no longer tied to an edition that does not exist. The only change ever made to a written row.
 */
export function detachAuditFromEdition(tx: Tx, eventId: number): void {
  tx.update(auditLog).set({ eventId: null }).where(eq(auditLog.eventId, eventId)).run();
}

/**
 * Blanks the details (before and after) of a kind of row about one thing, keeping that the change
 * happened: an erased person's earlier edits recorded the personal data they changed.
 */
export function forgetAuditDetails(tx: Db | Tx, which: { entity: string; entityId: number; action: string }): void {
  tx.update(auditLog)
    .set({ before: null, after: null })
    .where(and(eq(auditLog.entity, which.entity), eq(auditLog.entityId, which.entityId), eq(auditLog.action, which.action)))
    .run();
}

export type AuditFilter = {
  /**
   * The console's edition: its rows, and the rows that belong to no edition (users, speakers,
   * sources: shared by every edition). Another edition's rows are left out.
   */
  eventId?: number;
  /** A user id: that user's rows. */
  userId?: number;
  /** An entity kind ("session", "user", "registration", ...). */
  entity?: string;
  /** YYYY-MM-DD bounds, inclusive, in UTC ms already resolved by the caller. */
  from?: number;
  to?: number;
  page?: number;
};

export const AUDIT_PAGE_SIZE = 50;

const ofEdition = (eventId: number) => or(eq(auditLog.eventId, eventId), isNull(auditLog.eventId))!;

export type AuditRow = AuditEntry & { userEmail: string | null };

export function listAudit(filter: AuditFilter): { rows: AuditRow[]; hasMore: boolean } {
  const conditions: SQL[] = [];
  if (filter.eventId !== undefined) conditions.push(ofEdition(filter.eventId));
  if (filter.userId !== undefined) conditions.push(eq(auditLog.actor, `user:${filter.userId}`));
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.from !== undefined) conditions.push(gte(auditLog.createdAt, new Date(filter.from)));
  if (filter.to !== undefined) conditions.push(lt(auditLog.createdAt, new Date(filter.to)));
  const page = Math.max(1, filter.page ?? 1);
  const rows = getDb()
    .select({
      id: auditLog.id,
      eventId: auditLog.eventId,
      actor: auditLog.actor,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      createdAt: auditLog.createdAt,
      userEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, sql`${auditLog.actor} = 'user:' || ${users.id}`)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}

/** The entity kinds present in the edition's rows and the shared ones, for the filter. */
export function auditEntities(eventId?: number): string[] {
  return getDb()
    .selectDistinct({ entity: auditLog.entity })
    .from(auditLog)
    .where(eventId === undefined ? undefined : ofEdition(eventId))
    .orderBy(auditLog.entity)
    .all()
    .map((r) => r.entity);
}

export function auditFor(entity: string, entityId: number): AuditEntry[] {
  return getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .all();
}

