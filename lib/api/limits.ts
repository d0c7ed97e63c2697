/** The rate limit of the registration endpoints: one limiter per server process. */
import { clientAddress, trustedHops } from "../http/client-address";
import { createRateLimiter, rateLimitPerMinute, type RateLimiter } from "../http/rate-limit";
import { problem } from "../http/respond";

/** Largest request body the registration API reads. */
export const MAX_BODY_BYTES = 16 * 1024;

// On globalThis rather than in module scope: each route is bundled on its own, and all of them
// must count against the same budget.
const KEY = Symbol.for("forum.registrationRateLimiter");
type Holder = { [KEY]?: RateLimiter };

function limiter(): RateLimiter {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= createRateLimiter({ limit: rateLimitPerMinute() }));
}

/** Takes one request from the budget of the client these headers come from. */
export function takeRequest(headers: Headers) {
  return limiter().take(clientAddress(headers, trustedHops()));
}

/** A 429 answer when the client has used up its budget, else null. */
export function rateLimited(request: Request): Response | null {
  const decision = takeRequest(request.headers);
  if (decision.ok) return null;
  return problem(
    429,
    `Too many requests from your address: try again in ${decision.retryAfterSeconds} s.`,
    {},
    { "retry-after": String(decision.retryAfterSeconds) },
  );
}
