import { consoleEdition } from "@/auth/edition";
import { actorOf, requireRouteUser } from "@/auth/guard";
import { exportFeedback, recordFeedbackExport } from "@/db/queries/feedback";
import { feedbackFileName, feedbackXlsx } from "@/lib/feedback/export";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Every answer about the console edition's sessions as XLSX. Cells are written as values, never formulas. */
export async function GET(_request: Request, { params }: RouteContext<"/[locale]/admin/feedback/export.xlsx">): Promise<Response> {
  const user = await requireRouteUser("attendees");
  if (user instanceof Response) return user;
  const { locale } = await params;
  const edition = await consoleEdition();
  const rows = exportFeedback(edition.id, locale);
  recordFeedbackExport(edition.id, actorOf(user), "xlsx", rows.length);
  return new Response(new Uint8Array(await feedbackXlsx(rows)), {
    headers: {
      "content-type": XLSX,
      "content-disposition": `attachment; filename="${feedbackFileName(edition.slug, new Date(), "xlsx")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
