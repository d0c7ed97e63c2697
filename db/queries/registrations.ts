import "server-only";
import { and, asc, count, eq, gte, isNotNull, lt, lte, ne, sql } from "drizzle-orm";
import type { EmailKind, TemplateKind } from "../../lib/email/kinds";
import {
  events,
  invitations,
  outbox,
  registrationAttempts,
  registrations,
  stars,
  type NewRegistration,
  type Registration,
} from "../schema";
import { databasePath, getDb, type Db, type Tx } from "../client";
import { inNextCommit } from "../group-commit";
import { appendErasure } from "../erasure-log";
import { releaseBookings } from "./bookings";
import { enqueueEmail } from "./outbox";
import { forgetAuditDetails, recordAudit } from "./audit";
import { emailKey, type DetailsInput, type RegistrationInput } from "../../lib/registration/input";
import { registrationCode } from "../../lib/registration/codes";
import { deriveToken, newLink, newSeed, tokenHash } from "../../lib/registration/secret-links";
import { secret } from "../secrets";
import { forumCapacity } from "../../lib/registration/capacity";
import {
  freeSeats,
  hasFreeSeat,
  place,
  seatOnConfirm,
  waitingPlace,
  type AdmissionKind,
  type SeatCount,
  type WhenFull,
} from "../../lib/registration/seats";
import { registrationWindowState, type WindowState } from "../../lib/registration/window";
import { manageUrl } from "../../lib/registration/urls";
import {
  admissionFor,
  effectiveMode,
  holdExpired,
  holdMinutes,
  type RegistrationMode,
} from "../../lib/registration/mode";
import { HOUR_MS, registrationsPerHour, retryAfterSeconds } from "../../lib/registration/address-limit";
import { isInvitationCode, normalizeInvitationCode } from "../../lib/registration/invitations";

export type Availability = {
  capacity: number;
  confirmed: number;
  /** Seats held by registrations waiting for their person to open the link. */
  held: number;
  waiting: number;
  full: boolean;
};

/**
 * The statements every registration runs, prepared once per connection: preparing them anew
 * each time cost more than running them. They run on the same connection as any transaction.
 */
const preparedFor = new WeakMap<Db, ReturnType<typeof prepare>>();

const editionColumns = {
  id: events.id,
  isCurrent: events.isCurrent,
  capacity: events.capacity,
  opensAt: events.registrationOpensAt,
  closesAt: events.registrationClosesAt,
  mode: events.registrationMode,
  holdMinutes: events.holdMinutes,
};

/** What registration reads of an edition's row: its seats, window, mode and hold. */
export type RegistrationEdition = {
  id: number;
  isCurrent: boolean;
  capacity: number | null;
  opensAt: Date | null;
  closesAt: Date | null;
  mode: RegistrationMode | null;
  holdMinutes: number | null;
};

