import { requireRouteUser } from "@/auth/guard";
import { exportAttendees } from "@/db/queries/attendees";
import { toCsv } from "@/lib/attendees/csv";
import { EXPORT_COLUMNS, exportFileName, exportValues } from "@/lib/attendees/export";
import { parseAttendeeFilters } from "@/lib/attendees/filters";

/** The filtered attendee list as CSV, for organizers and admins. */
export async function GET(request: Request): Promise<Response> {
  const user = await requireRouteUser("attendees");
  if (user instanceof Response) return user;
  const filters = parseAttendeeFilters(new URL(request.url).searchParams);
  const csv = toCsv(EXPORT_COLUMNS, exportAttendees(filters).map(exportValues));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(new Date(), "csv")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
