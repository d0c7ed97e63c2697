import { describe, expect, it } from "vitest";
import { can, homePath, roles, userRoles, type Permission } from "./roles";

const permissions: Permission[] = ["agenda", "speakers", "quotes", "attendees", "checkin", "users", "audit", "editions"];

describe("roles", () => {
  it("has a fourth role, speaker, that no console account can hold", () => {
    expect(roles).toEqual(["admin", "organizer", "staff", "speaker"]);
    expect(userRoles).not.toContain("speaker");
  });

  it("gives a speaker no permission of the console, and their own page as home", () => {
    for (const permission of permissions) expect(can("speaker", permission)).toBe(false);
    expect(homePath("speaker")).toBe("/speaker");
  });

  it("lets organizers (and admins) look after speakers, not staff", () => {
    expect(can("organizer", "speakers")).toBe(true);
    expect(can("admin", "speakers")).toBe(true);
    expect(can("staff", "speakers")).toBe(false);
  });
});
