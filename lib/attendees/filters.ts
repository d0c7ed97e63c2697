/** The attendee list's filters as they live in the address: parsed leniently, written back canonically. */
import { z } from "zod";
import { attendeeCategories } from "../registration/categories";
import { isCalendarDate } from "../time";

export const attendeeStatuses = ["confirmed", "pending", "waiting", "cancelled", "checked-in"] as const;
export type AttendeeStatusFilter = (typeof attendeeStatuses)[number];

/** Columns the list may be sorted by: anything else falls back to the newest first. */
export const sortColumns = ["created", "name", "organisation", "category", "status", "code"] as const;
export type SortColumn = (typeof sortColumns)[number];

export const PAGE_SIZE = 50;

const fields = {
  q: z.string().trim().max(100),
  status: z.enum(attendeeStatuses),
  category: z.enum(attendeeCategories),
  day: z.string().refine(isCalendarDate),
  sort: z.enum(sortColumns),
  dir: z.enum(["asc", "desc"]),
  page: z.coerce.number().int().min(1).max(100_000),
};
type Key = keyof typeof fields;
const keys = Object.keys(fields) as Key[];

// Each field falls back on its own, so one bad value does not throw the others away.
const schema = z.object({
  q: fields.q.optional().catch(undefined),
  status: fields.status.optional().catch(undefined),
  category: fields.category.optional().catch(undefined),
  day: fields.day.optional().catch(undefined),
  sort: fields.sort.optional().catch(undefined),
  dir: fields.dir.optional().catch(undefined),
  page: fields.page.optional().catch(undefined),
});

export type AttendeeFilters = {
  q: string;
  status?: AttendeeStatusFilter;
  category?: (typeof attendeeCategories)[number];
  day?: string;
  sort: SortColumn;
  dir: "asc" | "desc";
  page: number;
};

type Raw = Record<string, string | string[] | undefined> | URLSearchParams;

function first(raw: Raw, key: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(key) ?? undefined;
  const value = raw[key];
  return Array.isArray(value) ? value[0] : value;
}

export function parseAttendeeFilters(raw: Raw): AttendeeFilters {
  const parsed = schema.parse(Object.fromEntries(keys.map((k) => [k, first(raw, k) || undefined])));
  const sort = parsed.sort ?? "created";
  return {
    q: parsed.q ?? "",
    status: parsed.status,
    category: parsed.category,
    day: parsed.day,
    sort,
    // Newest first by default; names and the like read best from A.
    dir: parsed.dir ?? (sort === "created" ? "desc" : "asc"),
    page: parsed.page ?? 1,
  };
}

/**
 * The filters of an address the list wrote (the exports, the badges), where a value the list never
 * writes was typed or crafted by hand: it is named, to be refused, rather than silently dropped
 * (which would export everyone instead of the people asked for).
 */
export function strictAttendeeFilters(raw: URLSearchParams): { ok: true; filters: AttendeeFilters } | { ok: false; parameter: Key } {
  for (const key of keys) {
    const values = raw.getAll(key);
    if (values.length > 1 || (values[0] && !fields[key].safeParse(values[0]).success)) return { ok: false, parameter: key };
  }
  return { ok: true, filters: parseAttendeeFilters(raw) };
}

/** The query string for these filters with some changed; defaults are left out. */
export function attendeeQuery(filters: AttendeeFilters, change: Partial<AttendeeFilters> = {}): string {
  const f = { ...filters, ...change };
  const q = new URLSearchParams();
  if (f.q) q.set("q", f.q);
  if (f.status) q.set("status", f.status);
  if (f.category) q.set("category", f.category);
  if (f.day) q.set("day", f.day);
  if (f.sort !== "created") q.set("sort", f.sort);
  if (f.dir !== (f.sort === "created" ? "desc" : "asc")) q.set("dir", f.dir);
  if (f.page > 1) q.set("page", String(f.page));
  const text = q.toString();
  return text ? `?${text}` : "";
}

/** A LIKE pattern matching `q` anywhere, with LIKE's own wildcards taken literally (ESCAPE '\'). */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
