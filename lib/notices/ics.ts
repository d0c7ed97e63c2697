/** The calendar entry a change notice carries for each changed session. */
import type { EmailAttachment } from "../email/kinds";
import { serializeCalendar } from "../ics/calendar";
import { sessionsCalendar, type FeedContext, type FeedSession } from "../ics/session-event";

/**
 * One session as the feeds have it after the publication (same UID, and a SEQUENCE that rose with
 * its version), as a file a mail client can apply: METHOD:CANCEL takes a cancelled session out of
 * the reader's calendar, PUBLISH updates the others.
 */
export function noticeAttachment(ctx: FeedContext, session: FeedSession): EmailAttachment {
  const method = session.status === "cancelled" ? "CANCEL" : "PUBLISH";
  const { refreshInterval: _once, ...calendar } = sessionsCalendar(ctx, { kind: "session", title: { en: session.titleEn, zh: session.titleZh } }, [session]);
  return {
    filename: `${ctx.event.slug}-${session.slug}.ics`,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: serializeCalendar({ ...calendar, method }),
  };
}
