/** Name-based UUIDs (RFC 9562 version 5): the same name always gives the same GUID. */
import { createHash } from "node:crypto";

/** The RFC's namespace for names that are URLs (or, as here, URNs). */
export const URL_NAMESPACE = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function uuidV5(namespace: string, name: string): string {
  if (!isUuid(namespace)) throw new RangeError(`Not a UUID: ${namespace}`);
  const bytes = createHash("sha1")
    .update(Buffer.from(namespace.replaceAll("-", ""), "hex"))
    .update(name, "utf8")
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * GUIDs of the schedule: from the event's slug, the kind of thing and its database id only, so a
 * session keeps its GUID when it moves to another time or room, or is renamed.
 */
export function scheduleGuid(
  eventSlug: string,
  kind: "session" | "room" | "person",
  key: string | number,
): string {
  return uuidV5(URL_NAMESPACE, `urn:x-forum:${eventSlug}:${kind}:${key}`);
}
