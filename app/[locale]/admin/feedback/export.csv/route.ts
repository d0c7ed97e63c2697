import { consoleEdition } from "@/auth/edition";
import { actorOf, requireRouteUser } from "@/auth/guard";
import { exportFeedback, recordFeedbackExport } from "@/db/queries/feedback";
import { feedbackCsv, feedbackFileName } from "@/lib/feedback/export";

/** Every answer about the console edition's sessions as CSV, for organizers and admins. */
export async function GET(_request: Request, { params }: RouteContext<"/[locale]/admin/feedback/export.csv">): Promise<Response> {
  const user = await requireRouteUser("attendees");
  if (user instanceof Response) return user;
  const { locale } = await params;
  const edition = await consoleEdition();
  const rows = exportFeedback(edition.id, locale);
  recordFeedbackExport(edition.id, actorOf(user), "csv", rows.length);
  return new Response(feedbackCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${feedbackFileName(edition.slug, new Date(), "csv")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
