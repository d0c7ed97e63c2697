/** The columns of the CSV and XLSX exports, shared so that both hold the same thing. */
export type ExportRow = {
  code: string;
  status: string;
  fullName: string;
  altName: string | null;
  email: string;
  organisation: string;
  jobTitle: string;
  phone: string | null;
  category: string;
  days: string[];
  checkedInDays: string[];
  dietary: string;
  accessibility: string;
  consentNews: boolean;
  capacityOverride: boolean;
  createdAt: Date;
};

export const EXPORT_COLUMNS = [
  "code",
  "status",
  "fullName",
  "altName",
  "email",
  "organisation",
  "jobTitle",
  "phone",
  "category",
  "days",
  "checkedIn",
  "dietary",
  "accessibility",
  "newsConsent",
  "capacityOverride",
  "registeredAt",
] as const;

export function exportValues(row: ExportRow): (string | boolean)[] {
  return [
    row.code,
    row.status,
    row.fullName,
    row.altName ?? "",
    row.email,
    row.organisation,
    row.jobTitle,
    row.phone ?? "",
    row.category,
    row.days.join(" "),
    row.checkedInDays.join(" "),
    row.dietary,
    row.accessibility,
    row.consentNews,
    row.capacityOverride,
    row.createdAt.toISOString(),
  ];
}

/** A file name that says when and what: attendees-2025-09-29.csv. */
/** Named after the edition (its acronym), so that two editions' exports never pass for one another. */
export function exportFileName(edition: string, now: Date, extension: "csv" | "xlsx"): string {
  return `attendees-${edition}-${now.toISOString().slice(0, 10)}.${extension}`;
}
