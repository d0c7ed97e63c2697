import { listApiQuotes } from "@/db/queries/public-api";
import { listTopics } from "@/db/queries/quotes";
import { listSpeakerSlugs } from "@/db/queries/speakers";
import { paginate, parseQuoteListQuery } from "@/lib/api/quote-query";
import { preflight, publicJson, publicRoute } from "@/lib/http/public-response";
import { problem } from "@/lib/http/respond";
import { editionParam } from "../edition-param";

export const dynamic = "force-dynamic";

/** The quote archive, filtered as on the site (q, speaker, topic, edition), a page at a time. */
export const GET = publicRoute((request: Request) => {
  const parsed = parseQuoteListQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return problem(400, parsed.error, { parameter: parsed.parameter });
  const chosen = editionParam(request);
  if (!chosen.ok) return chosen.response;
  const { limit, after, ...filters } = parsed.query;
  // A filter naming nothing is a client's mistake to hear about, not an empty archive.
  for (const [parameter, known] of [
    ["speaker", filters.speaker === null || listSpeakerSlugs().includes(filters.speaker)],
    ["topic", filters.topic === null || listTopics().some((t) => t.slug === filters.topic)],
  ] as const) {
    if (!known) return problem(400, `${parameter} names no ${parameter} of the archive.`, { parameter });
  }
  const { page, nextCursor } = paginate(listApiQuotes(filters, chosen.edition), after, limit);
  return publicJson(request, { data: page, nextCursor });
});

export const OPTIONS = preflight;
