import "server-only";
import { cookies } from "next/headers";
import { forbidden } from "next/navigation";
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

/**
 * The console's edition for an action that changes it. An archived edition is read-only: the
 * console says so on every page, and an action that writes to it anyway (an old tab, a crafted
 * request) is answered 403, writing nothing.
 */
export async function writableConsoleEdition(): Promise<Event> {
  const edition = await consoleEdition();
  if (edition.archivedAt) forbidden();
  return edition;
}
