/**
 * The schedule exports and the agenda feed, one handler each for every edition's address
 * (/editions/<path>/schedule.json, .../schedule.xml, .../agenda.ics) and the unprefixed one that
 * serves the current edition (/schedule.json, /schedule.xml, /agenda.ics).
 */
import { editionByPath, getEvent } from "@/db/queries/event";
import { scheduleSource } from "@/db/queries/exports";
import { agendaFeed } from "@/db/queries/feeds";
import type { Event } from "@/db/schema";
import { guarded } from "@/lib/http/guarded";
import { publicResponse, publicRoute } from "@/lib/http/public-response";
import { badRequestResponse, calendarResponse, notFoundResponse } from "@/lib/ics/response";
import { parseFeedLanguage } from "@/lib/ics/request";
import { scheduleJson } from "@/lib/schedule/json";
import { buildSchedule } from "@/lib/schedule/model";
import { scheduleXml } from "@/lib/schedule/xml";

/** Every route passes its params: the unprefixed ones none, the edition's its segment. */
type EditionParams = { params: Promise<{ edition?: string }> };

/** Which edition a request is for, and where its exports are; undefined for an edition that does not exist. */
type Which = (context: EditionParams) => Promise<{ edition: Event; base: string } | undefined>;

export const currentEdition: Which = async () => ({ edition: getEvent(), base: "" });

export const namedEdition: Which = async (context) => {
  const path = (await context.params).edition ?? "";
  const edition = /^[\w-]{1,64}$/.test(path) ? editionByPath(path) : undefined;
  return edition && { edition, base: `/editions/${edition.path}` };
};

const EXPORT = { maxAge: 300 } as const;

/** The schedule in the schedule.json format of pretalx and frab, for conference apps and players. */
export function scheduleJsonRoute(which: Which) {
  return publicRoute(async (request: Request, context: EditionParams) => {
    const found = await which(context);
    if (!found) return notFoundResponse();
    return publicResponse(request, JSON.stringify(scheduleJson(buildSchedule(scheduleSource(found.edition)))), {
      contentType: "application/json; charset=utf-8",
      ...EXPORT,
    });
  });
}

/** The schedule in frab's schedule.xml format, for conference apps and players. */
export function scheduleXmlRoute(which: Which) {
  return publicRoute(async (request: Request, context: EditionParams) => {
    const found = await which(context);
    if (!found) return notFoundResponse();
    const source = scheduleSource(found.edition);
    return publicResponse(request, scheduleXml(buildSchedule(source), `${source.baseUrl}${found.base}/schedule.xml`), {
      contentType: "application/xml; charset=utf-8",
      ...EXPORT,
    });
  });
}

/** The edition's whole public program as an iCalendar feed; `?lang=zh-CN` for Chinese. */
export function agendaFeedRoute(which: Which) {
  return guarded(async (request: Request, context: EditionParams): Promise<Response> => {
    const found = await which(context);
    if (!found) return notFoundResponse();
    const lang = parseFeedLanguage(request.url);
    if (!lang.ok) return badRequestResponse("Unknown language: use ?lang=en or ?lang=zh-CN.");
    const file = agendaFeed(lang.locale, found.edition.id);
    return file ? calendarResponse(request, file, "public") : notFoundResponse();
  });
}
