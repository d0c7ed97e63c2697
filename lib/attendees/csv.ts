/**
 * CSV for spreadsheet programs: RFC 4180 quoting, CRLF lines, a byte-order mark so that Excel
 * reads UTF-8 (Chinese names) correctly, and formula injection neutralised.
 */
export type CsvValue = string | number | boolean | null | undefined;

// A spreadsheet treats a cell starting with one of these as a formula (or as the start of one).
const FORMULA_START = /^[=+\-@\t\r]/;
// Excel where ";" is the list separator (much of Europe) reads "a;=cmd()" as two cells, the second
// a formula, and ignores the quotes that begin mid-cell in such a reading: quoting is not enough.
// Each such part gets the apostrophe too, after spaces or quotes that could hide its start.
const FORMULA_AFTER_SEMICOLON = /;(?=[\s"]*[=+\-@])/g;

export function neutralise(text: string): string {
  const parts = text.replace(FORMULA_AFTER_SEMICOLON, ";'");
  return FORMULA_START.test(parts) ? `'${parts}` : parts;
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? neutralise(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",");
}

export const BOM = "\uFEFF";

/** The whole file: BOM, header, rows, each line ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return BOM + [header, ...rows].map((row) => `${csvLine(row)}\r\n`).join("");
}
