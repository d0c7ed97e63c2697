/** Filtering and laying out the public agenda; shared by the server render and the browser. */
import { matches, queryTerms, searchText } from "./search";
import { minutesOfDay } from "./time";

export type AgendaItem = {
  slug: string;
  type: string;
  day: string;
  startsAt: number;
  endsAt: number;
  titleEn: string;
  titleZh: string;
  abstractEn: string;
  abstractZh: string;
  room: { slug: string } | null;
  track: { slug: string; nameEn: string; nameZh: string } | null;
  speakers: { nameEn: string; nameZh: string | null }[];
};

export type AgendaQuery = {
  day: string;
  track: string | null;
  type: string | null;
  room: string | null;
  q: string;
};

export type AgendaOptions = {
  days: readonly string[];
  tracks: readonly string[];
  types: readonly string[];
  rooms: readonly string[];
};

type Params = { get(name: string): string | null };

const known = (value: string | null, allowed: readonly string[]) =>
  value !== null && allowed.includes(value) ? value : null;

/** Reads the view from the query string; values that name nothing are ignored, not errors. */
export function parseAgendaQuery(params: Params, options: AgendaOptions): AgendaQuery {
  return {
    day: known(params.get("day"), options.days) ?? options.days[0] ?? "",
    track: known(params.get("track"), options.tracks),
    type: known(params.get("type"), options.types),
    room: known(params.get("room"), options.rooms),
    q: (params.get("q") ?? "").slice(0, 200),
  };
}

/** The query string for a view, leaving out what is at its default. */
export function agendaQueryString(query: AgendaQuery, options: AgendaOptions): string {
  const params = new URLSearchParams();
  if (query.day && query.day !== options.days[0]) params.set("day", query.day);
  return filtersInto(params, query);
}

/** The query string of the filters alone: on a day's own address the day is in the path. */
export function filterQueryString(query: Omit<AgendaQuery, "day">): string {
  return filtersInto(new URLSearchParams(), query);
}

function filtersInto(params: URLSearchParams, query: Omit<AgendaQuery, "day">): string {
  if (query.track) params.set("track", query.track);
  if (query.type) params.set("type", query.type);
  if (query.room) params.set("room", query.room);
  if (query.q.trim()) params.set("q", query.q);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function agendaSearchText(item: AgendaItem): string {
  return searchText([
    item.titleEn,
    item.titleZh,
    item.abstractEn,
    item.abstractZh,
    item.track?.nameEn,
    item.track?.nameZh,
    ...item.speakers.flatMap((s) => [s.nameEn, s.nameZh]),
  ]);
}

/**
 * The address of one day of an edition's agenda ("/<path>/agenda/<day>", without the language),
 * rendered ahead so that every day's sessions are reachable by links alone.
 */
export function agendaDayPath(prefix: string, day: string): string {
  return `${prefix}/agenda/${day}`;
}

/** The day an agenda address names in its last segment ("/en/agenda/<day>"), if it is one of the days. */
export function dayOfPath(pathname: string, days: readonly string[]): string | null {
  const last = pathname.replace(/\/+$/, "").split("/").pop() ?? "";
  return days.includes(last) ? last : null;
}

/** Sessions matching every filter but the day, so that each day's tab can say how many match. */
export function filterAgenda<T extends AgendaItem>(
  items: readonly T[],
  query: Omit<AgendaQuery, "day">,
  textOf: (item: T) => string = agendaSearchText,
): T[] {
  const terms = queryTerms(query.q);
  return items.filter(
    (item) =>
      (!query.track || item.track?.slug === query.track) &&
      (!query.type || item.type === query.type) &&
      (!query.room || item.room?.slug === query.room) &&
      (terms.length === 0 || matches(textOf(item), terms)),
  );
}

export const SLOT_MINUTES = 5;

/**
 * Grid rows for one day: row 1 is the room header, then one row per five minutes from the
 * half-hour before the first session to the half-hour after the last.
 */
export function gridFrame(items: readonly AgendaItem[], timeZone: string) {
  if (items.length === 0) return { firstMinute: 0, lastMinute: 0, slots: 0 };
  const starts = items.map((i) => minutesOfDay(i.startsAt, timeZone));
  const ends = items.map((i) => minutesOfDay(i.endsAt, timeZone) || 24 * 60);
  const firstMinute = Math.floor(Math.min(...starts) / 30) * 30;
  const lastMinute = Math.ceil(Math.max(...ends) / 30) * 30;
  return { firstMinute, lastMinute, slots: (lastMinute - firstMinute) / SLOT_MINUTES };
}

export function gridRows(item: AgendaItem, firstMinute: number, timeZone: string) {
  const start = minutesOfDay(item.startsAt, timeZone);
  const end = minutesOfDay(item.endsAt, timeZone) || 24 * 60;
  return {
    rowStart: 2 + Math.floor((start - firstMinute) / SLOT_MINUTES),
    rowEnd: 2 + Math.ceil((end - firstMinute) / SLOT_MINUTES),
  };
}
