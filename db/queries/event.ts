import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "../client";
import { keyFigures, type Event } from "../schema";

export function getEvent(): Event {
  const event = getDb().query.events.findFirst().sync();
  if (!event) throw new Error("The database holds no event: run `npm run db:seed`.");
  return event;
}

export function listKeyFigures() {
  return getDb().query.keyFigures.findMany({
    with: { source: true },
    orderBy: [asc(keyFigures.position)],
  }).sync();
}
