import { z } from "zod";
import { addStars } from "@/db/queries/stars";
import { MAX_BODY_BYTES } from "@/lib/api/limits";
import { guarded } from "@/lib/http/guarded";
import { readJsonObject } from "@/lib/http/json-body";
import { json, problem } from "@/lib/http/respond";
import { MAX_STARS } from "@/lib/personal-agenda/stars";
import { isSlug } from "@/lib/slug";
import { authorise, unknownSessions } from "../authorise";

export const dynamic = "force-dynamic";

const body = z.strictObject({ sessions: z.array(z.string()).max(MAX_STARS) });

/**
 * Adds stars to those already saved (the browser's stars carried over to the registration), and
 * answers with all of them: `{ stars: [slug] }`. Nothing is added when a slug is unknown.
 */
export const POST = guarded(async (request: Request): Promise<Response> => {
  const registration = authorise(request);
  if (registration instanceof Response) return registration;
  const read = await readJsonObject(request, MAX_BODY_BYTES);
  if (!read.ok) return problem(read.status, read.error);
  const parsed = body.safeParse(read.value);
  if (!parsed.success) {
    return problem(400, `The body must be { "sessions": [slug, …] } with at most ${MAX_STARS} slugs.`);
  }
  const slugs = [...new Set(parsed.data.sessions)];
  const malformed = slugs.filter((s) => !isSlug(s));
  if (malformed.length > 0) return unknownSessions(malformed.map((s) => s.slice(0, 100)));
  const result = addStars(registration.id, slugs);
  return result.ok ? json({ stars: result.stars }) : unknownSessions(result.unknown);
});
