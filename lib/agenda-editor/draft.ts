/** The editable state of a session and the inputs that change it, as the console sends them. */
import { z } from "zod";
import { sessionTypes, speakerRoles, type SessionType, type SpeakerRole } from "../sessions/kinds";

/** What a `session_drafts` row holds: everything an organizer can change about a session. */
export type DraftData = {
  type: SessionType;
  titleEn: string;
  titleZh: string;
  abstractEn: string;
  abstractZh: string;
  roomId: number | null;
  trackId: number | null;
  /** UTC milliseconds. */
  startsAt: number;
  endsAt: number;
  seatLimit: number | null;
  speakers: { speakerId: number; role: SpeakerRole }[];
  cancelled: boolean;
};

export const TITLE_MAX = 200;
export const ABSTRACT_MAX = 4000;
export const SEAT_LIMIT_MAX = 100_000;
export const SPEAKERS_MAX = 30;
/** Drags snap to this, and the keyboard moves by it. */
export const SNAP_MINUTES = 15;

/**
 * A number as a form sends it (a string) or as the editor's own calls do (a number). Unlike
 * z.coerce, nothing else is turned into one: not a list ([7] would be 7), a boolean or null.
 */
const numeric = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? Number.NaN : Number(v)) : v), schema);

const id = numeric(z.number({ error: "invalid" }).int("invalid").positive("invalid").max(2 ** 31, "invalid"));
const optionalId = z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), id.nullable());

export const draftDataSchema = z.object({
  type: z.enum(sessionTypes),
  titleEn: z.string(),
  titleZh: z.string(),
  abstractEn: z.string(),
  abstractZh: z.string(),
  roomId: z.number().int().nullable(),
  trackId: z.number().int().nullable(),
  startsAt: z.number().int(),
  endsAt: z.number().int(),
  seatLimit: z.number().int().nullable(),
  speakers: z.array(z.object({ speakerId: z.number().int(), role: z.enum(speakerRoles) })),
  cancelled: z.boolean(),
});

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "invalid");
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "invalid");
const title = z.string().trim().min(1, "required").max(TITLE_MAX, "tooLong");
const abstract = z.string().trim().max(ABSTRACT_MAX, "tooLong");
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** Where and when: what a drag, a key press and the form all send. */
export const placementInput = z.object({
  roomId: id,
  day: date,
  start: time,
  end: time,
});

export const speakersInput = z
  .array(z.object({ speakerId: id, role: z.enum(speakerRoles, { error: "invalid" }) }))
  .max(SPEAKERS_MAX, "tooMany")
  .refine((list) => new Set(list.map((s) => s.speakerId)).size === list.length, "duplicate");

export const sessionFieldsInput = placementInput.extend({
  type: z.enum(sessionTypes, { error: "invalid" }),
  titleEn: title,
  titleZh: title,
  abstractEn: abstract,
  abstractZh: abstract,
  trackId: optionalId,
  seatLimit: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? null : v),
    numeric(z.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(SEAT_LIMIT_MAX, "invalid")).nullable(),
  ),
  speakers: speakersInput,
  cancelled: checkbox,
});

/** An edit names the revision it started from, so that a change made meanwhile is not overwritten. */
const edit = { sessionId: id, revision: numeric(z.number({ error: "invalid" }).int().min(0)), acknowledge: checkbox };

/** What the live check needs: where, when, who and how many seats; titles may still be empty. */
export const checkSessionInput = placementInput.extend({
  sessionId: numeric(z.number({ error: "invalid" }).int().min(0).max(2 ** 31)),
  seatLimit: sessionFieldsInput.shape.seatLimit,
  speakers: speakersInput,
  cancelled: checkbox,
});
export type CheckedFields = Omit<z.infer<typeof checkSessionInput>, "sessionId">;

export const createSessionInput = sessionFieldsInput.extend({ acknowledge: checkbox });
export const updateSessionInput = sessionFieldsInput.extend(edit);
export const moveSessionInput = placementInput.extend(edit);
export const sessionRefInput = z.object({ sessionId: id, revision: edit.revision });

export type SessionFields = z.infer<typeof sessionFieldsInput>;
export type Placement = z.infer<typeof placementInput>;

/** Field name → message key ("required", "tooLong", "invalid" …), for the form to translate. */
export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    const known = ["required", "tooLong", "invalid", "tooMany", "duplicate"];
    errors[field] ??= known.includes(issue.message) ? issue.message : "invalid";
  }
  return errors;
}

/** Reads the edit form: speakers come as parallel `speakerId` / `speakerRole` fields. */
export function sessionFormValues(form: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && key !== "speakerId" && key !== "speakerRole") {
      values[key] = value;
    }
  }
  const ids = form.getAll("speakerId");
  const roles = form.getAll("speakerRole");
  values.speakers = ids.map((speakerId, i) => ({ speakerId, role: roles[i] }));
  return values;
}