function prepare(db: Db) {
  return {
    // The address is unique within an edition: the same person registers anew for the next one.
    byEmailKey: db
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, sql.placeholder("eventId")), eq(registrations.emailKey, sql.placeholder("key"))))
      .prepare(),
    countByStatus: db
      .select({ n: count() })
      .from(registrations)
      .where(and(eq(registrations.eventId, sql.placeholder("eventId")), eq(registrations.status, sql.placeholder("status"))))
      .prepare(),
    // A hold past its time is no longer counted, even before the expiry has cancelled it.
    countHeld: db
      .select({ n: count() })
      .from(registrations)
      .where(
        and(
          eq(registrations.eventId, sql.placeholder("eventId")),
          eq(registrations.status, "pending"),
          eq(registrations.holdsSeat, true),
          sql`${registrations.pendingUntil} > ${sql.placeholder("now")}`,
        ),
      )
      .prepare(),
    // The lazy expiry runs before every capacity check: one indexed look-up when nothing is due.
    firstDue: db
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.status, "pending"), lte(registrations.pendingUntil, sql.placeholder("now"))))
      .limit(1)
      .prepare(),
    // One registration insert for each set of columns, made on first use (insertRow).
    inserts: new Map<string, ReturnType<typeof prepareInsert>>(),
    // The edition's row: its seats, window, mode and hold. Read in the caller's transaction, like
    // the counts, so a setting changed meanwhile is seen with the rows it governs.
    edition: db.select(editionColumns).from(events).where(eq(events.id, sql.placeholder("id"))).limit(1).prepare(),
    current: db.select(editionColumns).from(events).where(eq(events.isCurrent, true)).limit(1).prepare(),
    // The hourly budget of a client's address (takeAttempt): rows older than the hour go first.
    dropAttemptsBefore: db
      .delete(registrationAttempts)
      .where(lt(registrationAttempts.createdAt, sql.placeholder("since")))
      .prepare(),
    recentAttempts: db
      .select({ n: count(), oldest: sql<number>`min(${registrationAttempts.createdAt})` })
      .from(registrationAttempts)
      .where(
        and(
          eq(registrationAttempts.addressKey, sql.placeholder("addressKey")),
          gte(registrationAttempts.createdAt, sql.placeholder("since")),
        ),
      )
      .prepare(),
    addAttempt: db
      .insert(registrationAttempts)
      .values({ addressKey: sql.placeholder("addressKey"), createdAt: sql.placeholder("createdAt") })
      .prepare(),
    waitingBefore: db
      .select({ n: count() })
      .from(registrations)
      .where(
        and(
          eq(registrations.eventId, sql.placeholder("eventId")),
          eq(registrations.status, "waiting"),
          lt(registrations.id, sql.placeholder("id")),
        ),
      )
      .prepare(),
  };
}

function prepareInsert(db: Db, names: (keyof NewRegistration)[]) {
  const values = Object.fromEntries(names.map((name) => [name, sql.placeholder(name)]));
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

/** The current edition's registration settings: the one the public form and the API register for. */
export function currentRegistrationEdition(): RegistrationEdition {
  const edition = statements().current.get();
  if (!edition) throw new Error("The database holds no current edition: run `npm run db:seed`.");
  return edition;
}

/** One edition's registration settings, or undefined when no edition has that id. */
export function registrationEdition(eventId: number): RegistrationEdition | undefined {
  return statements().edition.get({ id: eventId });
}

function editionOf(eventId: number | undefined): RegistrationEdition {
  if (eventId === undefined) return currentRegistrationEdition();
  const edition = registrationEdition(eventId);
  if (!edition) throw new Error(`No edition has the id ${eventId}.`);
  return edition;
}

// Every count below is of one edition: the current one when the caller names none.
const idOf = (eventId: number | undefined) => eventId ?? currentRegistrationEdition().id;

export function countByStatus(status: Registration["status"], eventId?: number): number {
  return statements().countByStatus.get({ eventId: idOf(eventId), status })?.n ?? 0;
}

/** Seats for the edition: the console's setting on its row, else FORUM_CAPACITY. */
export function capacity(eventId?: number): number {
  return forumCapacity(editionOf(eventId).capacity);
}

export function registrationWindow(
  now = new Date(),
  eventId?: number,
): {
  state: WindowState;
  opensAt: Date | null;
  closesAt: Date | null;
} {
  const edition = editionOf(eventId);
  return { state: registrationWindowState(now, edition.opensAt, edition.closesAt), opensAt: edition.opensAt, closesAt: edition.closesAt };
}

function heldSeats(eventId: number, now: Date): number {
  return statements().countHeld.get({ eventId, now: now.getTime() })?.n ?? 0;
}

/** Seats taken in the edition: confirmed registrations and the holds of unconfirmed ones. */
export function seatsTaken(now = new Date(), eventId?: number): number {
  const id = idOf(eventId);
  return countByStatus("confirmed", id) + heldSeats(id, now);
}

/** The edition's registration mode and hold, as the console set them (or the defaults). */
export function registrationSettings(eventId?: number): { mode: RegistrationMode; holdMinutes: number } {
  const edition = editionOf(eventId);
  return { mode: effectiveMode(edition.mode), holdMinutes: holdMinutes(edition.holdMinutes) };
}

export function availability(eventId?: number): Availability {
  const edition = editionOf(eventId);
  const capacity = forumCapacity(edition.capacity);
  const confirmed = countByStatus("confirmed", edition.id);
  const held = heldSeats(edition.id, new Date());
  return { capacity, confirmed, held, waiting: countByStatus("waiting", edition.id), full: !hasFreeSeat({ capacity, confirmed: confirmed + held }) };
}

/**
 * Place on its edition's waiting list, from 1, or null for anyone not waiting. Registrations join
 * the list in the order of their ids (each is inserted in its own immediate transaction) and never
 * rejoin it, so counting the edition's waiting ids below is the queue, and the (event, status, id)
 * index answers it.
 */
export function waitingPosition(reg: Registration): number | null {
  if (reg.status !== "waiting") return null;
  return waitingPlace(reg.status, statements().waitingBefore.get({ eventId: reg.eventId, id: reg.id })?.n ?? 0);
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
  recordAudit(tx, { actor, action, entity: "registration", entityId: id, before, after });
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
export function manageTokenOf(tx: Db | Tx, reg: Registration): string {
  if (reg.manageTokenSeed) {
    const token = deriveToken(secret("MANAGE_SECRET"), "manage", reg.manageTokenSeed);
    if (tokenHash(token) === reg.manageTokenHash) return token;
  }
  const { token, columns } = newManageLink();
  tx.update(registrations).set(columns).where(eq(registrations.id, reg.id)).run();
  Object.assign(reg, columns);
  return token;
}

export function notify(
  tx: Tx,
  reg: Registration,
  kind: TemplateKind,
  position: number | null = null,
  until: Date | null = null,
  /** The token of the link just made for `reg` (insertRegistration): derived again otherwise. */
  manageToken?: string,
) {
  if (!reg.email) return;
  enqueueEmail(tx, {
    registrationId: reg.id,
    eventId: reg.eventId,
    kind,
    to: reg.email,
    data: {
      locale: reg.locale === "zh-CN" ? "zh-CN" : "en",
      fullName: reg.fullName,
      code: reg.code,
      manageUrl: manageUrl(reg.locale, manageToken ?? manageTokenOf(tx, reg)),
      position,
      ...(until ? { minutesLeft: Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000)) } : {}),
    },
  });
}

