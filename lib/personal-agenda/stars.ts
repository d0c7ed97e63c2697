/**
 * The stars as the browser keeps them, and the API's answers as the browser reads them. Stars are
 * session slugs everywhere: in localStorage, in the API and in the pages rendered ahead.
 */
import { isManageToken } from "../registration/formats";
import { isSlug } from "../slug";

export const STARS_KEY = "forum.stars";
export const TOKEN_KEY = "forum.manageToken";

/** More than the forum has sessions; a bound on what a tampered store or body can make us hold. */
export const MAX_STARS = 500;

export type BookingMark = { slug: string; status: "booked" | "waiting" };
export type MeData = { stars: string[]; bookings: BookingMark[] };

/** Valid slugs, each once, in their first order; anything else is dropped. */
export function cleanStars(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  for (const item of value) {
    if (typeof item === "string" && isSlug(item)) seen.add(item);
    if (seen.size >= MAX_STARS) break;
  }
  return [...seen];
}

/** The stored list: a JSON array of slugs. A missing or damaged entry reads as no stars. */
export function parseStars(raw: string | null): string[] {
  if (!raw) return [];
  try {
    return cleanStars(JSON.parse(raw));
  } catch {
    return [];
  }
}

export function parseToken(raw: string | null): string | null {
  return raw && isManageToken(raw) ? raw : null;
}

export function withStar(stars: readonly string[], slug: string, on: boolean): string[] {
  const rest = stars.filter((s) => s !== slug);
  return on ? [...rest, slug] : rest;
}

/** The answer of `GET /api/v1/me` (or the `stars` of the other answers), or null if it is not one. */
export function parseMe(value: unknown): MeData | null {
  if (typeof value !== "object" || value === null || !Array.isArray((value as { stars?: unknown }).stars)) {
    return null;
  }
  const { stars, bookings } = value as { stars: unknown; bookings?: unknown };
  const marks = Array.isArray(bookings)
    ? bookings.filter(
        (b): b is BookingMark =>
          typeof b === "object" &&
          b !== null &&
          typeof b.slug === "string" &&
          (b.status === "booked" || b.status === "waiting"),
      )
    : [];
  return { stars: cleanStars(stars), bookings: marks.map(({ slug, status }) => ({ slug, status })) };
}
