/** The limits of the registration endpoints: body size, and the answer to a client over its budget. */
import type { RateLimitDecision } from "../http/rate-limit";
import { problem } from "../http/respond";

/** Largest request body the registration API reads. */
export const MAX_BODY_BYTES = 16 * 1024;

/** A 429 answer when the client has used up its budget (db/queries/rate-limit.ts), else null. */
export function tooManyRequests(decision: RateLimitDecision): Response | null {
  if (decision.ok) return null;
  return problem(
    429,
    `Too many requests from your address: try again in ${decision.retryAfterSeconds} s.`,
    {},
    { "retry-after": String(decision.retryAfterSeconds) },
  );
}
