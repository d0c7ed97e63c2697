import { getApiSession } from "@/db/queries/public-api";
import { preflight, publicJson, publicRoute } from "@/lib/http/public-response";
import { problem } from "@/lib/http/respond";
import { isSlug } from "@/lib/slug";
import { editionParam } from "../../edition-param";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** One public session of an edition (the current one unless `edition` names one) with the quotes said in it; a draft is as unknown as a slug never used. */
export const GET = publicRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const chosen = editionParam(request);
  if (!chosen.ok) return chosen.response;
  const session = isSlug(slug) ? getApiSession(slug, chosen.edition) : undefined;
  if (!session) return problem(404, "No public session has this slug.");
  return publicJson(request, session);
});

export const OPTIONS = preflight;
