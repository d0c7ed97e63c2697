/**
 * The QR code on a ticket carries "<code>.<signature>": check-in verifies the signature with the
 * server's key, so a ticket cannot be forged from a guessed code.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { isCode } from "./codes";

const sign = (code: string, key: Buffer) => createHmac("sha256", key).update(`ticket:v1:${code}`).digest().subarray(0, 16);

export function ticketToken(code: string, key: Buffer): string {
  return `${code}.${sign(code, key).toString("base64url")}`;
}

/** The registration code a ticket token names, or null when it is malformed or forged. */
export function verifyTicketToken(token: string, key: Buffer): string | null {
  const match = /^(CAF-[A-Z0-9]{8})\.([A-Za-z0-9_-]{22})$/.exec(token.trim());
  if (!match || !isCode(match[1]!)) return null;
  const given = Buffer.from(match[2]!, "base64url");
  const expected = sign(match[1]!, key);
  return given.length === expected.length && timingSafeEqual(given, expected) ? match[1]! : null;
}
