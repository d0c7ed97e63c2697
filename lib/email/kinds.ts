/** The emails lib/email/templates.ts writes from a registration's facts. */
export const templateKinds = [
  "confirmation",
  "waiting",
  "promotion",
  "cancellation",
  "manage-link",
  "session-promotion",
  "link-replaced",
  "confirm-request",
  "approval-request",
  "approved",
  "declined",
] as const;
export type TemplateKind = (typeof templateKinds)[number];
/** The same kinds, by whom they go to: people who registered. */
export const attendeeEmailKinds = templateKinds;
export type AttendeeEmailKind = TemplateKind;

/** To speakers about their portal (lib/email/speaker-templates.ts): no registration of theirs. */
export const speakerEmailKinds = [
  "speaker-invitation",
  "speaker-approved",
  "speaker-returned",
  // About one session's slides and recording the speaker proposed.
  "speaker-materials-approved",
  "speaker-materials-returned",
] as const;
export type SpeakerEmailKind = (typeof speakerEmailKinds)[number];

/**
 * Every kind of email the forum sends; db/schema.ts stores it on each outbox row. A change notice
 * is written by lib/notices/email.ts, for an attendee or for a speaker of the changed sessions; an
 * organizer's announcement (and its test) by lib/announcements/email.ts.
 */
export const emailKinds = [...templateKinds, "change-notice", "speaker-change-notice", ...speakerEmailKinds, "announcement"] as const;
export type EmailKind = (typeof emailKinds)[number];

/** A file sent with an email, as the outbox stores it: the content is text (a calendar entry). */
export type EmailAttachment = { filename: string; contentType: string; content: string };
