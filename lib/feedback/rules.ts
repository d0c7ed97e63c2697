/**
 * Who may rate a session, and when: pure, with the clock passed in by the caller so that the
 * rules are tested at any instant.
 */
import { z } from "zod";
import { zonedDate, zonedToInstant } from "../time";
import { COMMENT_MAX } from "./scale";

export { COMMENT_MAX, RATINGS } from "./scale";
/** Answers stay open for this many days after the forum's last day. */
export const FEEDBACK_GRACE_DAYS = 7;

export type FeedbackRefusal = "notRegistered" | "notEnded" | "closed";

export type FeedbackPerson = { status: "confirmed" | "waiting" | "cancelled" | "pending"; days: readonly string[]; erased: boolean };
export type FeedbackSession = { status: "draft" | "published" | "cancelled"; startsAt: Date; endsAt: Date; seatLimit: number | null };
export type FeedbackEdition = { endDate: string; timeZone: string };

/** The instant the window closes: midnight, on the forum's clocks, a week after its last day ends. */
export function feedbackClosesAt(edition: FeedbackEdition): Date {
  const [y, m, d] = edition.endDate.split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d + 1 + FEEDBACK_GRACE_DAYS)).toISOString().slice(0, 10);
  return zonedToInstant(day, "00:00", edition.timeZone);
}

/**
 * Whether the person registered for the session. A session with a seat limit takes bookings, so
 * only a held booking counts; any other session is open to everyone registered for its day (in
 * the forum's zone). A star is a bookmark, not a registration. Only a confirmed registration
 * counts, and only a session that took place (published, not cancelled).
 */
export function registeredFor(person: FeedbackPerson, session: FeedbackSession, booked: boolean, timeZone: string): boolean {
  if (person.erased || person.status !== "confirmed" || session.status !== "published") return false;
  if (session.seatLimit !== null) return booked;
  return person.days.includes(zonedDate(session.startsAt, timeZone));
}

/** Why an answer may not be given now, or null when it may: registration first, then time. */
export function feedbackRefusal(
  person: FeedbackPerson,
  session: FeedbackSession,
  booked: boolean,
  edition: FeedbackEdition,
  now: Date,
): FeedbackRefusal | null {
  if (!registeredFor(person, session, booked, edition.timeZone)) return "notRegistered";
  if (now.getTime() < session.endsAt.getTime()) return "notEnded";
  if (now.getTime() >= feedbackClosesAt(edition).getTime()) return "closed";
  return null;
}

/** The form's fields: a whole rating from 1 to 5 and an optional comment. */
export const feedbackInput = z.object({
  rating: z.coerce.number({ error: "rating" }).int({ error: "rating" }).min(1, { error: "rating" }).max(5, { error: "rating" }),
  comment: z
    .string()
    .default("")
    .transform((s) => s.replace(/\r\n/g, "\n").trim())
    .pipe(z.string().max(COMMENT_MAX, { error: "commentTooLong" })),
});

export type FeedbackInput = z.infer<typeof feedbackInput>;