/** The state of a registration as the attendee may see it: no internal columns. */
export function publicView(reg: Registration, position: number | null) {
  return {
    code: reg.code,
    status: reg.status,
    position: position ?? undefined,
    awaiting: reg.status === "pending" ? (reg.pendingFor ?? undefined) : undefined,
    pendingUntil: reg.status === "pending" ? reg.pendingUntil?.toISOString() : undefined,
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
  /** notCurrent: the edition asked for is not the current one; only the current one registers. */
  state: Exclude<WindowState, "open"> | "notCurrent";
  opensAt: Date | null;
  closesAt: Date | null;
};

/** Too many new registrations from one client address within the hour: nothing was saved. */
export type LimitedResult = { kind: "limited"; limit: number; retryAfterSeconds: number };

/** An invitation code that is no one's (or revoked), or whose uses are all taken. */
export type InvitationRefused = { kind: "invitationUnknown" } | { kind: "invitationUsedUp"; maxUses: number };

export type SelfRegisterOptions = {
  /** The keyed hash of the client's address group (lib/registration/address-limit.ts). */
  addressKey: string;
  invitationCode?: string | null;
  /**
   * The edition the request was read for (its days were checked against that row). Only the
   * current edition registers: any other, or one that stopped being current since, is closed.
   */
  editionId?: number;
  now?: Date;
};

export type SelfRegisterResult = (RegisterResult & { mode: RegistrationMode }) | ClosedResult | LimitedResult | InvitationRefused;

/**
 * Self-registration, the form's and the API's, in one immediate transaction: refused outside the
 * window set in the console, past the hourly limit of the client's address (unless an invitation
 * code vouches for it), or with a code that is unknown or used up; then admitted as the forum's
 * registration mode says.
 */
export function registerWhileOpen(input: RegistrationInput, options: SelfRegisterOptions): SelfRegisterResult {
  return getDb().transaction((tx) => registerWhileOpenIn(tx, input, options), { behavior: "immediate" });
}

/**
 * The same, committed with the other registrations this process receives at the same moment
 * (db/group-commit.ts): one wait for the disk for all of them. What the API and the form use.
 */
export function registerWhileOpenGrouped(input: RegistrationInput, options: SelfRegisterOptions): Promise<SelfRegisterResult> {
  return inNextCommit((tx) => registerWhileOpenIn(tx, input, options));
}

function registerWhileOpenIn(tx: Tx, input: RegistrationInput, options: SelfRegisterOptions): SelfRegisterResult {
  // The time is read once the transaction holds the database: with several server processes,
  // one that read the clock first may get the lock second, and the times of joining the list
  // must follow the list's order (its ids).
  const now = options.now ?? new Date();
  const edition = options.editionId === undefined ? currentRegistrationEdition() : registrationEdition(options.editionId);
  if (!edition || !edition.isCurrent) {
    return { kind: "closed", state: "notCurrent", opensAt: edition?.opensAt ?? null, closesAt: edition?.closesAt ?? null } as const;
  }
  // The row read above, once: the window, mode and hold below are all from it.
  const state = registrationWindowState(now, edition.opensAt, edition.closesAt);
  if (state !== "open") return { kind: "closed", state, opensAt: edition.opensAt, closesAt: edition.closesAt } as const;
  // Before the code's uses are counted too: a lapsed registration gives its use back.
  expireHolds(tx, now);
  let invitation: { id: number } | null = null;
  if (options.invitationCode) {
    const found = usableInvitation(tx, options.invitationCode, edition.id);
    if (found.kind !== "ok") return found;
    invitation = found;
  } else {
    const limited = takeAttempt(tx, options.addressKey, now);
    if (limited) return limited;
  }
  const mode = effectiveMode(edition.mode);
  const minutes = holdMinutes(edition.holdMinutes);
  const result = admit(tx, input, {
    edition,
    admission: admissionFor(mode, invitation !== null),
    holdMinutes: minutes,
    invitationId: invitation?.id ?? null,
    now,
  });
  return { ...result, mode };
}

/**
 * Counts one attempt against the client's hourly budget, or refuses it. Rows older than an hour
 * are deleted as new ones arrive, so the table holds at most an hour of (hashed) addresses.
 */
function takeAttempt(tx: Tx, addressKey: string, now: Date): LimitedResult | null {
  // The prepared statements run on the connection of `tx` (the process's one).
  void tx;
  const since = new Date(now.getTime() - HOUR_MS).getTime();
  const { dropAttemptsBefore, recentAttempts, addAttempt } = statements();
  dropAttemptsBefore.run({ since });
  const limit = registrationsPerHour();
  const recent = recentAttempts.get({ addressKey, since });
  if ((recent?.n ?? 0) >= limit) {
    return { kind: "limited", limit, retryAfterSeconds: retryAfterSeconds(recent?.oldest ?? now.getTime(), now) };
  }
  addAttempt.run({ addressKey, createdAt: now });
  return null;
}

/** Its uses are the registrations it made that are not cancelled: an expired hold gives one back. */
export function invitationUses(tx: Tx | Db, invitationId: number): number {
  return (
    tx
      .select({ n: count() })
      .from(registrations)
      .where(and(eq(registrations.invitationId, invitationId), ne(registrations.status, "cancelled")))
      .get()?.n ?? 0
  );
}

/** A code of this edition only: one made for 2024 admits no one to 2025. */
function usableInvitation(tx: Tx, typed: string, eventId: number): { kind: "ok"; id: number } | InvitationRefused {
  const code = normalizeInvitationCode(typed);
  if (!isInvitationCode(code)) return { kind: "invitationUnknown" };
  const row = tx.select().from(invitations).where(and(eq(invitations.code, code), eq(invitations.eventId, eventId))).get();
  if (!row || row.revokedAt) return { kind: "invitationUnknown" };
  if (invitationUses(tx, row.id) >= row.maxUses) return { kind: "invitationUsedUp", maxUses: row.maxUses };
  return { kind: "ok", id: row.id };
}

export type Admission = {
  /** The edition registered for; by default the current one. */
  edition?: RegistrationEdition;
  admission: AdmissionKind;
  holdMinutes?: number;
  invitationId?: number | null;
  now?: Date;
};

/**
 * Confirms a seat while the forum has one, and otherwise adds the person to the waiting list (or,
 * in the `confirm` and `approval` modes, makes a pending registration). The count and the insert
 * run in one immediate transaction: two requests can never both take the last seat, and positions
 * on the waiting list have no gaps.
 */
export function register(input: RegistrationInput, admission: Admission = { admission: "immediate" }): RegisterResult {
  return getDb().transaction((tx) => admit(tx, input, admission), { behavior: "immediate" });
}

function admit(tx: Tx, input: RegistrationInput, options: Admission): RegisterResult {
  const now = options.now ?? new Date();
  const result = insertRegistration(tx, {
    edition: options.edition ?? currentRegistrationEdition(),
    details: { ...input, altName: null },
    admission: options.admission,
    whenFull: "waitlist",
    holdMinutes: options.holdMinutes ?? holdMinutes(null),
    invitationId: options.invitationId ?? null,
    action: "register",
    now,
  });
  if (result.kind === "duplicate") {
    const existing = result.registration;
    // The link goes to the address on file, never to whoever asked: an unconfirmed registration
    // gets its confirmation link again, any other its manage link.
    const kind = existing.status === "pending" && existing.pendingFor === "email" ? "confirm-request" : "manage-link";
    if (!recentlySent(tx, existing.id, kind)) notify(tx, existing, kind, null, existing.pendingUntil);
    return { kind: "duplicate", registration: existing, position: waitingPosition(existing) } as const;
  }
  // Self-registration waits when the forum is full: it is never refused for want of a seat.
  if (result.kind === "full") throw new Error("self-registration was refused a place on the waiting list");
  return { kind: "created", registration: result.registration, position: result.position, manageToken: result.manageToken } as const;
}

/** The details a registration is made with, from the public form, the API or the console. */
export type RegistrationDetails = DetailsInput & { locale: RegistrationInput["locale"]; altName: string | null };

export type NewRegistrationRequest = {
  /** The edition registered for: its seats and waiting list, and its address key. */
  edition: RegistrationEdition;
  details: RegistrationDetails;
  admission: AdmissionKind;
  whenFull: WhenFull;
  holdMinutes: number;
  invitationId?: number | null;
  /** The organizer who entered it in the console. */
  addedBy?: number | null;
  /** Who the audit row names: the organizer, or by default the attendee by their new code. */
  actor?: string;
  action: "register" | "add";
  /** Said in the audit row besides the outcome (the console's note on consent). */
  note?: Record<string, unknown>;
  now: Date;
};

export type InsertResult =
  | { kind: "created"; registration: Registration; position: number | null; manageToken: string; seats: SeatCount }
  | { kind: "duplicate"; registration: Registration }
  | { kind: "full"; seats: SeatCount };

/**
 * The columns of a person's details, as the form, the API, the manage page and the console give
 * them: the one place that names where each field is kept.
 */
export function detailColumns(details: DetailsInput, key: string) {
  return {
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
}

const FIRST_EMAIL = { confirmed: "confirmation", waiting: "waiting" } as const;

/**
 * The one insert of a registration, for the public form, the API and the organizer's walk-in.
 * Call it inside an immediate transaction: the counts it reads and the row it writes stay
 * together, so two requests can never both take the last seat, and the waiting list has no gaps.
 * An address already registered is returned as a duplicate for the caller to answer; a cancelled
 * registration gives up its address to the new one.
 */
export function insertRegistration(tx: Tx, request: NewRegistrationRequest): InsertResult {
  const { details, edition, now } = request;
  expireHolds(tx, now);
  const key = emailKey(details.email);
  const existing = statements().byEmailKey.get({ eventId: edition.id, key });
  if (existing && existing.status !== "cancelled") return { kind: "duplicate", registration: existing };
  const seats = { capacity: forumCapacity(edition.capacity), confirmed: seatsTaken(now, edition.id) };
  const placement = place({ seats, admission: request.admission, whenFull: request.whenFull, holdMinutes: request.holdMinutes, now });
  if (placement.status === "refused") return { kind: "full", seats };
  if (existing) tx.update(registrations).set({ emailKey: null }).where(eq(registrations.id, existing.id)).run();
  const { token, columns } = newManageLink();
  const { status, ...outcome } = placement;
  const registration = insertRow({
    eventId: edition.id,
    code: registrationCode(),
    ...columns,
    status,
    ...detailColumns(details, key),
    altName: details.altName,
    privacyConsentAt: now,
    locale: details.locale,
    invitationId: request.invitationId ?? null,
    ...(status === "confirmed" ? { confirmedAt: now } : status === "waiting" ? { waitlistedAt: now } : {}),
    ...outcome,
    ...(request.addedBy != null ? { addedBy: request.addedBy } : {}),
  });
  const position = waitingPosition(registration);
  const email: EmailKind =
    registration.status === "pending"
      ? registration.pendingFor === "email"
        ? "confirm-request"
        : "approval-request"
      : FIRST_EMAIL[registration.status as "confirmed" | "waiting"];
  notify(tx, registration, email, position, registration.pendingUntil, token);
  const byConsole = request.whenFull !== "waitlist";
  audit(tx, request.actor ?? `attendee:${registration.code}`, request.action, registration.id, null, {
    status: registration.status,
    ...(registration.pendingFor ? { pendingFor: registration.pendingFor, holdsSeat: registration.holdsSeat } : {}),
    ...(registration.invitationId ? { invitationId: registration.invitationId } : {}),
    ...(byConsole ? { capacityOverride: registration.capacityOverride, ...seats } : {}),
    ...request.note,
  });
  return { kind: "created", registration, position, manageToken: token, seats };
}

/**
 * One prepared statement for each set of columns a registration is inserted with (a prepared
 * timestamp column cannot take a null, so absent ones are left out): preparing anew each time
 * cost more than running it.
 */
function insertRow(values: Record<string, unknown>): Registration {
  const present = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const shape = Object.keys(present).sort().join(",");
  const prepared = statements().inserts;
  let statement = prepared.get(shape);
  if (!statement) prepared.set(shape, (statement = prepareInsert(getDb(), Object.keys(present) as (keyof NewRegistration)[])));
  return statement.get(present)!;
}

/**
 * Cancels every unconfirmed registration whose time is up and gives the seats they held to the
 * waiting list. Runs in the caller's immediate transaction before a capacity check, so a count
 * never includes an expired hold, and on a timer (startHoldExpiry) so the list moves on its own.
 */
export function expireHolds(tx: Tx, now = new Date()): { expired: number; promoted: Registration[] } {
  if (!statements().firstDue.get({ now: now.getTime() })) return { expired: 0, promoted: [] };
  const due = tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.status, "pending"), isNotNull(registrations.pendingUntil), lte(registrations.pendingUntil, now)))
    .all();
  // Each edition's freed seats go to its own waiting list.
  const released = new Set<number>();
  for (const reg of due) {
    if (!holdExpired(reg.pendingUntil, now)) continue;
    tx.update(registrations)
      .set({ status: "cancelled", cancelledAt: now, holdsSeat: false, updatedAt: now, version: sql`${registrations.version} + 1` })
      .where(and(eq(registrations.id, reg.id), eq(registrations.status, "pending")))
      .run();
    audit(tx, "system", "expire", reg.id, { status: "pending", holdsSeat: reg.holdsSeat }, { status: "cancelled" });
    if (reg.holdsSeat) released.add(reg.eventId);
  }
  return { expired: due.length, promoted: [...released].flatMap((eventId) => promoteWaiting(tx, "system", eventId)) };
}

