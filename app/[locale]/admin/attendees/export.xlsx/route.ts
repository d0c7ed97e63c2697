import writeXlsxFile from "write-excel-file/node";
import { actorOf, requireRouteUser } from "@/auth/guard";
import { exportAttendees } from "@/db/queries/attendees";
import { consoleEdition } from "@/auth/edition";
import { EXPORT_COLUMNS, exportFileName, exportValues } from "@/lib/attendees/export";
import { strictAttendeeFilters } from "@/lib/attendees/filters";
import { problem } from "@/lib/http/respond";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The filtered attendee list as XLSX. Cells are written as text, never as formulas. */
export async function GET(request: Request): Promise<Response> {
  const user = await requireRouteUser("attendees");
  if (user instanceof Response) return user;
  const parsed = strictAttendeeFilters(new URL(request.url).searchParams);
  if (!parsed.ok) return problem(400, `${parsed.parameter} is not a filter of the attendee list: export from the list's own link.`, { parameter: parsed.parameter });
  const { filters } = parsed;
  // The people of the console's edition, in a file named after it.
  const edition = await consoleEdition();
  const header = EXPORT_COLUMNS.map((value) => ({ value, fontWeight: "bold" as const }));
  const rows = exportAttendees(filters, { format: "xlsx", actor: actorOf(user) }, edition.id).map((row) =>
    exportValues(row).map((value) => (typeof value === "boolean" ? { type: Boolean, value } : { type: String, value })),
  );
  const buffer = await writeXlsxFile([header, ...rows]).toBuffer();
  return new Response(new Uint8Array(buffer), {
    headers: {
      "content-type": XLSX,
      "content-disposition": `attachment; filename="${exportFileName(edition.slug, new Date(), "xlsx")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
