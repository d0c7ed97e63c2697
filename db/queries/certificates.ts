import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "../client";
import { certificates, checkIns, events, registrations, type Event, type Registration } from "../schema";
import { recordAudit } from "./audit";
import { newVerificationCode } from "../../lib/certificates/code";

function checkedInDays(tx: Db | Tx, registrationId: number): string[] {
  return tx
    .select({ day: checkIns.day })
    .from(checkIns)
    .where(eq(checkIns.registrationId, registrationId))
    .orderBy(asc(checkIns.day))
    .all()
    .map((c) => c.day);
}

/** The days a registration was checked in for, in order: none means no certificate. */
export function daysCheckedIn(registrationId: number): string[] {
  return checkedInDays(getDb(), registrationId);
}

export type IssueResult = { ok: true; code: string; days: string[]; edition: Event } | { ok: false; reason: "notCheckedIn" };

/**
 * The person's certificate: made (with its code, and the audit row of the attendee's action) the
 * first time it is asked for, the same code every time after. Only for someone checked in at
 * least once; the days are read afresh each time, so a later day shows on the next download.
 */
export function issueCertificate(reg: Registration): IssueResult {
  return getDb().transaction(
    (tx) => {
      const fresh = tx.select().from(registrations).where(eq(registrations.id, reg.id)).get();
      const edition = fresh && tx.select().from(events).where(eq(events.id, fresh.eventId)).get();
      const days = fresh ? checkedInDays(tx, fresh.id) : [];
      if (!fresh || !edition || fresh.erasedAt || days.length === 0) return { ok: false, reason: "notCheckedIn" } as const;
      const existing = tx.select({ code: certificates.code }).from(certificates).where(eq(certificates.registrationId, fresh.id)).get();
      if (existing) return { ok: true, code: existing.code, days, edition } as const;
      const row = tx.insert(certificates).values({ eventId: fresh.eventId, registrationId: fresh.id, code: newVerificationCode() }).returning().get();
      recordAudit(tx, {
        actor: `attendee:${fresh.code}`,
        action: "certificate.issue",
        entity: "certificate",
        entityId: row.id,
        eventId: fresh.eventId,
        after: { code: row.code, days },
      });
      return { ok: true, code: row.code, days, edition } as const;
    },
    { behavior: "immediate" },
  );
}

export type Verified = { fullName: string; altName: string | null; edition: Event; days: string[] };

/**
 * What a third party may learn from a code: the name, the forum and the days, nothing else. An
 * unknown code, an erased person, or one whose check-ins were all taken back, is no certificate.
 */
export function verifyCertificate(code: string): Verified | undefined {
  const db = getDb();
  const row = db
    .select({ registrationId: certificates.registrationId, fullName: registrations.fullName, altName: registrations.altName, erasedAt: registrations.erasedAt, edition: events })
    .from(certificates)
    .innerJoin(registrations, eq(registrations.id, certificates.registrationId))
    .innerJoin(events, eq(events.id, certificates.eventId))
    .where(eq(certificates.code, code))
    .get();
  if (!row || row.erasedAt) return undefined;
  const days = checkedInDays(db, row.registrationId);
  return days.length === 0 ? undefined : { fullName: row.fullName, altName: row.altName, edition: row.edition, days };
}
