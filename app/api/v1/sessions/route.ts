import { listApiSessions } from "@/db/queries/public-api";
import { preflight, publicJson, publicRoute } from "@/lib/http/public-response";

export const dynamic = "force-dynamic";

/** Every public session (published and cancelled), in both languages; see lib/api/openapi.ts. */
export const GET = publicRoute((request: Request) =>
  publicJson(request, { data: listApiSessions() }),
);

export const OPTIONS = preflight;
