/** What a speaker profile may contain: the console's one set of rules for create and edit. */
import { z } from "zod";
import { trimmedText } from "../trimmed-text";

/** Error codes, each with a message under "speakersAdmin.errors" in messages/*.json. */
export type SpeakerFieldError = "required" | "tooLong" | "invalidType";

export const SPEAKER_LIMITS = {
  name: 120,
  title: 200,
  organisation: 200,
  bio: 4000,
} as const;

const text = (max: number, required = false) => trimmedText(max, { required });

export const speakerSchema = z.strictObject(
  {
    nameEn: text(SPEAKER_LIMITS.name, true),
    // Only where a source gives the Chinese form; empty means "show the English name".
    nameZh: text(SPEAKER_LIMITS.name).transform((s) => s || null),
    titleEn: text(SPEAKER_LIMITS.title),
    titleZh: text(SPEAKER_LIMITS.title),
    organisationEn: text(SPEAKER_LIMITS.organisation),
    organisationZh: text(SPEAKER_LIMITS.organisation),
    bioEn: text(SPEAKER_LIMITS.bio),
    bioZh: text(SPEAKER_LIMITS.bio),
    listed: z.boolean({ error: "invalidType" }),
  },
  { error: () => "invalidType" },
);

export type SpeakerInput = z.output<typeof speakerSchema>;

export const SPEAKER_TEXT_FIELDS = [
  "nameEn",
  "nameZh",
  "titleEn",
  "titleZh",
  "organisationEn",
  "organisationZh",
  "bioEn",
  "bioZh",
] as const;

export type SpeakerFormValues = Record<(typeof SPEAKER_TEXT_FIELDS)[number], string> & {
  listed: boolean;
};

type FormLike = { get(name: string): unknown };

/** The form as typed, to validate and to give back with its errors. A missing field reads as empty. */
export function readSpeakerForm(form: FormLike): SpeakerFormValues {
  const values = { listed: form.get("listed") === "on" } as SpeakerFormValues;
  for (const field of SPEAKER_TEXT_FIELDS) {
    const value = form.get(field);
    values[field] = typeof value === "string" ? value : "";
  }
  return values;
}

/** First error per field, keyed by field name. */
export function speakerErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "form")] ??= issue.message;
  return out;
}
