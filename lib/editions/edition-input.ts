/** The console's form for a new edition, and the rules its values must follow. */
import { z } from "zod";
import { registrationModes } from "../registration/mode";
import { daysBetween, isCalendarDate, isClockTime, zonedToInstant } from "../time";

/** An edition may last two weeks at most: longer is a typing mistake, not a forum. */
export const MAX_EDITION_DAYS = 14;

/**
 * The first segments of the addresses under /[locale]/ that are pages of their own: an edition's
 * path ("2025" in /en/2025/agenda) may not be one of them, or its pages would hide them (and be
 * hidden). lib/editions/edition-input.test.ts fails when a folder of app/[locale] is missing here.
 */
export const RESERVED_PATHS: readonly string[] = [
  "admin",
  "agenda",
  "api",
  "archive",
  "checkin",
  "editions",
  "feeds",
  "files",
  "my-agenda",
  "notices",
  "privacy",
  "quotes",
  "register",
  "sessions",
  "sign-in",
  "speaker",
  "speakers",
  "ticket",
  "verify",
];

/** Whether Intl knows the zone ("Europe/Berlin"); "UTC" is one. */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z0-9_+\-/]{1,64}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The zones offered in the form's list; any other zone Intl knows is taken too. */
export function timeZoneChoices(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

function isLocalDateTime(value: string): boolean {
  const m = LOCAL.exec(value);
  return m !== null && isCalendarDate(m[1]!) && isClockTime(m[2]!);
}

const text = (max: number) => z.string().trim().min(1, { error: "required" }).max(max, { error: "tooLong" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .optional()
    .transform((s) => s || null);

export const editionInput = z
  .object({
    nameEn: text(200),
    nameZh: text(200),
    slug: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{2,32}$/, { error: "invalidSlug" }),
    path: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{2,20}$/, { error: "invalidPath" })
      .refine((p) => !RESERVED_PATHS.includes(p), { error: "reservedPath" }),
    startDate: z.string().refine(isCalendarDate, { error: "invalidDate" }),
    endDate: z.string().refine(isCalendarDate, { error: "invalidDate" }),
    // Stored as Intl spells it ("europe/berlin" is Europe/Berlin), so every page prints one name.
    timeZone: z
      .string()
      .trim()
      .refine(isTimeZone, { error: "unknownZone" })
      .transform((zone) => new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone),
    venueEn: text(300),
    venueZh: text(300),
    /** The home page's line under the name; blank shows none. */
    introEn: optionalText(500),
    introZh: optionalText(500),
    capacity: z
      .string()
      .trim()
      .transform((s) => (s === "" ? null : Number(s)))
      .pipe(
        z
          .number({ error: "invalidCapacity" })
          .int({ error: "invalidCapacity" })
          .min(0, { error: "invalidCapacity" })
          .max(100_000, { error: "invalidCapacity" })
          .nullable(),
      ),
    opensAt: z.string().trim().refine((s) => s === "" || isLocalDateTime(s), { error: "invalidTime" }),
    closesAt: z.string().trim().refine((s) => s === "" || isLocalDateTime(s), { error: "invalidTime" }),
    mode: z.enum(registrationModes, { error: "invalidMode" }),
    /** The id of the edition to copy rooms, tracks and sessions from; blank copies nothing. */
    copyFrom: z
      .string()
      .trim()
      .refine((s) => s === "" || /^[1-9][0-9]{0,8}$/.test(s), { error: "unknownEdition" })
      .transform((s) => (s === "" ? null : Number(s))),
  })
  .superRefine((v, ctx) => {
    if (!isCalendarDate(v.startDate) || !isCalendarDate(v.endDate)) return;
    if (v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "endBeforeStart" });
    else if (daysBetween(v.startDate, v.endDate).length > MAX_EDITION_DAYS) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "tooLong14" });
    }
  })
  .refine((v) => !v.opensAt || !v.closesAt || v.closesAt > v.opensAt, { path: ["closesAt"], error: "closesBeforeOpens" });

export type EditionInput = z.output<typeof editionInput>;

export const EDITION_FIELDS = [
  "nameEn",
  "nameZh",
  "slug",
  "path",
  "startDate",
  "endDate",
  "timeZone",
  "venueEn",
  "venueZh",
  "introEn",
  "introZh",
  "capacity",
  "opensAt",
  "closesAt",
  "mode",
  "copyFrom",
] as const;

/** The first error of each field, as message keys (editionsAdmin.errors.*). */
export function editionErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

/** "2025-05-01T09:00" on the edition's clocks, as an instant; blank is no bound. */
export function localInstant(value: string, timeZone: string): Date | null {
  const m = LOCAL.exec(value);
  return m ? zonedToInstant(m[1]!, m[2]!, timeZone) : null;
}
