import { personalAgenda } from "@/db/queries/stars";
import { guarded } from "@/lib/http/guarded";
import { json } from "@/lib/http/respond";
import { authorise } from "./authorise";

export const dynamic = "force-dynamic";

/** The personal agenda of the manage token's owner: `{ stars: [slug], bookings: [{ slug, status }] }`. */
export const GET = guarded(async (request: Request): Promise<Response> => {
  const registration = authorise(request);
  if (registration instanceof Response) return registration;
  return json(personalAgenda(registration.id));
});
