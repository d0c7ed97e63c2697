import { listApiSpeakers } from "@/db/queries/public-api";
import { preflight, publicJson, publicRoute } from "@/lib/http/public-response";
import { editionParam } from "../edition-param";

export const dynamic = "force-dynamic";

/** Every speaker, or those of the edition `edition` names, in both languages; see lib/api/openapi.ts. */
export const GET = publicRoute((request: Request) => {
  const chosen = editionParam(request);
  if (!chosen.ok) return chosen.response;
  return publicJson(request, { data: listApiSpeakers(chosen.edition) });
});

export const OPTIONS = preflight;