/** The timer's run of expireHolds, in a transaction of its own; true when it queued emails. */
export function expireDueHolds(now = new Date()): boolean {
  const { promoted } = getDb().transaction((tx) => expireHolds(tx, now), { behavior: "immediate" });
  return promoted.length > 0;
}

export type ConfirmResult =
  | { ok: true; registration: Registration; position: number | null }
  | { ok: false; reason: "notPending" | "expired" };

/**
 * The person opened the link in the email: the hold becomes a confirmed seat. A registration made
 * while the forum was full held none, so it takes a seat if one is free now, or joins the list.
 */
export function confirmPending(id: number, actor: string, now = new Date()): ConfirmResult {
  return getDb().transaction(
    (tx) => {
      expireHolds(tx, now);
      const reg = tx.select().from(registrations).where(eq(registrations.id, id)).get();
      if (!reg) return { ok: false, reason: "notPending" } as const;
      if (reg.status === "cancelled" && reg.pendingFor === "email" && !reg.confirmedAt && !reg.waitlistedAt) {
        return { ok: false, reason: "expired" } as const;
      }
      if (reg.status !== "pending" || reg.pendingFor !== "email") return { ok: false, reason: "notPending" } as const;
      const row = seat(tx, reg, now);
      const position = waitingPosition(row);
      notify(tx, row, row.status === "confirmed" ? "confirmation" : "waiting", position);
      audit(tx, actor, "confirm", id, { status: "pending" }, { status: row.status });
      return { ok: true, registration: row, position } as const;
    },
    { behavior: "immediate" },
  );
}

