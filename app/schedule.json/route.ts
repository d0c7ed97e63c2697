import { scheduleSource } from "@/db/queries/exports";
import { preflight, publicResponse, publicRoute } from "@/lib/http/public-response";
import { scheduleJson } from "@/lib/schedule/json";
import { buildSchedule } from "@/lib/schedule/model";

// Read per request, so an organizer's change shows within the five minutes caches may keep it.
export const dynamic = "force-dynamic";

/** The schedule in the schedule.json format of pretalx and frab, for conference apps and players. */
export const GET = publicRoute((request: Request) =>
  publicResponse(request, JSON.stringify(scheduleJson(buildSchedule(scheduleSource()))), {
    contentType: "application/json; charset=utf-8",
    maxAge: 300,
  }),
);

export const OPTIONS = preflight;
