import { notFound } from "next/navigation";
import { editionByPath, listEditions } from "@/db/queries/event";
import type { Event } from "@/db/schema";

/** Every edition's segment, so that each edition's pages are rendered ahead like the others. */
export function editionParams(): { edition: string }[] {
  return listEditions().map((e) => ({ edition: e.path }));
}

/** The edition an address names; an address naming none is not found. */
export function editionOf(path: string): Event {
  const edition = /^[\w-]{1,64}$/.test(path) ? editionByPath(path) : undefined;
  if (!edition) notFound();
  return edition;
}
