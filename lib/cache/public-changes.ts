/**
 * The one declaration of what a change shows on: each kind of change an organizer can make, and
 * the public pages it makes stale. Actions say what they changed (`refreshPublicPages` in
 * ./refresh.ts); nothing else revalidates a public page or clears a cache. Next's revalidation
 * follows from this, and so does the server's page copy in every process (server/page-copy.mjs
 * reads the tags Next revalidated from the database).
 *
 * A page not named here stays cached: revalidating every public page costs about 80 renders
 * (4 s of server time), during which visitors wait.
 */
import { inEveryLocale, pagesOfMaterialsEdit, pagesOfQuoteEdit, pagesOfSpeakerEdit, type SpeakerFields } from "../public-pages";

/** One address in every language, or every address of a route (Next's `revalidatePath` with a type). */
export type Target = { path: string } | { route: string; type: "page" | "layout" };

export type PublicChange =
  /** A session's draft saved, moved or deleted: the public agenda shows only what is published. */
  | { kind: "session" }
  /**
   * The draft published: every page that shows a session, a room or a speaker's talks, at the
   * unprefixed addresses and at every edition's own (/[locale]/[edition]/..., under the same layout).
   */
  | { kind: "publish" }
  /** A room or track: its name shows with every session, wherever sessions show. */
  | { kind: "room" }
  | { kind: "track" }
  /** A speaker created (before null), changed, or deleted (after null). */
  | { kind: "speaker"; before: SpeakerFields | null; after: SpeakerFields | null }
  /** A speaker's photo set or removed. */
  | { kind: "photo"; before: SpeakerFields; after: SpeakerFields }
  /** Quotes created, changed or deleted, with the speakers, sessions and editions (address segments) they belong to. */
  | { kind: "quote"; quoteIds: readonly number[]; speakerSlugs: readonly string[]; sessionSlugs: readonly string[]; editionPaths: readonly string[] }
  /**
   * A session's slides, recording or consent to publish them: its page, its speakers' pages, and
   * the quotes said in it (their cards link to the moment of the recording).
   */
  | { kind: "materials"; sessionSlugs: readonly string[]; speakerSlugs: readonly string[]; editionPaths: readonly string[]; quoteIds: readonly number[] }
  /** The forum's name, dates, venue or capacity: shown in every page's header and footer. */
  | { kind: "settings" }
  /** Seats taken or given back by the organizers, the registration mode or the time a seat is held: the register page says so. */
  | { kind: "registration" };

export type ChangeKind = PublicChange["kind"];

/** Every public page, in every language: the layout of `/[locale]` holds them all. */
export const EVERY_PAGE: Target = { route: "/[locale]", type: "layout" };

function addresses(pages: readonly string[]): Target[] {
  return inEveryLocale(pages).map((path) => ({ path }));
}

/** The public pages a change makes stale. */
export function pagesChangedBy(change: PublicChange): Target[] {
  switch (change.kind) {
    case "session":
      return [];
    case "publish":
    case "room":
    case "track":
    case "settings":
      return [EVERY_PAGE];
    case "speaker": {
      // A new unlisted speaker shows nowhere; a new listed one, or one deleted, on lists and talks.
      if (!change.before) return change.after?.listed ? [EVERY_PAGE] : [];
      if (!change.after) return change.before.listed ? [EVERY_PAGE] : [];
      const pages = pagesOfSpeakerEdit(change.before, change.after);
      return pages === "all" ? [EVERY_PAGE] : addresses(pages);
    }
    case "photo": {
      const pages = pagesOfSpeakerEdit(change.before, change.after);
      return pages === "all" ? [EVERY_PAGE] : addresses(pages);
    }
    case "quote":
      return addresses(pagesOfQuoteEdit(change.quoteIds, change.speakerSlugs, change.sessionSlugs, change.editionPaths));
    case "materials":
      return addresses(pagesOfMaterialsEdit(change.sessionSlugs, change.speakerSlugs, change.editionPaths, change.quoteIds));
    case "registration":
      return addresses(["/register"]);
  }
}

/** The cache tag Next revalidates for a target (as `revalidatePath` makes it). */
export function tagOf(target: Target): string {
  return "path" in target ? `_N_T_${target.path}` : `_N_T_${target.route}/${target.type}`;
}
