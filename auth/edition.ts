import "server-only";
import { cookies } from "next/headers";
import { currentEdition, editionById } from "../db/queries/event";
import type { Event } from "../db/schema";

/**
 * The console works on one edition at a time: the one its switcher chose (a cookie holding the
 * edition's id), else the current edition. A cookie naming no edition falls back the same way.
 */
export const CONSOLE_EDITION_COOKIE = "forum-console-edition";

export async function consoleEdition(): Promise<Event> {
  const raw = (await cookies()).get(CONSOLE_EDITION_COOKIE)?.value;
  const id = raw && /^[0-9]{1,9}$/.test(raw) ? Number(raw) : null;
  return (id !== null ? editionById(id) : undefined) ?? currentEdition();
}
