import { apiEdition } from "@/db/queries/public-api";
import type { Event } from "@/db/schema";
import { problem } from "@/lib/http/respond";

/**
 * The `edition` query parameter (an acronym: "caf2024"): the edition it names, none when absent, or
 * the 400 to answer when it names no edition, so that a client never reads an empty list unknowing.
 */
export function editionParam(request: Request): { ok: true; edition: Event | undefined } | { ok: false; response: Response } {
  const acronym = new URL(request.url).searchParams.get("edition");
  if (acronym === null) return { ok: true, edition: undefined };
  const edition = /^[\w-]{1,64}$/.test(acronym) ? apiEdition(acronym) : undefined;
  if (!edition) {
    return { ok: false, response: problem(400, "edition names no edition: see /api/v1/editions for their acronyms.", { parameter: "edition" }) };
  }
  return { ok: true, edition };
}
