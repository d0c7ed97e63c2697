/** The event settings form: capacity, registration window in the forum's zone, and the days. */
import { z } from "zod";
import { isCalendarDate, isClockTime, zonedToInstant, wallClock } from "../time";

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/** "2024-05-01T09:00", a datetime-local value of a day and time that exist (no 2024-02-30, no 25:00). */
function isLocalDateTime(value: string): boolean {
  const m = LOCAL.exec(value);
  return m !== null && isCalendarDate(m[1]!) && isClockTime(m[2]!);
}

export const settingsSchema = z
  .object({
    capacity: z
      .string()
      .trim()
      .transform((s) => (s === "" ? null : Number(s)))
      .pipe(z.number({ error: "invalidCapacity" }).int({ error: "invalidCapacity" }).min(0, { error: "invalidCapacity" }).max(100_000, { error: "invalidCapacity" }).nullable()),
    opensAt: z.string().trim().refine((s) => s === "" || isLocalDateTime(s), { error: "invalidTime" }),
    closesAt: z.string().trim().refine((s) => s === "" || isLocalDateTime(s), { error: "invalidTime" }),
    startDate: z.string().refine(isCalendarDate, { error: "invalidDate" }),
    endDate: z.string().refine(isCalendarDate, { error: "invalidDate" }),
  })
  .refine((s) => s.endDate >= s.startDate, { path: ["endDate"], error: "endBeforeStart" })
  .refine((s) => !s.opensAt || !s.closesAt || s.closesAt > s.opensAt, { path: ["closesAt"], error: "closesBeforeOpens" });

export type SettingsForm = z.output<typeof settingsSchema>;

/** "2024-05-01T09:00" on the forum's clocks, as an instant; blank is no bound. */
export function localToInstant(value: string, timeZone: string): Date | null {
  const m = LOCAL.exec(value);
  return m ? zonedToInstant(m[1]!, m[2]!, timeZone) : null;
}

/** The value of a datetime-local input showing an instant on the forum's clocks. */
export function instantToLocal(instant: Date | null, timeZone: string): string {
  if (!instant) return "";
  const w = wallClock(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}
