/** What a registration may contain: one set of rules for the form, the manage page and the API. */
import { z } from "zod";
import { attendeeCategories } from "./categories";
import { invitationField } from "./invitations";

export const FORUM_DAYS = ["2024-07-11", "2024-07-12", "2024-07-13"] as const;

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

const text = (max: number, required = true) =>
  z
    .string({ error: "invalidType" })
    .transform((s) => s.trim())
    .pipe(required ? z.string().min(1, { error: "required" }).max(max, { error: "tooLong" }) : z.string().max(max, { error: "tooLong" }));

export const detailsSchema = z.strictObject(
  {
    fullName: text(120),
    email: z
      .string({ error: "invalidType" })
      .transform((s) => s.trim())
      .pipe(z.string().min(1, { error: "required" }).max(254, { error: "tooLong" }).pipe(z.email({ error: "invalidEmail" }))),
    organisation: text(160),
    jobTitle: text(120),
    phone: z
      .string({ error: "invalidType" })
      .transform((s) => s.trim())
      .pipe(z.string().max(32, { error: "tooLong" }).regex(/^$|^\+?[0-9 ()-]{5,32}$/, { error: "invalidPhone" }))
      .optional()
      .transform((s) => s || null),
    category: z.enum(attendeeCategories, { error: "invalidCategory" }),
    days: z
      .array(z.enum(FORUM_DAYS, { error: "invalidDay" }), { error: "invalidType" })
      .min(1, { error: "noDays" })
      .max(FORUM_DAYS.length, { error: "invalidDay" })
      .transform((days) => FORUM_DAYS.filter((d) => days.includes(d))),
    dietary: text(500, false).optional().default(""),
    accessibility: text(500, false).optional().default(""),
    newsConsent: z.boolean({ error: "invalidType" }).optional().default(false),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalidType") },
);

export const registrationSchema = detailsSchema.extend({
  consent: z.literal(true, { error: "consentRequired" }),
  /** A code from the organizers (lib/registration/invitations.ts): optional. */
  invitationCode: invitationField,
  locale: z.enum(["en", "zh-CN"]).optional().default("en"),
});

export type RegistrationInput = Omit<z.output<typeof registrationSchema>, "invitationCode">;
/** The parsed form or API body, with the invitation code it may carry. */
export type RegistrationRequest = z.output<typeof registrationSchema>;
export type DetailsInput = z.output<typeof detailsSchema>;

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
