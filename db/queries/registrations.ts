import "server-only";
import { and, asc, count, eq, lt, or, sql } from "drizzle-orm";
import type { EmailKind } from "../schema";
import { auditLog, registrations, type Registration } from "../schema";
import { getDb, type Db } from "../client";
import { releaseBookings } from "./bookings";
import { enqueueEmail } from "./outbox";
import { emailKey, type DetailsInput, type RegistrationInput } from "../../lib/registration/input";
import { manageToken, registrationCode } from "../../lib/registration/codes";
import { forumCapacity } from "../../lib/registration/capacity";
import { manageUrl } from "../../lib/registration/urls";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type Availability = { capacity: number; confirmed: number; waiting: number; full: boolean };

function countByStatus(tx: Tx | Db, status: Registration["status"]): number {
  return tx.select({ n: count() }).from(registrations).where(eq(registrations.status, status)).get()?.n ?? 0;
}

export function availability(): Availability {
  const db = getDb();
  const capacity = forumCapacity();
  const confirmed = countByStatus(db, "confirmed");
  return { capacity, confirmed, waiting: countByStatus(db, "waiting"), full: confirmed >= capacity };
}

/** Place on the waiting list, from 1, or null for anyone not waiting. */
export function waitingPosition(reg: Registration, tx: Tx | Db = getDb()): number | null {
  if (reg.status !== "waiting" || !reg.waitlistedAt) return null;
  const ahead =
    tx
      .select({ n: count() })
      .from(registrations)
      .where(
        and(
          eq(registrations.status, "waiting"),
          or(
            lt(registrations.waitlistedAt, reg.waitlistedAt),
            and(eq(registrations.waitlistedAt, reg.waitlistedAt), lt(registrations.id, reg.id)),
          ),
        ),
      )
      .get()?.n ?? 0;
  return ahead + 1;
}

function audit(tx: Tx, actor: string, action: string, id: number, before: unknown, after: unknown) {
  tx.insert(auditLog).values({ actor, action, entity: "registration", entityId: id, before, after }).run();
}

function notify(tx: Tx, reg: Registration, kind: EmailKind, position: number | null = null) {
  if (!reg.email) return;
  enqueueEmail(tx, {
    registrationId: reg.id,
    kind,
    to: reg.email,
    data: {
      locale: reg.locale === "zh-CN" ? "zh-CN" : "en",
      fullName: reg.fullName,
      code: reg.code,
      manageUrl: manageUrl(reg.locale, reg.manageToken),
      position,
    },
  });
}

/** The state of a registration as the attendee may see it: no internal columns. */
export function publicView(reg: Registration, position: number | null) {
  return {
    code: reg.code,
    status: reg.status,
    position: position ?? undefined,
    fullName: reg.fullName,
    email: reg.email,
    organisation: reg.organisation,
    jobTitle: reg.jobTitle,
    phone: reg.phone,
    category: reg.category,
    days: reg.days,
    dietary: reg.dietary,
    accessibility: reg.accessibility,
    newsConsent: reg.consentNews,
    locale: reg.locale,
    createdAt: reg.createdAt.toISOString(),
  };
}

export type RegisterResult =
  | { kind: "created"; registration: Registration; position: number | null }
  | { kind: "duplicate"; registration: Registration; position: number | null };

/**
 * Confirms a seat while the forum has one, and otherwise adds the person to the waiting list.
 * The count and the insert run in one immediate transaction: two requests can never both take
 * the last seat, and positions on the waiting list have no gaps.
 */
export function register(input: RegistrationInput): RegisterResult {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const key = emailKey(input.email);
      const existing = tx.select().from(registrations).where(eq(registrations.emailKey, key)).get();
      if (existing) {
        notify(tx, existing, "manage-link");
        return { kind: "duplicate", registration: existing, position: waitingPosition(existing, tx) } as const;
      }
      const now = new Date();
      const confirmed = countByStatus(tx, "confirmed") < forumCapacity();
      const registration = tx
        .insert(registrations)
        .values({
          code: registrationCode(),
          manageToken: manageToken(),
          status: confirmed ? "confirmed" : "waiting",
          fullName: input.fullName,
          email: input.email,
          emailKey: key,
          organisation: input.organisation,
          jobTitle: input.jobTitle,
          phone: input.phone,
          category: input.category,
          days: input.days,
          dietary: input.dietary,
          accessibility: input.accessibility,
          consentNews: input.newsConsent,
          privacyConsentAt: now,
          locale: input.locale,
          confirmedAt: confirmed ? now : null,
          waitlistedAt: confirmed ? null : now,
        })
        .returning()
        .get();
      const position = waitingPosition(registration, tx);
      notify(tx, registration, confirmed ? "confirmation" : "waiting", position);
      audit(tx, `attendee:${registration.code}`, "register", registration.id, null, {
        status: registration.status,
      });
      return { kind: "created", registration, position } as const;
    },
    { behavior: "immediate" },
  );
}

export function findByToken(token: string): Registration | undefined {
  return getDb().select().from(registrations).where(eq(registrations.manageToken, token)).get();
}

export function findByCode(code: string): Registration | undefined {
  return getDb().select().from(registrations).where(eq(registrations.code, code)).get();
}

