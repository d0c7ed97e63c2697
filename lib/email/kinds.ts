/** Every kind of email the forum sends; db/schema.ts stores it on each outbox row. */
export const emailKinds = [
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
export type EmailKind = (typeof emailKinds)[number];
