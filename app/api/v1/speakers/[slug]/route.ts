import { getApiSpeaker } from "@/db/queries/public-api";
import { preflight, publicJson, publicRoute } from "@/lib/http/public-response";
import { problem } from "@/lib/http/respond";
import { isSlug } from "@/lib/slug";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** One speaker with their public sessions (and role in each) and their quotes. */
export const GET = publicRoute(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const speaker = isSlug(slug) ? getApiSpeaker(slug) : undefined;
  if (!speaker) return problem(404, "No speaker has this slug.");
  return publicJson(request, speaker);
});

export const OPTIONS = preflight;
