import "server-only";
import { takeRequest } from "@/db/queries/rate-limit";
import { tooManyRequests } from "@/lib/api/limits";

/** The API's rate limit, shared with the registration forms: a 429 answer, or null to go on. */
export function rateLimited(request: Request): Response | null {
  return tooManyRequests(takeRequest(request.headers));
}
