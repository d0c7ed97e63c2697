import { actorOf, requireRouteUser } from "@/auth/guard";
import { exportAttendees } from "@/db/queries/attendees";
import { consoleEdition } from "@/auth/edition";
import { toCsv } from "@/lib/attendees/csv";
import { EXPORT_COLUMNS, exportFileName, exportValues } from "@/lib/attendees/export";
import { strictAttendeeFilters } from "@/lib/attendees/filters";
import { problem } from "@/lib/http/respond";

/** The filtered attendee list as CSV, for organizers and admins. */
export async function GET(request: Request): Promise<Response> {
  const user = await requireRouteUser("attendees");
  if (user instanceof Response) return user;
  const parsed = strictAttendeeFilters(new URL(request.url).searchParams);
  if (!parsed.ok) return problem(400, `${parsed.parameter} is not a filter of the attendee list: export from the list's own link.`, { parameter: parsed.parameter });
  const { filters } = parsed;
  // The people of the console's edition, in a file named after it.
  const edition = await consoleEdition();
  const csv = toCsv(EXPORT_COLUMNS, exportAttendees(filters, { format: "csv", actor: actorOf(user) }, edition.id).map(exportValues));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(edition.slug, new Date(), "csv")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
