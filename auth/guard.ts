import "server-only";
import type { Session } from "next-auth";
import { cookies } from "next/headers";
import { forbidden, redirect, unauthorized } from "next/navigation";
import { cache } from "react";
import { consoleSessionOpen } from "@/db/queries/console-sessions";
import { findUserById } from "@/db/queries/users";
import type { UserRole } from "@/lib/auth/roles";
import { can, type Permission } from "@/lib/auth/roles";
import { auth } from "./index";

export type { Permission };

export type ConsoleUser = {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  mustChangePassword: boolean;
};

type SignedSession = Session & { uid?: number; sv?: number; sid?: string };

/**
 * The signed-in user, read from the database on every request: a disabled user, a reset
 * password or a changed role takes effect at once, whatever the session cookie still says; and
 * so does signing out (or a restore of the database), which deletes the session's row.
 */
export const currentUser = cache(async (): Promise<ConsoleUser | null> => {
  const session = await signedSession();
  if (!session) return null;
  if (!consoleSessionOpen(session.sid, session.uid)) return null;
  const user = findUserById(session.uid);
  if (!user || user.disabled || user.sessionVersion !== session.sv) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
  };
});

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];
const DECODED_TTL_MS = 30_000;
const decoded = new Map<string, { uid: number; sv: number; sid: string; until: number }>();

/**
 * Who the session cookie names. Decrypting it costs about 2 ms, a large part of a check-in at
 * the door, so the result is kept for 30 s per cookie value. That only saves the decryption:
 * the user row and the session row are read on every request, so disabling a user, resetting a
 * password or signing out still takes effect at once.
 */
async function signedSession(): Promise<{ uid: number; sv: number; sid: string } | null> {
  const jar = await cookies();
  const cookie = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!cookie) return null;
  const now = Date.now();
  const hit = decoded.get(cookie);
  if (hit && hit.until > now) return hit;
  const session = (await auth()) as SignedSession | null;
  if (!session?.uid || typeof session.sv !== "number" || typeof session.sid !== "string") return null;
  if (decoded.size >= 1000) {
    for (const [key, value] of decoded) if (value.until <= now) decoded.delete(key);
    if (decoded.size >= 1000) decoded.clear();
  }
  const entry = { uid: session.uid, sv: session.sv, sid: session.sid, until: Math.min(now + DECODED_TTL_MS, Date.parse(session.expires)) };
  decoded.set(cookie, entry);
  return entry;
}

const LANDING: Record<Permission, string> = {
  agenda: "/admin/agenda",
  speakers: "/admin/speakers",
  quotes: "/admin/quotes",
  attendees: "/admin/attendees",
  checkin: "/checkin",
  users: "/admin/users",
  audit: "/admin/audit",
  editions: "/admin/editions",
};

/** For console pages: sign-in first, then the role; a password someone else chose is replaced first. */
export async function requirePageUser(
  locale: string,
  permission: Permission | "self",
  /** Where to come back to after signing in, when not the permission's usual page. */
  path?: string,
): Promise<ConsoleUser> {
  const user = await currentUser();
  if (!user) {
    const next = path ?? (permission === "self" ? "/admin/account" : LANDING[permission]);
    redirect(`/${locale}/sign-in?next=${encodeURIComponent(next)}`);
  }
  if (permission === "self") return user;
  if (!can(user.role, permission)) forbidden();
  if (user.mustChangePassword) redirect(`/${locale}/admin/account?required=1`);
  return user;
}

/**
 * The first call of every console Server Action: 401 signed out, 403 without the permission.
 * A user whose password someone else chose (first admin, new user, reset) may only change it
 * ("self"): every other action answers 403 until they have.
 */
export async function requireActionUser(permission: Permission | "self"): Promise<ConsoleUser> {
  const user = await currentUser();
  if (!user) unauthorized();
  if (permission !== "self" && (!can(user.role, permission) || user.mustChangePassword)) forbidden();
  return user;
}

/** For route handlers: the user, or the 401/403 response to return as it is. */
export async function requireRouteUser(permission: Permission): Promise<ConsoleUser | Response> {
  const user = await currentUser();
  const headers = { "Cache-Control": "no-store" };
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401, headers });
  if (!can(user.role, permission)) {
    return Response.json({ error: "Your role does not allow this." }, { status: 403, headers });
  }
  if (user.mustChangePassword) {
    return Response.json({ error: "Choose a new password first (My account)." }, { status: 403, headers });
  }
  return user;
}

export function actorOf(user: ConsoleUser): string {
  return `user:${user.id}`;
}
