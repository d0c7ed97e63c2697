/** Who an attendee is, as asked on the registration form; db/schema.ts stores it. */
export const attendeeCategories = ["industry", "media", "government", "academia", "other"] as const;
export type AttendeeCategory = (typeof attendeeCategories)[number];
