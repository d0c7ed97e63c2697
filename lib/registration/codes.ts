import { randomBytes } from "node:crypto";

// No 0/O, 1/I/L: codes are read aloud and typed at the door.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function registrationCode(): string {
  const bytes = randomBytes(8);
  let code = "";
  for (let i = 0; i < 8; i++) code += ALPHABET[bytes[i]! % ALPHABET.length];
  return `CAF-${code}`;
}

/** 192 random bits, URL-safe. */
export function manageToken(): string {
  return randomBytes(24).toString("base64url");
}

export function isCode(value: string): boolean {
  return /^CAF-[2-9A-HJKMNP-Z]{8}$/.test(value);
}

export function isManageToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{32}$/.test(value);
}
