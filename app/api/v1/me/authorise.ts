import "server-only";
import { findRegistrationByManageToken } from "@/db/queries/registrations";
import type { Registration } from "@/db/schema";
import { requestToken } from "@/lib/api/auth";
import { rateLimited } from "@/db/queries/rate-limit";
import { problem } from "@/lib/http/respond";

/**
 * The registration whose manage token the request carries, or the answer to give instead: 429
 * over the rate limit (so that tokens cannot be guessed at speed), 401 for a missing or malformed
 * Authorization header, 404 for a token that belongs to no registration, or to an erased one.
 */
export function authorise(request: Request): Registration | Response {
  const token = requestToken(request, rateLimited);
  if (token instanceof Response) return token;
  const registration = findRegistrationByManageToken(token);
  if (!registration || registration.erasedAt) return problem(404, "No registration with this token.");
  return registration;
}

export function unknownSessions(unknown: string[]): Response {
  return problem(400, "Only published or cancelled sessions can be starred: see `unknown`.", { unknown });
}
