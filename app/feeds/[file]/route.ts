import { personalFeed } from "@/db/queries/feeds";
import { guarded } from "@/lib/http/guarded";
import { badRequestResponse, calendarResponse, notFoundResponse } from "@/lib/ics/response";
import { parseFeedLanguage, tokenFromFile } from "@/lib/ics/request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ file: string }> };

/**
 * `/feeds/<calendarToken>.ics`: a person's starred and booked sessions. The token in the address is
 * the whole authorisation (calendar clients send no credentials), so every miss is the same 404.
 */
export const GET = guarded(async (request: Request, { params }: Context): Promise<Response> => {
  const token = tokenFromFile((await params).file);
  if (!token) return notFoundResponse();
  const lang = parseFeedLanguage(request.url);
  if (!lang.ok) return badRequestResponse("Unknown language: use ?lang=en or ?lang=zh-CN.");
  const file = personalFeed(token, lang.locale);
  return file ? calendarResponse(request, file, "private") : notFoundResponse();
});
