/**
 * Which badges to print: the attendee list's own filters (lib/attendees/filters.ts, the same names
 * and values in the address), so that a list filtered there prints the people shown there; unlike
 * the list, the confirmed by default, and always by name, for a stack that is easy to hand out.
 */
import { z } from "zod";
import { attendeeQuery, parseAttendeeFilters, strictAttendeeFilters, type AttendeeFilters } from "../attendees/filters";

export const badgeLayouts = ["a6", "a4x4"] as const;
export type BadgeLayout = (typeof badgeLayouts)[number];

export type BadgeFilters = { layout: BadgeLayout; list: AttendeeFilters };

type Raw = Record<string, string | string[] | undefined> | URLSearchParams;

const layout = z.enum(badgeLayouts).catch("a6");

export function parseBadgeFilters(raw: Raw): BadgeFilters {
  const list = parseAttendeeFilters(raw);
  const given = raw instanceof URLSearchParams ? raw.get("layout") : [raw.layout].flat()[0];
  return {
    layout: layout.parse(given),
    list: { ...list, status: list.status ?? "confirmed", sort: "name", dir: "asc", page: 1 },
  };
}

/** The filters of the PDF's address, which the badges page writes: any other value is named, to be refused. */
export function strictBadgeFilters(raw: URLSearchParams): { ok: true; filters: BadgeFilters } | { ok: false; parameter: string } {
  const list = strictAttendeeFilters(raw);
  if (!list.ok) return list;
  const layouts = raw.getAll("layout");
  if (layouts.length > 1 || (layouts[0] !== undefined && !z.enum(badgeLayouts).safeParse(layouts[0]).success)) {
    return { ok: false, parameter: "layout" };
  }
  return { ok: true, filters: parseBadgeFilters(raw) };
}

/** The query string of the PDF for these filters. */
export function badgeQuery(f: BadgeFilters): string {
  const query = new URLSearchParams(attendeeQuery({ ...f.list, sort: "created", dir: "desc" }));
  if (f.layout !== "a6") query.set("layout", f.layout);
  const text = query.toString();
  return text ? `?${text}` : "";
}
