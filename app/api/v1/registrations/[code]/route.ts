import { scheduleDelivery } from "@/lib/email/outbox-worker";
import { cancel, findRegistrationByManageToken, publicView, waitingPosition } from "@/db/queries/registrations";
import type { Registration } from "@/db/schema";
import { requestToken } from "@/lib/api/auth";
import { rateLimited } from "@/db/queries/rate-limit";
import { isCode } from "@/lib/registration/codes";
import { guarded } from "@/lib/http/guarded";
import { json, problem } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ code: string }> };

/**
 * The registration the request may act on, or the answer to give instead: 401 for a missing or
 * malformed Authorization header, 404 alike for an unknown code and a token that is not the
 * code's, so that neither can be probed.
 */
async function authorise(request: Request, { params }: Context): Promise<Registration | Response> {
  const token = requestToken(request, rateLimited);
  if (token instanceof Response) return token;
  const code = (await params).code.toUpperCase();
  // Found by the token's hash, like every private-link lookup: nothing is compared with a stored
  // secret, so an unknown code and a wrong token take the same path.
  const registration = isCode(code) ? findRegistrationByManageToken(token) : undefined;
  if (!registration || registration.code !== code || registration.erasedAt) {
    return problem(404, "No registration with this code and token.");
  }
  return registration;
}

export const GET = guarded(async (request: Request, context: Context): Promise<Response> => {
  const registration = await authorise(request, context);
  if (registration instanceof Response) return registration;
  return json(publicView(registration, waitingPosition(registration)));
});

export const DELETE = guarded(async (request: Request, context: Context): Promise<Response> => {
  const registration = await authorise(request, context);
  if (registration instanceof Response) return registration;
  const result = cancel(registration.id, `attendee:${registration.code}`);
  if (!result.ok) {
    return result.reason === "alreadyCancelled"
      ? problem(409, "This registration is already cancelled.", { status: "cancelled" })
      : problem(404, "No registration with this code and token.");
  }
  scheduleDelivery();
  return json({ code: result.registration.code, status: result.registration.status });
});
