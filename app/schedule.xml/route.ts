import { scheduleSource } from "@/db/queries/exports";
import { preflight, publicResponse, publicRoute } from "@/lib/http/public-response";
import { buildSchedule } from "@/lib/schedule/model";
import { scheduleXml } from "@/lib/schedule/xml";

// Read per request, so an organizer's change shows within the five minutes caches may keep it.
export const dynamic = "force-dynamic";

/** The schedule in frab's schedule.xml format, for conference apps and players. */
export const GET = publicRoute((request: Request) => {
  const source = scheduleSource();
  return publicResponse(
    request,
    scheduleXml(buildSchedule(source), `${source.baseUrl}/schedule.xml`),
    {
      contentType: "application/xml; charset=utf-8",
      maxAge: 300,
    },
  );
});

export const OPTIONS = preflight;
