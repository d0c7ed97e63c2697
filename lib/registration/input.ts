/** What a registration may contain: one set of rules for the form, the manage page and the API. */
import { z } from "zod";
import { attendeeCategories } from "./categories";
import { invitationField } from "./invitations";
import { perDays, type EditionDays } from "../edition";
import { locales } from "../localized";
import { trimmedText } from "../trimmed-text";

/** Error codes, each with a message in messages/*.json under "registration.errors". */
export type FieldError =
  | "required"
  | "tooLong"
  | "invalidEmail"
  | "invalidPhone"
  | "invalidCategory"
  | "invalidDay"
  | "noDays"
  | "consentRequired"
  | "invalidType"
  | "invalidInvitation";

/**
 * The longest value of each text field, after trimming: the rule here, and the maxLength that
 * the API's description (lib/api/openapi.ts) documents.
 */
export const MAX_TEXT = {
  fullName: 120,
  email: 254,
  organisation: 160,
  jobTitle: 120,
  phone: 32,
  dietary: 500,
  accessibility: 500,
} as const;

const text = (max: number, required = true) => trimmedText(max, { required });

/** The days attended: days of the edition only, each once, in the edition's order. */
export function daysField(days: EditionDays) {
  return z
    .array(z.enum(days, { error: "invalidDay" }), { error: "invalidType" })
    .min(1, { error: "noDays" })
    .max(days.length, { error: "invalidDay" })
    .transform((chosen) => days.filter((d) => chosen.includes(d)));
}

/** A registration's details; the days come from the edition's row (lib/edition.ts editionDays). */
export const detailsSchema = perDays((days: EditionDays) =>
  z.strictObject(
    {
      fullName: text(MAX_TEXT.fullName),
      email: z
        .string({ error: "invalidType" })
        .transform((s) => s.trim())
        .pipe(
          z
            .string()
            .min(1, { error: "required" })
            .max(MAX_TEXT.email, { error: "tooLong" })
            .pipe(z.email({ error: "invalidEmail" })),
        ),
      organisation: text(MAX_TEXT.organisation),
      jobTitle: text(MAX_TEXT.jobTitle),
      phone: z
        .string({ error: "invalidType" })
        .transform((s) => s.trim())
        .pipe(
          z
            .string()
            .max(MAX_TEXT.phone, { error: "tooLong" })
            .regex(/^$|^\+?[0-9 ()-]{5,32}$/, { error: "invalidPhone" }),
        )
        .optional()
        .transform((s) => s || null),
      category: z.enum(attendeeCategories, { error: "invalidCategory" }),
      days: daysField(days),
      dietary: text(MAX_TEXT.dietary, false).optional().default(""),
      accessibility: text(MAX_TEXT.accessibility, false).optional().default(""),
      newsConsent: z.boolean({ error: "invalidType" }).optional().default(false),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalidType") },
  ),
);

export const registrationSchema = perDays((days: EditionDays) =>
  detailsSchema(days).extend({
    consent: z.literal(true, { error: "consentRequired" }),
    /** A code from the organizers (lib/registration/invitations.ts): optional. */
    invitationCode: invitationField,
    locale: z.enum(locales).optional().default("en"),
  }),
);

/** The parsed form or API body, with the invitation code it may carry. */
export type RegistrationRequest = z.output<ReturnType<typeof registrationSchema>>;
export type RegistrationInput = Omit<RegistrationRequest, "invitationCode">;
export type DetailsInput = z.output<ReturnType<typeof detailsSchema>>;

/** Field errors keyed by field name; "form" for what belongs to no single field. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out[key] ??= "unknownField";
      continue;
    }
    const field = String(issue.path[0] ?? "form");
    out[field] ??= issue.message;
  }
  return out;
}

/** The comparison key of an email address: one registration per address. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
