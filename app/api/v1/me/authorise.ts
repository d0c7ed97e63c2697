import "server-only";
import { findByToken } from "@/db/queries/registrations";
import type { Registration } from "@/db/schema";
import { bearerToken } from "@/lib/api/auth";
import { rateLimited } from "@/lib/api/limits";
import { problem } from "@/lib/http/respond";

/**
 * The registration whose manage token the request carries, or the answer to give instead: 429
 * over the rate limit (so that tokens cannot be guessed at speed), 401 for a missing or malformed
 * Authorization header, 404 for a token that belongs to no registration, or to an erased one.
 */
export function authorise(request: Request): Registration | Response {
  const limited = rateLimited(request);
  if (limited) return limited;
  const token = bearerToken(request.headers.get("authorization"));
  if (!token) {
    return problem(
      401,
      "Send the registration's manage token as `Authorization: Bearer <token>`.",
      {},
      { "www-authenticate": 'Bearer realm="registrations"' },
    );
  }
  const registration = findByToken(token);
  if (!registration || registration.erasedAt) return problem(404, "No registration with this token.");
  return registration;
}

export function unknownSessions(unknown: string[]): Response {
  return problem(400, "Only published or cancelled sessions can be starred: see `unknown`.", { unknown });
}
