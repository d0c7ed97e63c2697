/**
 * The speaker's private sign-in link: a random token given out once, in the invitation email, of
 * which the database keeps only the SHA-256 (as for the attendees' links, lib/registration/
 * secret-links.ts). It works for 14 days unless an organizer renews it (a new link; the old one
 * stops) or revokes it.
 */
import { randomBytes } from "node:crypto";
import { tokenHash } from "../registration/secret-links";
import { formatDay, formatTime, offsetLabel, zonedDate } from "../time";

export const LINK_DAYS = 14;
const DAY_MS = 86_400_000;

export { tokenHash };

/** 192 random bits, URL-safe. */
export function newPortalToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, hash: tokenHash(token) };
}

/** Anything else is not a token we made, and is refused before any lookup. */
export function isPortalToken(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{32}$/.test(value);
}

export function linkExpiry(now: Date): Date {
  return new Date(now.getTime() + LINK_DAYS * DAY_MS);
}

export type LinkState = "active" | "expired" | "revoked";

/** Where a link stands at `now`: revoked wins over expired, since an organizer chose it. */
export function linkState(link: { expiresAt: Date; revokedAt: Date | null }, now: Date): LinkState {
  if (link.revokedAt) return "revoked";
  return link.expiresAt.getTime() > now.getTime() ? "active" : "expired";
}

/** The address the email carries; the token sits in the path, as the attendees' manage links do. */
export function portalLinkUrl(siteUrl: string, locale: "en" | "zh-CN", token: string): string {
  return `${siteUrl.replace(/\/+$/, "")}/${locale}/speaker/link/${token}`;
}

/** "14 December 2026 09:30 (UTC+8)": the instant a link stops, in the forum's zone, which it names. */
export function expiryText(expiresAt: Date, locale: string, timeZone: string): string {
  return `${formatDay(zonedDate(expiresAt, timeZone), locale, "date")} ${formatTime(expiresAt, locale, timeZone)} (${offsetLabel(expiresAt, timeZone)})`;
}
