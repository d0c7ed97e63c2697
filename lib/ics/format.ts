/** The RFC 5545 building blocks: TEXT escaping, UTC DATE-TIME, and content lines folded at 75 octets. */

export const CRLF = "\r\n";

/** Longest physical line, in octets, not counting the CRLF (RFC 5545 §3.1). */
export const MAX_LINE_OCTETS = 75;

// Control characters other than HTAB are not allowed in a TEXT value; newlines are escaped apart.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A TEXT value (§3.3.11): backslash, semicolon, comma and newline escaped. */
export function escapeText(value: string): string {
  return value
    .replace(CONTROL, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A DATE-TIME in UTC (§3.3.5, form 2): 20240711T010000Z. */
export function formatUtcDateTime(instant: Date | number): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) throw new RangeError("Not a valid instant");
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

const encoder = new TextEncoder();

function utf8Length(codePoint: string): number {
  const cp = codePoint.codePointAt(0) ?? 0;
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line (§3.1): physical lines of at most 75 octets, each continuation starting
 * with a space, and never a break inside a UTF-8 sequence, so that Chinese text survives intact.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  // The first line holds 75 octets; every later one 74 after its leading space.
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** A property whose value is already in its final form (a URI, a DATE-TIME, an integer). */
export function rawProperty(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

/** A property of value type TEXT. */
export function textProperty(name: string, value: string): string {
  return rawProperty(name, escapeText(value));
}

/** A property whose value is a list of TEXT (CATEGORIES): each item escaped, joined by bare commas. */
export function textListProperty(name: string, items: string[]): string {
  return rawProperty(name, items.map(escapeText).join(","));
}
