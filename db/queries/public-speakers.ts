import "server-only";
import { eq, inArray, or } from "drizzle-orm";
import { getDb } from "../client";
import { sessionSpeakers, sessions, speakers } from "../schema";

/**
 * Who the public site shows: speakers an organizer has listed, and anyone on a published or
 * cancelled session (the session page names them already). A profile created in the console stays
 * private, with its quotes, until one of these holds.
 */
export function publicSpeakerCondition() {
  const db = getDb();
  const onProgram = db
    .select({ id: sessionSpeakers.speakerId })
    .from(sessionSpeakers)
    .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
    .where(inArray(sessions.status, ["published", "cancelled"]));
  return or(eq(speakers.listed, true), inArray(speakers.id, onProgram))!;
}

/** The ids of the speakers the public may see, as a subquery. */
export function publicSpeakerIds() {
  return getDb().select({ id: speakers.id }).from(speakers).where(publicSpeakerCondition());
}
