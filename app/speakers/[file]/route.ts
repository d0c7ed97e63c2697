import { speakerFeed } from "@/db/queries/feeds";
import { guarded } from "@/lib/http/guarded";
import { badRequestResponse, calendarResponse, notFoundResponse } from "@/lib/ics/response";
import { parseFeedLanguage, slugFromFile } from "@/lib/ics/request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ file: string }> };

/** `/speakers/<slug>.ics`: the public sessions of one speaker. */
export const GET = guarded(async (request: Request, { params }: Context): Promise<Response> => {
  const slug = slugFromFile((await params).file);
  if (!slug) return notFoundResponse();
  const lang = parseFeedLanguage(request.url);
  if (!lang.ok) return badRequestResponse("Unknown language: use ?lang=en or ?lang=zh-CN.");
  const file = speakerFeed(slug, lang.locale);
  return file ? calendarResponse(request, file, "public") : notFoundResponse();
});
