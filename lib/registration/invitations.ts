/** Invitation codes: a code that lets a set number of people register, in every registration mode. */
import { z } from "zod";

// The alphabet of registration codes: no 0/O, 1/I/L, since codes are read out and typed.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export const MAX_INVITATION_USES = 1000;

/** "INV-" and eight characters of the alphabet, from `random` bytes (node:crypto's randomBytes). */
export function invitationCode(random: (n: number) => Uint8Array): string {
  const bytes = random(8);
  let code = "";
  for (let i = 0; i < 8; i++) code += ALPHABET[bytes[i]! % ALPHABET.length];
  return `INV-${code}`;
}

/** What a person types: spaces around it and lower case forgiven. */
export function normalizeInvitationCode(value: string): string {
  return value.trim().toUpperCase();
}

export function isInvitationCode(value: string): boolean {
  return /^INV-[2-9A-HJKMNP-Z]{8}$/.test(value);
}

/** The console's form for a new code. */
export const invitationSchema = z.object({
  label: z.string().trim().min(1, { error: "required" }).max(120, { error: "tooLong" }),
  maxUses: z.coerce
    .number({ error: "invalidUses" })
    .int({ error: "invalidUses" })
    .min(1, { error: "invalidUses" })
    .max(MAX_INVITATION_USES, { error: "invalidUses" }),
});

/** The optional code on the registration form and in the API: blank is none. */
export const invitationField = z
  .string({ error: "invalidType" })
  .max(40, { error: "tooLong" })
  .transform((s) => normalizeInvitationCode(s))
  .refine((s) => s === "" || isInvitationCode(s), { error: "invalidInvitation" })
  .optional()
  .transform((s) => s || null);
