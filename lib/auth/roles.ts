/** The console roles (db/schema.ts stores them on each user) and what each may do. */
export const userRoles = ["admin", "organizer", "staff"] as const;
export type UserRole = (typeof userRoles)[number];

export type Permission = "agenda" | "speakers" | "quotes" | "attendees" | "checkin" | "users" | "audit" | "editions";

const GRANTS: Record<UserRole, readonly Permission[]> = {
  // Creating an edition and choosing the current one changes what every visitor sees.
  admin: ["agenda", "speakers", "quotes", "attendees", "checkin", "users", "audit", "editions"],
  organizer: ["agenda", "speakers", "quotes", "attendees", "checkin"],
  staff: ["checkin"],
};

export function can(role: UserRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Where a user of this role lands after signing in. */
export function homePath(role: UserRole): string {
  // Staff only check people in, at the door.
  return role === "staff" ? "/checkin" : "/admin";
}
