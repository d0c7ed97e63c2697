import "server-only";
import { and, asc, count, eq, gte, lt, sql } from "drizzle-orm";
import type { EmailKind } from "../schema";
import {
  auditLog,
  events,
  outbox,
  registrations,
  stars,
  type NewRegistration,
  type Registration,
} from "../schema";
import { databasePath, getDb, type Db } from "../client";
import { appendErasure } from "../erasure-log";
import { releaseBookings } from "./bookings";
import { enqueueEmail } from "./outbox";
import { emailKey, type DetailsInput, type RegistrationInput } from "../../lib/registration/input";
import { registrationCode } from "../../lib/registration/codes";
import { deriveToken, newLink, newSeed, tokenHash } from "../../lib/registration/secret-links";
import { secret } from "../secrets";
import { forumCapacity } from "../../lib/registration/capacity";
import { registrationWindowState, type WindowState } from "../../lib/registration/window";
import { manageUrl } from "../../lib/registration/urls";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type Availability = { capacity: number; confirmed: number; waiting: number; full: boolean };

/**
 * The statements every registration runs, prepared once per connection: preparing them anew
 * each time cost more than running them. They run on the same connection as any transaction.
 */
const preparedFor = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    byEmailKey: db
      .select()
      .from(registrations)
      .where(eq(registrations.emailKey, sql.placeholder("key")))
      .prepare(),
    countByStatus: db
      .select({ n: count() })
      .from(registrations)
      .where(eq(registrations.status, sql.placeholder("status")))
      .prepare(),
    // One statement for each outcome: a prepared timestamp column cannot take a null.
    insertConfirmed: prepareInsert(db, "confirmedAt"),
    insertWaiting: prepareInsert(db, "waitlistedAt"),
    audit: db
      .insert(auditLog)
      .values({
        actor: sql.placeholder("actor"),
        action: sql.placeholder("action"),
        entity: "registration",
        entityId: sql.placeholder("entityId"),
        before: sql.placeholder("before"),
        after: sql.placeholder("after"),
      })
      .prepare(),
    // One event row: the forum. Read in the caller's transaction, like the counts.
    event: db
      .select({
        capacity: events.capacity,
        opensAt: events.registrationOpensAt,
        closesAt: events.registrationClosesAt,
      })
      .from(events)
      .limit(1)
      .prepare(),
    waitingBefore: db
      .select({ n: count() })
      .from(registrations)
      .where(and(eq(registrations.status, "waiting"), lt(registrations.id, sql.placeholder("id"))))
      .prepare(),
  };
}

const INSERTED = [
  "code",
  "manageTokenHash",
  "manageTokenSeed",
  "status",
  "fullName",
  "email",
  "emailKey",
  "organisation",
  "jobTitle",
  "phone",
  "category",
  "days",
  "dietary",
  "accessibility",
  "consentNews",
  "privacyConsentAt",
  "locale",
] as const;

function prepareInsert(db: Db, stamp: "confirmedAt" | "waitlistedAt") {
  const values = Object.fromEntries(
    [...INSERTED, stamp].map((name) => [name, sql.placeholder(name)]),
  );
  return db
    .insert(registrations)
    .values(values as unknown as NewRegistration)
    .returning()
    .prepare();
}

function statements() {
  const db = getDb();
  let prepared = preparedFor.get(db);
  if (!prepared) preparedFor.set(db, (prepared = prepare(db)));
  return prepared;
}

export function countByStatus(status: Registration["status"]): number {
  return statements().countByStatus.get({ status })?.n ?? 0;
}

/** Seats for the forum: the console's setting on the event row, else FORUM_CAPACITY. */
export function capacity(): number {
  return forumCapacity(statements().event.get()?.capacity);
}

export function registrationWindow(now = new Date()): {
  state: WindowState;
  opensAt: Date | null;
  closesAt: Date | null;
} {
  const event = statements().event.get();
  const opensAt = event?.opensAt ?? null;
  const closesAt = event?.closesAt ?? null;
  return { state: registrationWindowState(now, opensAt, closesAt), opensAt, closesAt };
}

export function availability(): Availability {
  const capacity = forumCapacity(statements().event.get()?.capacity);
  const confirmed = countByStatus("confirmed");
  return { capacity, confirmed, waiting: countByStatus("waiting"), full: confirmed >= capacity };
}

/**
 * Place on the waiting list, from 1, or null for anyone not waiting. Registrations join the list
 * in the order of their ids (each is inserted in its own immediate transaction) and never rejoin
 * it, so counting the waiting ids below is the queue, and the (status, id) index answers it.
 */
export function waitingPosition(reg: Registration): number | null {
  if (reg.status !== "waiting") return null;
  return (statements().waitingBefore.get({ id: reg.id })?.n ?? 0) + 1;
}