/** Gives freed seats to the waiting list, first come first served, and tells each person. */
function promoteWaiting(tx: Tx): Registration[] {
  const promoted: Registration[] = [];
  const free = forumCapacity() - countByStatus(tx, "confirmed");
  if (free <= 0) return promoted;
  const next = tx
    .select()
    .from(registrations)
    .where(eq(registrations.status, "waiting"))
    .orderBy(asc(registrations.waitlistedAt), asc(registrations.id))
    .limit(free)
    .all();
  const now = new Date();
  for (const reg of next) {
    const row = tx
      .update(registrations)
      .set({ status: "confirmed", confirmedAt: now, updatedAt: now, version: sql`${registrations.version} + 1` })
      .where(and(eq(registrations.id, reg.id), eq(registrations.status, "waiting")))
      .returning()
      .get();
    if (!row) continue;
    notify(tx, row, "promotion");
    audit(tx, "system", "promote", row.id, { status: "waiting" }, { status: "confirmed" });
    promoted.push(row);
  }
  return promoted;
}

export type CancelResult = { ok: true; registration: Registration; promoted: Registration[] } | { ok: false; reason: "notFound" | "alreadyCancelled" };

/** Cancels a registration; a confirmed seat goes at once to the first person waiting. */
export function cancel(id: number, actor: string): CancelResult {
  return getDb().transaction(
    (tx) => {
      const reg = tx.select().from(registrations).where(eq(registrations.id, id)).get();
      if (!reg) return { ok: false, reason: "notFound" } as const;
      if (reg.status === "cancelled") return { ok: false, reason: "alreadyCancelled" } as const;
      const now = new Date();
      const row = tx
        .update(registrations)
        .set({ status: "cancelled", cancelledAt: now, updatedAt: now, version: sql`${registrations.version} + 1` })
        .where(eq(registrations.id, id))
        .returning()
        .get()!;
      notify(tx, row, "cancellation");
      audit(tx, actor, "cancel", id, { status: reg.status }, { status: "cancelled" });
      releaseBookings(tx, id);
      const promoted = reg.status === "confirmed" ? promoteWaiting(tx) : [];
      return { ok: true, registration: row, promoted } as const;
    },
    { behavior: "immediate" },
  );
}

export type UpdateResult = { ok: true; registration: Registration } | { ok: false; reason: "notFound" | "cancelled" | "emailTaken" };

/** The attendee's own changes to their details and days. */
export function updateDetails(id: number, details: DetailsInput, actor: string): UpdateResult {
  return getDb().transaction(
    (tx) => {
      const reg = tx.select().from(registrations).where(eq(registrations.id, id)).get();
      if (!reg) return { ok: false, reason: "notFound" } as const;
      if (reg.status === "cancelled") return { ok: false, reason: "cancelled" } as const;
      const key = emailKey(details.email);
      if (key !== reg.emailKey) {
        const taken = tx.select({ id: registrations.id }).from(registrations).where(eq(registrations.emailKey, key)).get();
        if (taken) return { ok: false, reason: "emailTaken" } as const;
      }
      const changes = {
        fullName: details.fullName,
        email: details.email,
        emailKey: key,
        organisation: details.organisation,
        jobTitle: details.jobTitle,
        phone: details.phone,
        category: details.category,
        days: details.days,
        dietary: details.dietary,
        accessibility: details.accessibility,
        consentNews: details.newsConsent,
      };
      const row = tx
        .update(registrations)
        .set({ ...changes, updatedAt: new Date(), version: sql`${registrations.version} + 1` })
        .where(eq(registrations.id, id))
        .returning()
        .get()!;
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, reg[k as keyof typeof changes]]));
      audit(tx, actor, "update", id, before, changes);
      return { ok: true, registration: row } as const;
    },
    { behavior: "immediate" },
  );
}

/**
 * The right to erasure: personal data is overwritten, the seat released (and given to the next
 * person waiting), and an audit row records that it happened, without the data.
 */
export function erase(id: number, actor: string): { ok: boolean; promoted: Registration[] } {
  return getDb().transaction(
    (tx) => {
      const reg = tx.select().from(registrations).where(eq(registrations.id, id)).get();
      if (!reg || reg.erasedAt) return { ok: false, promoted: [] };
      const now = new Date();
      tx.update(registrations)
        .set({
          status: "cancelled",
          fullName: "",
          email: "",
          emailKey: null,
          organisation: "",
          jobTitle: "",
          phone: null,
          dietary: "",
          accessibility: "",
          consentNews: false,
          cancelledAt: reg.cancelledAt ?? now,
          erasedAt: now,
          updatedAt: now,
          version: sql`${registrations.version} + 1`,
        })
        .where(eq(registrations.id, id))
        .run();
      eraseEmails(tx, id);
      releaseBookings(tx, id);
      audit(tx, actor, "erase", id, { status: reg.status }, { status: "cancelled", erased: true });
      const promoted = reg.status === "confirmed" ? promoteWaiting(tx) : [];
      return { ok: true, promoted };
    },
    { behavior: "immediate" },
  );
}

function eraseEmails(tx: Tx, registrationId: number) {
  // Unsent emails to an erased person are never sent.
  tx.run(
    sql`update outbox set "to" = '', subject = '', text = '', html = '',
        status = case when status = 'pending' then 'failed' else status end
        where registration_id = ${registrationId}`,
  );
}
