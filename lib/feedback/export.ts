/** The answers as CSV and XLSX: one row per answer, the same columns in both. */
import writeXlsxFile from "write-excel-file/node";
import { neutralise, toCsv } from "../attendees/csv";

export type FeedbackExportRow = {
  sessionSlug: string;
  sessionTitle: string;
  startsAt: Date;
  code: string;
  fullName: string;
  rating: number;
  comment: string;
  updatedAt: Date;
};

export const FEEDBACK_COLUMNS = ["session", "title", "startsAt", "code", "fullName", "rating", "comment", "answeredAt"] as const;

export function feedbackValues(row: FeedbackExportRow): (string | number)[] {
  return [row.sessionSlug, row.sessionTitle, row.startsAt.toISOString(), row.code, row.fullName, row.rating, row.comment, row.updatedAt.toISOString()];
}

export function feedbackCsv(rows: readonly FeedbackExportRow[]): string {
  return toCsv(FEEDBACK_COLUMNS, rows.map(feedbackValues));
}

/**
 * Cells are typed: the rating a number, everything else text, never a formula. Text that a
 * spreadsheet would read as a formula once retyped gets the same apostrophe as in the CSV.
 */
export async function feedbackXlsx(rows: readonly FeedbackExportRow[]): Promise<Buffer> {
  const header = FEEDBACK_COLUMNS.map((value) => ({ value, fontWeight: "bold" as const }));
  const body = rows.map((row) =>
    feedbackValues(row).map((value) => (typeof value === "number" ? { type: Number, value } : { type: String, value: neutralise(value) })),
  );
  return writeXlsxFile([header, ...body]).toBuffer();
}

/** Named after the edition (its acronym), so that two editions' exports never pass for one another. */
export function feedbackFileName(edition: string, now: Date, extension: "csv" | "xlsx"): string {
  return `feedback-${edition}-${now.toISOString().slice(0, 10)}.${extension}`;
}