/** At most one re-sent link per registration every ten minutes, however often someone tries. */
function recentlySent(tx: Tx, registrationId: number, kind: EmailKind): boolean {
  const since = new Date(Date.now() - 10 * 60_000);
  return Boolean(
    tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          eq(outbox.registrationId, registrationId),
          eq(outbox.kind, kind),
          gte(outbox.createdAt, since),
        ),
      )
      .get(),
  );
}

function audit(tx: Tx, actor: string, action: string, id: number, before: unknown, after: unknown) {
  void tx; // the prepared statement runs on the transaction's connection
  statements().audit.run({ actor, action, entityId: id, before, after });
}

/**
 * The one lookup of a registration by the token of its private manage link: by the token's
 * SHA-256, the only form the database keeps. Erased registrations are returned too (callers
 * answer 404 for them); their link no longer matches anything anyway.
 */
export function findRegistrationByManageToken(token: string): Registration | undefined {
  return getDb()
    .select()
    .from(registrations)
    .where(eq(registrations.manageTokenHash, tokenHash(token)))
    .get();
}

/** A new manage link for a new registration: the token to give out once, and the columns to store. */
export function newManageLink(): {
  token: string;
  columns: { manageTokenHash: string; manageTokenSeed: string };
} {
  const link = newLink(secret("MANAGE_SECRET"), "manage");
  return { token: link.token, columns: { manageTokenHash: link.hash, manageTokenSeed: link.seed } };
}

/**
 * The token of the registration's current manage link, for an email or a redirect: derived from
 * its seed and MANAGE_SECRET. A token made before tokens were hashed, or before MANAGE_SECRET was
 * replaced, cannot be derived: the registration then gets a new link here (in `tx`), which the
 * email being written carries, and the old one stops working.
 */
export function manageTokenOf(tx: Pick<Db, "update">, reg: Registration): string {
  if (reg.manageTokenSeed) {
    const token = deriveToken(secret("MANAGE_SECRET"), "manage", reg.manageTokenSeed);
    if (tokenHash(token) === reg.manageTokenHash) return token;
  }
  const { token, columns } = newManageLink();
  tx.update(registrations).set(columns).where(eq(registrations.id, reg.id)).run();
  Object.assign(reg, columns);
  return token;
}

