import { listApiSessions } from "@/db/queries/public-api";
import { preflight, publicJson, publicRoute } from "@/lib/http/public-response";
import { editionParam } from "../edition-param";

export const dynamic = "force-dynamic";

/** One edition's public sessions (published and cancelled; the current edition unless `edition` names one), in both languages; see lib/api/openapi.ts. */
export const GET = publicRoute((request: Request) => {
  const chosen = editionParam(request);
  if (!chosen.ok) return chosen.response;
  return publicJson(request, { data: listApiSessions(chosen.edition) });
});

export const OPTIONS = preflight;
