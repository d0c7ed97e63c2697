/** The manage token as the API receives it: `Authorization: Bearer <token>`. */
import { timingSafeEqual } from "node:crypto";
import { problem } from "../http/respond";
import { isManageToken } from "../registration/formats";

/** The token, or null when the header is missing or is not a well-formed bearer token. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? "");
  const token = match?.[1];
  return token && isManageToken(token) ? token : null;
}

/** Compares two secrets in time that does not depend on where they differ. */
export function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given, "utf8");
  // timingSafeEqual needs equal lengths; comparing `a` with itself keeps the time the same.
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

/**
 * The token of a request whose budget is not used up, or the answer to give instead: 429 over the
 * rate limit (so that tokens cannot be guessed at speed), 401 without a well-formed bearer token.
 */
export function requestToken(request: Request, rateLimited: (request: Request) => Response | null): string | Response {
  const limited = rateLimited(request);
  if (limited) return limited;
  const token = bearerToken(request.headers.get("authorization"));
  if (token) return token;
  return problem(
    401,
    "Send the registration's manage token as `Authorization: Bearer <token>`.",
    {},
    { "www-authenticate": 'Bearer realm="registrations"' },
  );
}