export function notify(tx: Tx, reg: Registration, kind: EmailKind, position: number | null = null) {
  if (!reg.email) return;
  enqueueEmail(tx, {
    registrationId: reg.id,
    kind,
    to: reg.email,
    data: {
      locale: reg.locale === "zh-CN" ? "zh-CN" : "en",
      fullName: reg.fullName,
      code: reg.code,
      manageUrl: manageUrl(reg.locale, manageTokenOf(tx, reg)),
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
  | { kind: "created"; registration: Registration; position: number | null; manageToken: string }
  | { kind: "duplicate"; registration: Registration; position: number | null };

export type ClosedResult = {
  kind: "closed";
  state: Exclude<WindowState, "open">;
  opensAt: Date | null;
  closesAt: Date | null;
};

/** Self-registration, the form's and the API's: refused outside the window set in the console. */
export function registerWhileOpen(input: RegistrationInput): RegisterResult | ClosedResult {
  const window = registrationWindow();
  if (window.state !== "open") {
    return { kind: "closed", state: window.state, opensAt: window.opensAt, closesAt: window.closesAt };
  }
  return register(input);
}

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
      const existing = statements().byEmailKey.get({ key });
      if (existing?.status === "cancelled") {
        // Someone who cancelled may register again: the old record gives up the address.
        tx.update(registrations)
          .set({ emailKey: null })
          .where(eq(registrations.id, existing.id))
          .run();
      } else if (existing) {
        if (!recentlySent(tx, existing.id, "manage-link")) notify(tx, existing, "manage-link");
        return {
          kind: "duplicate",
          registration: existing,
          position: waitingPosition(existing),
        } as const;
      }
      const now = new Date();
      const confirmed = countByStatus("confirmed") < capacity();
      const insert = confirmed ? statements().insertConfirmed : statements().insertWaiting;
      const { token, columns } = newManageLink();
      const registration = insert.get({
        code: registrationCode(),
        ...columns,
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
        [confirmed ? "confirmedAt" : "waitlistedAt"]: now,
      })!;
      const position = waitingPosition(registration);
      notify(tx, registration, confirmed ? "confirmation" : "waiting", position);
      audit(tx, `attendee:${registration.code}`, "register", registration.id, null, {
        status: registration.status,
      });
      return { kind: "created", registration, position, manageToken: token } as const;
    },
    { behavior: "immediate" },
  );
}

export function findByCode(code: string): Registration | undefined {
  return getDb().select().from(registrations).where(eq(registrations.code, code)).get();
}

/**
 * Gives free seats to the waiting list, first come first served, and tells each person. Call it
 * inside an immediate transaction (a cancellation, or a capacity raised in the console).
 */
export function promoteWaiting(tx: Tx, actor = "system"): Registration[] {
  const promoted: Registration[] = [];
  const free = capacity() - countByStatus("confirmed");
  if (free <= 0) return promoted;
  const next = tx
    .select()
    .from(registrations)
    .where(eq(registrations.status, "waiting"))
    .orderBy(asc(registrations.id))
    .limit(free)
    .all();
  const now = new Date();
  for (const reg of next) {
    const row = tx
      .update(registrations)
      .set({
        status: "confirmed",
        confirmedAt: now,
        updatedAt: now,
        version: sql`${registrations.version} + 1`,
      })
      .where(and(eq(registrations.id, reg.id), eq(registrations.status, "waiting")))
      .returning()
      .get();
    if (!row) continue;
    notify(tx, row, "promotion");
    audit(tx, actor, "promote", row.id, { status: "waiting" }, { status: "confirmed" });
    promoted.push(row);
  }
  return promoted;
}

export type CancelResult =
  | { ok: true; registration: Registration; promoted: Registration[] }
  | { ok: false; reason: "notFound" | "alreadyCancelled" };

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
        .set({
          status: "cancelled",
          cancelledAt: now,
          updatedAt: now,
          version: sql`${registrations.version} + 1`,
        })
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

export type UpdateResult =
  | { ok: true; registration: Registration }
  | { ok: false; reason: "notFound" | "cancelled" | "emailTaken" };

/** The attendee's own changes to their details and days. */
export function updateDetails(id: number, details: DetailsInput, actor: string): UpdateResult {
  return getDb().transaction(
    (tx) => {
      const reg = tx.select().from(registrations).where(eq(registrations.id, id)).get();
      if (!reg) return { ok: false, reason: "notFound" } as const;
      if (reg.status === "cancelled") return { ok: false, reason: "cancelled" } as const;
      const key = emailKey(details.email);
      if (key !== reg.emailKey) {
        const taken = tx
          .select({ id: registrations.id })
          .from(registrations)
          .where(eq(registrations.emailKey, key))
          .get();
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
      const before = Object.fromEntries(
        Object.keys(changes).map((k) => [k, reg[k as keyof typeof changes]]),
      );
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
          altName: null,
          // The personal calendar feed and the manage link stop working with the rest of the
          // person's data: the link's hash is replaced by one that no token has.
          calendarTokenHash: null,
          calendarTokenSeed: null,
          manageTokenHash: tokenHash(newSeed()),
          manageTokenSeed: null,
          updatedAt: now,
          version: sql`${registrations.version} + 1`,
        })
        .where(eq(registrations.id, id))
        .run();
      tx.delete(stars).where(eq(stars.registrationId, id)).run();
      eraseEmails(tx, id);
      // Earlier edits recorded the details they changed; the trail keeps that they happened.
      tx.update(auditLog)
        .set({ before: null, after: null })
        .where(
          and(
            eq(auditLog.entity, "registration"),
            eq(auditLog.entityId, id),
            eq(auditLog.action, "update"),
          ),
        )
        .run();
      releaseBookings(tx, id);
      audit(tx, actor, "erase", id, { status: reg.status }, { status: "cancelled", erased: true });
      const promoted = reg.status === "confirmed" ? promoteWaiting(tx) : [];
      // Written before the commit: should the commit fail, the line only repeats a wish to be
      // erased; should the line fail, so does the erasure, and the person can ask again.
      appendErasure(databasePath(), reg.code, now);
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

export type ReplaceLinkResult = { ok: true; token: string } | { ok: false };

/**
 * Gives the registration a new manage link, for someone whose link was seen or forwarded: the old
 * one stops working at once, and the new one is emailed to the address on file. Not for an erased
 * registration. The audit row says that it happened, never the token.
 */
export function replaceManageLink(id: number, actor: string): ReplaceLinkResult {
  return getDb().transaction(
    (tx) => {
      const reg = tx.select().from(registrations).where(eq(registrations.id, id)).get();
      if (!reg || reg.erasedAt) return { ok: false } as const;
      const { token, columns } = newManageLink();
      const row = tx
        .update(registrations)
        .set({ ...columns, updatedAt: new Date() })
        .where(eq(registrations.id, id))
        .returning()
        .get()!;
      notify(tx, row, "link-replaced");
      audit(tx, actor, "replace-manage-link", id, null, null);
      return { ok: true, token } as const;
    },
    { behavior: "immediate" },
  );
}

/**
 * Erases again, after a restore, the registrations erased since the backup was taken: those of
 * `codes` that the restored database still holds with their data. Returns the codes erased now.
 */
export function reapplyErasures(codes: Iterable<string>, actor = "system:restore"): string[] {
  const erased: string[] = [];
  for (const code of codes) {
    const reg = findByCode(code);
    if (reg && !reg.erasedAt && erase(reg.id, actor).ok) erased.push(code);
  }
  return erased;
}
