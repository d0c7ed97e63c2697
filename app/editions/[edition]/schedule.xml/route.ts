import { namedEdition, scheduleXmlRoute } from "../../../_interchange/handlers";
import { preflight } from "@/lib/http/public-response";

// Read per request, so an organizer's change shows within the five minutes caches may keep it.
export const dynamic = "force-dynamic";

/** One edition's schedule, its acronym the conference's; an edition that does not exist is not found. */
export const GET = scheduleXmlRoute(namedEdition);

export const OPTIONS = preflight;
