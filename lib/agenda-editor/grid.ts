/** The reach and scale of the agenda editor's day grid, read from the edition's own program. */
import { minutesOfDay } from "../time";

export type GridHours = { start: number; end: number };

/** An edition with no session yet: a working day. */
export const DEFAULT_HOURS: GridHours = { start: 9 * 60, end: 18 * 60 };

/** Pixels per 15-minute row, smallest first; ZOOM_DEFAULT is an index into it. */
export const ZOOM_LEVELS = [12, 18, 24, 32, 44] as const;
export const ZOOM_DEFAULT = 2;

const DAY = 24 * 60;

/**
 * From the earliest start to the latest end of the edition's sessions on its own clocks, each
 * rounded out to the hour. A session that ends at midnight or after ends the day at 24:00.
 */
export function gridHours(sessions: readonly { startsAt: number; endsAt: number }[], timeZone: string): GridHours {
  if (sessions.length === 0) return DEFAULT_HOURS;
  let start = DAY;
  let end = 0;
  for (const s of sessions) {
    const from = minutesOfDay(s.startsAt, timeZone);
    const to = minutesOfDay(s.endsAt, timeZone);
    const spansMidnight = to <= from || s.endsAt - s.startsAt >= DAY * 60_000;
    start = Math.min(start, from);
    end = Math.max(end, spansMidnight ? DAY : to);
  }
  start = Math.floor(start / 60) * 60;
  end = Math.min(Math.ceil(end / 60) * 60, DAY);
  return end > start ? { start, end } : { start, end: Math.min(start + 60, DAY) };
}

/** The hours a viewer may choose to show, as the grid's start and end: whole hours of the day. */
export function hourChoices(): number[] {
  return Array.from({ length: 25 }, (_, h) => h * 60);
}
