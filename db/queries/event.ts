import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { events, keyFigures, type Event } from "../schema";

// Prepared once per connection: the current edition is read on nearly every request (the
// registration API reads it for its days), and building the query each time cost more than
// running it.
const preparedFor = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    current: db.select().from(events).where(eq(events.isCurrent, true)).limit(1).prepare(),
    byId: db.select().from(events).where(eq(events.id, sql.placeholder("id"))).limit(1).prepare(),
  };
}

function statements() {
  const db = getDb();
  let prepared = preparedFor.get(db);
  if (!prepared) preparedFor.set(db, (prepared = prepare(db)));
  return prepared;
}

/**
 * The current edition: the one the unprefixed addresses, feeds and forms show. A database made
 * before editions had one event, and the migration marked it current.
 */
export function getEvent(): Event {
  const event = statements().current.get();
  if (!event) throw new Error("The database holds no current edition: run `npm run db:seed`.");
  return event;
}

export const currentEdition = getEvent;

/** One edition by its id, or undefined. */
export function editionById(id: number): Event | undefined {
  return statements().byId.get({ id });
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