/** A pending registration leaves `pending`: its held seat, a free one, or the waiting list. */
function seat(tx: Tx, reg: Registration, now: Date): Registration {
  const seats = { capacity: capacity(reg.eventId), confirmed: seatsTaken(now, reg.eventId) };
  const confirmed = seatOnConfirm(reg.holdsSeat, seats) === "confirmed";
  return tx
    .update(registrations)
    .set({
      status: confirmed ? "confirmed" : "waiting",
      ...(confirmed ? { confirmedAt: now } : { waitlistedAt: now }),
      pendingUntil: null,
      holdsSeat: false,
      updatedAt: now,
      version: sql`${registrations.version} + 1`,
    })
    .where(and(eq(registrations.id, reg.id), eq(registrations.status, "pending")))
    .returning()
    .get()!;
}

export type DecisionResult =
  | { ok: true; registration: Registration; position: number | null }
  | { ok: false; reason: "notFound" | "notAwaitingApproval" };

/**
 * An organizer's answer to a registration in `approval` mode, with an email either way: approved
 * takes a free seat (or a place on the waiting list), declined cancels it.
 */
export function decide(
  id: number,
  decision: "approve" | "decline",
  actor: string,
  now = new Date(),
  /** The console's edition: a registration of another one is not found. */
  eventId?: number,
): DecisionResult {
  return getDb().transaction(
    (tx) => {
      expireHolds(tx, now);
      const reg = tx.select().from(registrations).where(eq(registrations.id, id)).get();
      if (!reg || (eventId !== undefined && reg.eventId !== eventId)) return { ok: false, reason: "notFound" } as const;
      if (reg.status !== "pending" || reg.pendingFor !== "approval") return { ok: false, reason: "notAwaitingApproval" } as const;
      if (decision === "decline") {
        const row = tx
          .update(registrations)
          .set({ status: "cancelled", cancelledAt: now, updatedAt: now, version: sql`${registrations.version} + 1` })
          .where(and(eq(registrations.id, id), eq(registrations.status, "pending")))
          .returning()
          .get()!;
        notify(tx, row, "declined");
        audit(tx, actor, "decline", id, { status: "pending" }, { status: "cancelled" });
        return { ok: true, registration: row, position: null } as const;
      }
      const row = seat(tx, reg, now);
      const position = waitingPosition(row);
      notify(tx, row, row.status === "confirmed" ? "approved" : "waiting", position);
      audit(tx, actor, "approve", id, { status: "pending" }, { status: row.status });
      return { ok: true, registration: row, position } as const;
    },
    { behavior: "immediate" },
  );
}

