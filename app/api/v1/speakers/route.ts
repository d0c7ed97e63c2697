import { listApiSpeakers } from "@/db/queries/public-api";
import { preflight, publicJson, publicRoute } from "@/lib/http/public-response";

export const dynamic = "force-dynamic";

/** Every speaker, in both languages; see lib/api/openapi.ts. */
export const GET = publicRoute((request: Request) =>
  publicJson(request, { data: listApiSpeakers() }),
);

export const OPTIONS = preflight;
