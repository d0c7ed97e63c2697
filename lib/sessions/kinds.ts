/** The kinds of a programme session and of a speaker's part in it; db/schema.ts stores these. */
export const sessionTypes = [
  "keynote",
  "talk",
  "panel",
  "workshop",
  "ceremony",
  "site-visit",
  "demo",
  "break",
] as const;
export type SessionType = (typeof sessionTypes)[number];

export const sessionStatuses = ["draft", "published", "cancelled"] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

export const speakerRoles = ["speaker", "moderator", "panelist", "host"] as const;
export type SpeakerRole = (typeof speakerRoles)[number];
