/** Turns the JSON body of POST /api/v1/registrations into a registration, or into field errors. */
import type { EditionDays } from "../edition";
import { fieldErrors, registrationSchema, type RegistrationRequest } from "../registration/input";

/**
 * The codes the API answers with in `fields`: those of lib/registration/input.ts, plus "invalid"
 * for a value that schema rejects without a code of its own (an unknown locale). Clients may rely
 * on them; the English `messages` next to them may change.
 */
export const fieldErrorCodes = [
  "required",
  "tooLong",
  "invalidEmail",
  "invalidPhone",
  "invalidCategory",
  "invalidDay",
  "noDays",
  "consentRequired",
  "invalidType",
  "unknownField",
  "invalid",
  "invalidInvitation",
  "invitationUnknown",
  "invitationUsedUp",
] as const;
export type FieldErrorCode = (typeof fieldErrorCodes)[number];

/** The English message of each code; the days named are the edition's own. */
export const fieldErrorMessages = (days: EditionDays): Record<FieldErrorCode, string> => ({
  required: "This field is required.",
  tooLong: "This value is too long.",
  invalidEmail: "Enter a valid email address, such as name@example.com.",
  invalidPhone:
    "Enter a phone number of 5 to 32 digits, spaces, brackets and dashes, optionally starting with +.",
  invalidCategory: "Choose one of: industry, media, government, academia, other.",
  invalidDay: `Choose days of the forum only: ${days.join(", ")}.`,
  noDays: "Choose at least one day.",
  consentRequired: "Consent to the privacy notice is required: send consent: true.",
  invalidType: "This value has the wrong type.",
  unknownField: "This field is not part of a registration.",
  invalid: "This value is not accepted.",
  invalidInvitation: "An invitation code looks like INV-7K3M9Q2P.",
  invitationUnknown: "This invitation code is not valid: check it with whoever gave it to you.",
  invitationUsedUp: "This invitation code has already been used by as many people as it admits.",
});

export type ParsedRegistration =
  { ok: true; input: RegistrationRequest } | { ok: false; fields: Record<string, FieldErrorCode> };

const isCode = (value: string): value is FieldErrorCode =>
  (fieldErrorCodes as readonly string[]).includes(value);

export function parseRegistration(
  body: Record<string, unknown>,
  days: EditionDays,
): ParsedRegistration {
  const schema = registrationSchema(days);
  // The fields a registration may have: anything else in the body is an error, never ignored.
  const registrationFields = Object.keys(schema.shape);
  const result = schema.safeParse(body);
  const fields: Record<string, FieldErrorCode> = {};
  if (!result.success) {
    for (const [field, code] of Object.entries(fieldErrors(result.error))) {
      // An optional field that is absent is never an error: an error on an absent field means a
      // required one is missing, whatever the schema called it ("invalidType", "invalidCategory").
      // Consent keeps its own code, which the form shows.
      const missing = !Object.hasOwn(body, field) && code !== "consentRequired";
      fields[field] = missing ? "required" : isCode(code) ? code : "invalid";
    }
  }
  // zod's strict object does not see an own "__proto__" key that JSON.parse creates.
  for (const key of Object.keys(body)) {
    if (!registrationFields.includes(key)) fields[key] ??= "unknownField";
  }
  if (!result.success || Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, input: result.data };
}

export function fieldMessages(
  fields: Record<string, FieldErrorCode>,
  days: EditionDays,
): Record<string, string> {
  const messages = fieldErrorMessages(days);
  return Object.fromEntries(Object.entries(fields).map(([field, code]) => [field, messages[code]]));
}
