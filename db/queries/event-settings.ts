import "server-only";
import { count, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { events, registrations, type Registration } from "../schema";
import { recordAudit } from "./audit";
import { getEvent } from "./event";
import { capacity, countByStatus, expireHolds, promoteWaiting, seatsTaken } from "./registrations";
import { forumCapacity } from "../../lib/registration/capacity";
import { effectiveMode, holdMinutes, type RegistrationMode } from "../../lib/registration/mode";

export type EventSettings = {
  /** The stored capacity; null when FORUM_CAPACITY (or its default) applies. */
  capacity: number | null;
  effectiveCapacity: number;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  startDate: string;
  endDate: string;
  timeZone: string;
  confirmed: number;
  waiting: number;
};

/**
 * The settings of one edition (the console's, else the current one). The seat counts are read by
 * db/queries/registrations.ts, which counts the edition that registrations go to.
 */
export function getEventSettings(eventId: number = getEvent().id): EventSettings {
  const event = getDb().select().from(events).where(eq(events.id, eventId)).get();
  if (!event) throw new Error(`No edition ${eventId}.`);
  return {
    capacity: event.capacity,
    effectiveCapacity: forumCapacity(event.capacity),
    registrationOpensAt: event.registrationOpensAt,
    registrationClosesAt: event.registrationClosesAt,
    startDate: event.startDate,
    endDate: event.endDate,
    timeZone: event.timeZone,
    confirmed: countByStatus("confirmed", eventId),
    waiting: countByStatus("waiting", eventId),
  };
}

export type SettingsInput = {
  capacity: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  startDate: string;
  endDate: string;
};

export type UpdateSettingsResult =
  | { ok: true; promoted: Registration[] }
  | { ok: false; reason: "belowConfirmed"; capacity: number; confirmed: number }
  | { ok: false; reason: "daysInUse"; registrations: number };

/**
 * Saves the settings in one immediate transaction: a capacity below the confirmed count is refused
 * with the numbers; a higher one gives the new seats to the waiting list at once, in order.
 */
export function updateEventSettings(input: SettingsInput, actor: string, eventId: number = getEvent().id): UpdateSettingsResult {
  return getDb().transaction(
    (tx) => {
      const event = tx.select().from(events).where(eq(events.id, eventId)).get();
      if (!event) throw new Error(`No edition ${eventId}.`);
      expireHolds(tx);
      // Held seats count: lowering the capacity under them would give a seat twice.
      const confirmed = seatsTaken(new Date(), eventId);
      const next = forumCapacity(input.capacity);
      if (next < confirmed) return { ok: false, reason: "belowConfirmed", capacity: next, confirmed } as const;
      // A day someone registered for cannot drop out of the forum under them.
      const outside =
        tx
          .select({ n: count() })
          .from(registrations)
          .where(
            sql`${registrations.eventId} = ${event.id} and ${registrations.status} != 'cancelled' and exists (select 1 from json_each(${registrations.days}) where value < ${input.startDate} or value > ${input.endDate})`,
          )
          .get()?.n ?? 0;
      if (outside > 0) return { ok: false, reason: "daysInUse", registrations: outside } as const;
      const before = {
        capacity: event.capacity,
        effectiveCapacity: capacity(eventId),
        registrationOpensAt: event.registrationOpensAt,
        registrationClosesAt: event.registrationClosesAt,
        startDate: event.startDate,
        endDate: event.endDate,
      };
      tx.update(events)
        .set({
          capacity: input.capacity,
          registrationOpensAt: input.registrationOpensAt,
          registrationClosesAt: input.registrationClosesAt,
          startDate: input.startDate,
          endDate: input.endDate,
          updatedAt: new Date(),
        })
        .where(eq(events.id, event.id))
        .run();
      recordAudit(tx, {
        actor,
        action: "update",
        entity: "event",
        entityId: event.id,
        before,
        after: { ...input, effectiveCapacity: next },
      });
      const promoted = next > before.effectiveCapacity ? promoteWaiting(tx, actor, eventId) : [];
      return { ok: true, promoted } as const;
    },
    { behavior: "immediate" },
  );
}

export type RegistrationModeSettings = {
  mode: RegistrationMode;
  /** Whether the console chose the mode; until then REGISTRATION_MODE (or `confirm`) applies. */
  modeChosen: boolean;
  holdMinutes: number;
};

export function getRegistrationModeSettings(eventId: number = getEvent().id): RegistrationModeSettings {
  const event = getDb().select({ mode: events.registrationMode, hold: events.holdMinutes }).from(events).where(eq(events.id, eventId)).get();
  return { mode: effectiveMode(event?.mode), modeChosen: event?.mode != null, holdMinutes: holdMinutes(event?.hold) };
}

/**
 * The organizer's choice of registration mode and hold. A change applies to new registrations:
 * pending ones keep what they were told (their hold's end, or an organizer's decision).
 */
export function updateRegistrationMode(
  input: { mode: RegistrationMode; holdMinutes: number },
  actor: string,
  eventId: number = getEvent().id,
): void {
  getDb().transaction(
    (tx) => {
      const event = tx.select().from(events).where(eq(events.id, eventId)).get();
      if (!event) throw new Error(`No edition ${eventId}.`);
      const before = { mode: effectiveMode(event.registrationMode), holdMinutes: holdMinutes(event.holdMinutes) };
      tx.update(events)
        .set({ registrationMode: input.mode, holdMinutes: input.holdMinutes, updatedAt: new Date() })
        .where(eq(events.id, event.id))
        .run();
      recordAudit(tx, { actor, action: "registration-mode", entity: "event", entityId: event.id, before, after: input });
    },
    { behavior: "immediate" },
  );
}
