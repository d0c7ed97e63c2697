/** The manage token as the API receives it: `Authorization: Bearer <token>`. */
import { timingSafeEqual } from "node:crypto";
import { isManageToken } from "../registration/codes";

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
