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

export { isCode, isManageToken } from "./formats";
