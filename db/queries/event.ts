import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { events, keyFigures, type Event } from "../schema";

/**
 * The current edition: the one the unprefixed addresses, feeds and forms show. A database made
 * before editions had one event, and the migration marked it current.
 */
export function getEvent(): Event {
  const event = getDb().query.events.findFirst({ where: eq(events.isCurrent, true) }).sync();
  if (!event) throw new Error("The database holds no current edition: run `npm run db:seed`.");
  return event;
}

export const currentEdition = getEvent;

/** One edition by its id, or undefined. */
export function editionById(id: number): Event | undefined {
  return getDb().query.events.findFirst({ where: eq(events.id, id) }).sync();
}

/** One edition by its segment in public addresses ("2024"), or undefined. */
export function editionByPath(path: string): Event | undefined {
  return getDb().query.events.findFirst({ where: eq(events.path, path) }).sync();
}

/** Every edition, the latest first. */
export function listEditions(): Event[] {
  return getDb().query.events.findMany({ orderBy: [desc(events.startDate)] }).sync();
}

export function listKeyFigures(eventId = getEvent().id) {
  return getDb().query.keyFigures.findMany({
    where: and(eq(keyFigures.eventId, eventId)),
    with: { source: true },
    orderBy: [asc(keyFigures.position)],
  }).sync();
}
