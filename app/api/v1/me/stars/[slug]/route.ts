import { addStars, removeStar } from "@/db/queries/stars";
import { guarded } from "@/lib/http/guarded";
import { json } from "@/lib/http/respond";
import { isSlug } from "@/lib/slug";
import { authorise, unknownSessions } from "../../authorise";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** Stars one session; starring it again changes nothing. Answers with every star: `{ stars }`. */
export const PUT = guarded(async (request: Request, { params }: Context): Promise<Response> => {
  const registration = authorise(request);
  if (registration instanceof Response) return registration;
  const { slug } = await params;
  if (!isSlug(slug)) return unknownSessions([slug.slice(0, 100)]);
  const result = addStars(registration.id, [slug]);
  return result.ok ? json({ stars: result.stars }) : unknownSessions(result.unknown);
});

/** Takes the star off one session; one that was not starred is no error. */
export const DELETE = guarded(async (request: Request, { params }: Context): Promise<Response> => {
  const registration = authorise(request);
  if (registration instanceof Response) return registration;
  const { slug } = await params;
  if (!isSlug(slug)) return unknownSessions([slug.slice(0, 100)]);
  const result = removeStar(registration.id, slug);
  return result.ok ? json({ stars: result.stars }) : unknownSessions(result.unknown);
});
