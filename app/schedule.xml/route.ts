import { currentEdition, scheduleXmlRoute } from "../_interchange/handlers";
import { preflight } from "@/lib/http/public-response";

// Read per request, so an organizer's change shows within the five minutes caches may keep it.
export const dynamic = "force-dynamic";

/** The current edition's schedule; each edition's is at /editions/<path>/schedule.xml. */
export const GET = scheduleXmlRoute(currentEdition);

export const OPTIONS = preflight;
