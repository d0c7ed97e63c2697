/** Where a registration and a session booking stand; db/schema.ts stores these. */
export const registrationStatuses = ["confirmed", "waiting", "cancelled", "pending"] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export const sessionBookingStatuses = ["booked", "waiting", "cancelled"] as const;
