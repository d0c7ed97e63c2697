/** What a door volunteer scanned or typed: a signed ticket token, a registration code, or a name. */

export type CheckinInput =
  | { kind: "token"; token: string }
  | { kind: "code"; code: string }
  | { kind: "name"; query: string }
  | { kind: "empty" };

// The token's shape (lib/registration/ticket.ts): "<code>.<22 base64url characters>".
const TOKEN = /^(CAF-[A-Z0-9]{8})\.([A-Za-z0-9_-]{22})$/i;
// Codes are read aloud and typed on a phone: any case, the dash optional, spaces tolerated.
const CODE = /^CAF\s*-?\s*([A-Z0-9]{8})$/i;

export const MIN_NAME_QUERY = 2;
export const MAX_INPUT = 200;

export function parseCheckinInput(raw: string): CheckinInput {
  const value = raw.trim().slice(0, MAX_INPUT);
  if (!value) return { kind: "empty" };
  const token = TOKEN.exec(value);
  // The signature is case-sensitive; only the code part is upper-cased, as codes always are.
  if (token) return { kind: "token", token: `${token[1]!.toUpperCase()}.${token[2]}` };
  const code = CODE.exec(value);
  if (code) return { kind: "code", code: `CAF-${code[1]!.toUpperCase()}` };
  if (value.length < MIN_NAME_QUERY) return { kind: "empty" };
  return { kind: "name", query: value };
}

/** A LIKE pattern that matches the text anywhere, with the user's own % and _ taken literally. */
export function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
