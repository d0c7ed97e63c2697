/**
 * The roles and what each may do. The console's three (db/schema.ts stores them on each user) sign
 * in with a password; the fourth, `speaker`, signs in with the private link an organizer sends
 * (db/queries/speaker-portal.ts) and sees only their own portal, never the console.
 */
export const userRoles = ["admin", "organizer", "staff"] as const;
export type UserRole = (typeof userRoles)[number];

export const roles = [...userRoles, "speaker"] as const;
export type Role = (typeof roles)[number];

export type Permission = "agenda" | "speakers" | "quotes" | "attendees" | "checkin" | "users" | "audit" | "editions";

const GRANTS: Record<Role, readonly Permission[]> = {
  // Creating an edition and choosing the current one changes what every visitor sees.
  admin: ["agenda", "speakers", "quotes", "attendees", "checkin", "users", "audit", "editions"],
  organizer: ["agenda", "speakers", "quotes", "attendees", "checkin"],
  staff: ["checkin"],
  // Their own page only: the portal checks that by the link, not by a permission of the console.
  speaker: [],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Where a user of this role lands after signing in. */
export function homePath(role: Role): string {
  // Staff only check people in, at the door; a speaker looks after their own page.
  if (role === "speaker") return "/speaker";
  return role === "staff" ? "/checkin" : "/admin";
}
