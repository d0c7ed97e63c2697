/** Times as schedule.json and schedule.xml write them: wall-clock time in the forum's zone, with its offset. */
import { wallClock, zoneOffsetMinutes } from "../time";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "+08:00", "-03:30", "+00:00" */
export function offsetText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2025-09-30T09:00:00+02:00": the instant as the clocks of `timeZone` show it. */
export function zonedIso(instant: Date | number, timeZone: string): string {
  const ms = new Date(instant).getTime();
  const w = wallClock(ms, timeZone);
  const seconds = Math.floor((((ms % 60_000) + 60_000) % 60_000) / 1000);
  return (
    `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(seconds)}` +
    offsetText(zoneOffsetMinutes(ms, timeZone))
  );
}

/** "09:00" in the zone. */
export function zonedClock(instant: Date | number, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** "01:30" for ninety minutes; never negative. */
export function durationText(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}
