import type { Locale } from "../localized";
import { guarded } from "../http/guarded";
import { parseFeedLanguage, slugFromFile } from "./request";
import { badRequestResponse, calendarResponse, notFoundResponse, type CalendarFile } from "./response";

type Context = { params: Promise<{ file: string }> };

/**
 * The GET handler of a public feed named by a slug, `/<things>/<slug>.ics`: anything that is not
 * a well-formed `.ics` name, or that `find` does not know, is not found.
 */
export function slugFeed(find: (slug: string, locale: Locale | undefined) => CalendarFile | undefined) {
  return guarded(async (request: Request, { params }: Context): Promise<Response> => {
    const slug = slugFromFile((await params).file);
    if (!slug) return notFoundResponse();
    const lang = parseFeedLanguage(request.url);
    if (!lang.ok) return badRequestResponse("Unknown language: use ?lang=en or ?lang=zh-CN.");
    const file = find(slug, lang.locale);
    return file ? calendarResponse(request, file, "public") : notFoundResponse();
  });
}
