/**
 * Which badges to print: the attendee list's filters (same names and values as its address:
 * q, status, category, day) plus the layout. Unlike the list, the default is the confirmed.
 */
import { z } from "zod";
import { attendeeCategories } from "../../db/schema";
import { FORUM_DAYS } from "../registration/input";

export const badgeStatuses = ["confirmed", "waiting", "cancelled", "checked-in"] as const;
export const badgeLayouts = ["a6", "a4x4"] as const;
export type BadgeLayout = (typeof badgeLayouts)[number];

// Each field falls back on its own, so one bad value does not throw the others away.
const schema = z.object({
  layout: z.enum(badgeLayouts).catch("a6"),
  status: z.enum(badgeStatuses).catch("confirmed"),
  category: z.enum(attendeeCategories).optional().catch(undefined),
  day: z.enum(FORUM_DAYS).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});

export type BadgeFilters = z.output<typeof schema>;

type Raw = Record<string, string | string[] | undefined> | URLSearchParams;

export function parseBadgeFilters(raw: Raw): BadgeFilters {
  const get = (key: string) => {
    const value = raw instanceof URLSearchParams ? raw.get(key) : raw[key];
    return (Array.isArray(value) ? value[0] : value) || undefined;
  };
  return schema.parse(Object.fromEntries(["layout", "status", "category", "day", "q"].map((k) => [k, get(k)])));
}

/** The query string of the PDF for these filters, defaults left out. */
export function badgeQuery(f: BadgeFilters): string {
  const q = new URLSearchParams();
  if (f.layout !== "a6") q.set("layout", f.layout);
  if (f.status !== "confirmed") q.set("status", f.status);
  if (f.category) q.set("category", f.category);
  if (f.day) q.set("day", f.day);
  if (f.q) q.set("q", f.q);
  const text = q.toString();
  return text ? `?${text}` : "";
}