// On globalThis: one timer per process, however many bundles load this module.
const EXPIRY_KEY = Symbol.for("forum.holdExpiry");

/**
 * Every minute, cancels the holds whose time is up and promotes the waiting list, so that a seat
 * comes back even when no one registers. Several processes may each run one: the work is one
 * immediate transaction, and a hold expires once whoever gets there first.
 */
export function startHoldExpiry(onPromoted: () => void, intervalMs = 60_000): void {
  const holder = globalThis as { [EXPIRY_KEY]?: ReturnType<typeof setInterval> };
  if (holder[EXPIRY_KEY]) return;
  const run = () => {
    try {
      if (expireDueHolds()) onPromoted();
    } catch (error) {
      console.error(`[registrations] expiring holds failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  holder[EXPIRY_KEY] = setInterval(run, intervalMs);
  holder[EXPIRY_KEY].unref();
  run();
}

export function findByCode(code: string): Registration | undefined {
  return getDb().select().from(registrations).where(eq(registrations.code, code)).get();
}

/**
 * Gives the edition's free seats to its waiting list, first come first served, and tells each
 * person. Call it inside an immediate transaction (a cancellation, or a capacity raised in the
 * console). The edition is the current one when none is named.
 */
export function promoteWaiting(tx: Tx, actor = "system", eventId?: number): Registration[] {
  const promoted: Registration[] = [];
  const id = idOf(eventId);
  const free = freeSeats({ capacity: capacity(id), confirmed: seatsTaken(new Date(), id) });
  if (free === 0) return promoted;
  const next = tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, id), eq(registrations.status, "waiting")))
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

/**
 * Cancels a registration; a confirmed seat goes at once to the first person waiting in its
 * edition. The console names its edition (`eventId`): a registration of another one is not found.
 */
export function cancel(id: number, actor: string, eventId?: number): CancelResult {
  return getDb().transaction(
    (tx) => {
      const reg = tx.select().from(registrations).where(eq(registrations.id, id)).get();
      if (!reg || (eventId !== undefined && reg.eventId !== eventId)) return { ok: false, reason: "notFound" } as const;
      if (reg.status === "cancelled") return { ok: false, reason: "alreadyCancelled" } as const;
      const now = new Date();
      const row = tx
        .update(registrations)
        .set({
          status: "cancelled",
          cancelledAt: now,
          holdsSeat: false,
          updatedAt: now,
          version: sql`${registrations.version} + 1`,
        })
        .where(eq(registrations.id, id))
        .returning()
        .get()!;
      notify(tx, row, "cancellation");
      audit(tx, actor, "cancel", id, { status: reg.status }, { status: "cancelled" });
      releaseBookings(tx, id);
      const promoted = reg.status === "confirmed" || reg.holdsSeat ? promoteWaiting(tx, "system", reg.eventId) : [];
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
          .where(and(eq(registrations.eventId, reg.eventId), eq(registrations.emailKey, key)))
          .get();
        if (taken) return { ok: false, reason: "emailTaken" } as const;
      }
      const changes = detailColumns(details, key);
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
          holdsSeat: false,
          erasedAt: now,
          altName: null,
          // The personal calendar feed and the manage link stop working with the rest of the
          // person's data: the link's hash is replaced by one that no token has.
          calendarTokenHash: null,
          calendarTokenSeed: null,
          manageTokenHash: tokenHash(newSeed()),
          manageTokenSeed: null,
          noticesTokenHash: null,
          noticesTokenSeed: null,
          updatedAt: now,
          version: sql`${registrations.version} + 1`,
        })
        .where(eq(registrations.id, id))
        .run();
      tx.delete(stars).where(eq(stars.registrationId, id)).run();
      eraseEmails(tx, id);
      // Earlier edits recorded the details they changed; the trail keeps that they happened.
      forgetAuditDetails(tx, { entity: "registration", entityId: id, action: "update" });
      releaseBookings(tx, id);
      audit(tx, actor, "erase", id, { status: reg.status }, { status: "cancelled", erased: true });
      const promoted = reg.status === "confirmed" || reg.holdsSeat ? promoteWaiting(tx, "system", reg.eventId) : [];
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
    sql`update outbox set "to" = '', subject = '', text = '', html = '', attachments = null,
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
