import "server-only";
import { randomBytes } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { invitations, registrations, type Invitation } from "../schema";
import { recordAudit } from "./audit";
import { getEvent } from "./event";
import { invitationCode } from "../../lib/registration/invitations";

export type InvitationRow = Invitation & { used: number };

/**
 * Every code of the edition (the console's; the current one when none is named), newest first,
 * with its uses: the registrations it made that are not cancelled.
 */
export function listInvitations(eventId: number = getEvent().id): InvitationRow[] {
  return getDb()
    .select({
      id: invitations.id,
      eventId: invitations.eventId,
      code: invitations.code,
      label: invitations.label,
      maxUses: invitations.maxUses,
      createdBy: invitations.createdBy,
      revokedAt: invitations.revokedAt,
      createdAt: invitations.createdAt,
      // Spelled out: drizzle leaves columns unqualified in a select list, and "id" would be the registration's.
      used: sql<number>`(select count(*) from ${registrations} r where r.invitation_id = "invitations"."id" and r.status != 'cancelled')`,
    })
    .from(invitations)
    .where(eq(invitations.eventId, eventId))
    .orderBy(desc(invitations.id))
    .all();
}

/**
 * A new code for `maxUses` people of the edition (it admits to that edition only); the audit row
 * keeps who made it and for whom.
 */
export function createInvitation(
  input: { label: string; maxUses: number },
  userId: number | null,
  actor: string,
  eventId: number = getEvent().id,
): Invitation {
  return getDb().transaction(
    (tx) => {
      const row = tx
        .insert(invitations)
        .values({ eventId, code: invitationCode(randomBytes), label: input.label, maxUses: input.maxUses, createdBy: userId })
        .returning()
        .get();
      recordAudit(tx, { actor, action: "create", entity: "invitation", entityId: row.id, after: { code: row.code, ...input } });
      return row;
    },
    { behavior: "immediate" },
  );
}

/**
 * The code admits no one more; those it admitted keep their registrations. With the console's
 * edition named, a code of another edition is not found.
 */
export function revokeInvitation(id: number, actor: string, eventId?: number): boolean {
  return getDb().transaction(
    (tx) => {
      const row = tx.select().from(invitations).where(eq(invitations.id, id)).get();
      if (!row || row.revokedAt || (eventId !== undefined && row.eventId !== eventId)) return false;
      tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, id)).run();
      recordAudit(tx, { actor, action: "revoke", entity: "invitation", entityId: id, before: { code: row.code, label: row.label } });
      return true;
    },
    { behavior: "immediate" },
  );
}
