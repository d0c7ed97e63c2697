import { listApiEditions } from "@/db/queries/public-api";
import { preflight, publicJson, publicRoute } from "@/lib/http/public-response";

export const dynamic = "force-dynamic";

/** Every edition of the forum, the latest first, with its acronym (the `edition` parameter elsewhere) and exports. */
export const GET = publicRoute((request: Request) => publicJson(request, { data: listApiEditions() }));

export const OPTIONS = preflight;
