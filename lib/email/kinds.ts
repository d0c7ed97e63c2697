/** Every kind of email the forum sends; db/schema.ts stores it on each outbox row. */
export const attendeeEmailKinds = [
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
export type AttendeeEmailKind = (typeof attendeeEmailKinds)[number];

/** To speakers about their portal (lib/email/speaker-templates.ts): no registration of theirs. */
export const speakerEmailKinds = ["speaker-invitation", "speaker-approved", "speaker-returned"] as const;
export type SpeakerEmailKind = (typeof speakerEmailKinds)[number];

export const emailKinds = [...attendeeEmailKinds, ...speakerEmailKinds] as const;
export type EmailKind = (typeof emailKinds)[number];
