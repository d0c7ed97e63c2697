import "server-only";
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
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
};

/** One audit row; call it inside the transaction that makes the change, so both land or neither. */
export function recordAudit(db: Db | Tx, entry: AuditInput): void {
  db.insert(auditLog)
    .values({
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}

export type AuditFilter = {
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

export type AuditRow = AuditEntry & { userEmail: string | null };

export function listAudit(filter: AuditFilter): { rows: AuditRow[]; hasMore: boolean } {
  const conditions: SQL[] = [];
  if (filter.userId !== undefined) conditions.push(eq(auditLog.actor, `user:${filter.userId}`));
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.from !== undefined) conditions.push(gte(auditLog.createdAt, new Date(filter.from)));
  if (filter.to !== undefined) conditions.push(lt(auditLog.createdAt, new Date(filter.to)));
  const page = Math.max(1, filter.page ?? 1);
  const rows = getDb()
    .select({
      id: auditLog.id,
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

/** The entity kinds present, for the filter. */
export function auditEntities(): string[] {
  return getDb()
    .selectDistinct({ entity: auditLog.entity })
    .from(auditLog)
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

