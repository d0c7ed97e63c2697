/**
 * The verification code printed on a certificate of attendance: 20 characters from the alphabet
 * of registration codes (no 0/O, 1/I/L, so that it can be typed from paper), about 99 random bits,
 * in groups of four. Stored as is: the code is meant to be shown to third parties.
 */
import { randomBytes } from "node:crypto";

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const LENGTH = 20;

export function newVerificationCode(): string {
  const chars: string[] = [];
  while (chars.length < LENGTH) {
    for (const byte of randomBytes(32)) {
      // Bytes past the last whole multiple of the alphabet would favour its first letters.
      if (byte >= 248 || chars.length === LENGTH) continue;
      chars.push(ALPHABET[byte % ALPHABET.length]!);
    }
  }
  return chars.join("").match(/.{4}/g)!.join("-");
}

const SHAPE = /^[2-9A-HJKMNP-Z]{4}(?:-[2-9A-HJKMNP-Z]{4}){4}$/;

/** The code as typed (any case, spaces around): the stored form, or null for no code at all. */
export function normaliseVerificationCode(value: string): string | null {
  const code = value.trim().toUpperCase();
  return SHAPE.test(code) ? code : null;
}
