/**
 * The one ETag helper: the validator of a body we send, and the If-None-Match test that answers a
 * client holding those bytes with 304 (the REST API, the schedule exports, the calendars).
 */
import { createHash } from "node:crypto";

/**
 * A weak validator of the body: the same bytes give the same tag. Weak, so that a copy the server
 * or a proxy compresses keeps it meaningful (the bytes on the wire differ, the content does not).
 */
export function etagOf(body: string): string {
  return `W/"${createHash("sha256").update(body, "utf8").digest("base64url").slice(0, 32)}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): any listed tag, or `*`, matches. */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const mine = opaque(etag);
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === mine);
}

/** Whether the client already holds the body with this tag, and may be answered 304 without it. */
export function notModified(request: Request, etag: string): boolean {
  return etagMatches(request.headers.get("if-none-match"), etag);
}
