/** How an attendee was found at the door; db/schema.ts stores it on each check-in. */
export const checkInMethods = ["scan", "code", "name"] as const;
export type CheckInMethod = (typeof checkInMethods)[number];
