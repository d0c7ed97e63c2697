import { agendaFeed } from "@/db/queries/feeds";
import { guarded } from "@/lib/http/guarded";
import { badRequestResponse, calendarResponse } from "@/lib/ics/response";
import { parseFeedLanguage } from "@/lib/ics/request";

// Read from the database on every request: a feed is cheap, and must show the program as it is now.
export const dynamic = "force-dynamic";

/** The whole public program as an iCalendar feed; `?lang=zh-CN` for Chinese. */
export const GET = guarded(async (request: Request): Promise<Response> => {
  const lang = parseFeedLanguage(request.url);
  if (!lang.ok) return badRequestResponse("Unknown language: use ?lang=en or ?lang=zh-CN.");
  return calendarResponse(request, agendaFeed(lang.locale), "public");
});
