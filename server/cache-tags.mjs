// @ts-check
/**
 * Which addresses a cache tag of Next's names. `revalidatePath` turns its argument into one tag
 * (documented: https://nextjs.org/docs/app/api-reference/functions/revalidatePath):
 *   revalidatePath("/en/agenda")                → "_N_T_/en/agenda"               that address
 *   revalidatePath("/[locale]/agenda", "page")  → "_N_T_/[locale]/agenda/page"     every address of that page
 *   revalidatePath("/[locale]", "layout")       → "_N_T_/[locale]/layout"          every address under that layout
 * and a page rendered ahead carries the tags of its own address, its page and each layout above
 * it, so that Next finds it stale after any of these. The page copy (server/page-copy.mjs) keeps
 * pages by address, not by tags: this is how it finds which of its copies a tag makes stale.
 * Where in doubt it says yes: a copy dropped for nothing costs one render, a copy kept wrongly
 * shows visitors an old page.
 */

const IMPLICIT = "_N_T_";

/** Both sides compared decoded: Next encodes a tag's non-ASCII letters, a request's address may be either. */
/** @param {string} text */
function decoded(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** "/en/speakers/" → ["en", "speakers"]; route groups ("(public)") are not part of an address. */
/** @param {string} path @returns {string[]} */
function segments(path) {
  return path.split("/").filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment));
}

/** One segment of a route pattern against one of an address: "[slug]" stands for any. */
/** @param {string} pattern @param {string | undefined} actual */
function segmentMatches(pattern, actual) {
  return /^\[.+\]$/.test(pattern) || pattern === actual;
}

/**
 * Whether the pattern's segments match the address's: all of them ("page"), or the address's
 * first ones ("layout"). A catch-all segment ("[...rest]", "[[...rest]]") matches the rest.
 */
/** @param {string[]} patternSegments @param {string[]} pathSegments @param {boolean} whole */
function patternMatches(patternSegments, pathSegments, whole) {
  for (let i = 0; i < patternSegments.length; i++) {
    const pattern = /** @type {string} */ (patternSegments[i]);
    if (/^\[\[?\.\.\./.test(pattern)) return true;
    if (i >= pathSegments.length || !segmentMatches(pattern, pathSegments[i])) return false;
  }
  return whole ? patternSegments.length === pathSegments.length : true;
}

/**
 * Whether revalidating `tag` makes the page at `path` (an address without its query, as the page
 * copy keys it: "/en/speakers/wang-yao") stale. Tags that are not Next's path tags (a `cacheTag`
 * of our own) name no address: those are Next's to track, not the page copy's.
 * @param {string} tag
 * @param {string} path
 */
export function tagCovers(tag, path) {
  if (!tag.startsWith(IMPLICIT)) return false;
  const name = decoded(tag.slice(IMPLICIT.length));
  const address = segments(decoded(path));
  const kind = /\/(layout|page|route)$/.exec(name)?.[1];
  if (name === "/layout") return true;
  if (kind === "layout") return patternMatches(segments(name.slice(0, -"/layout".length)), address, false);
  if (kind) return patternMatches(segments(name.slice(0, -kind.length - 1)), address, true);
  // A plain address; "/index" and "/" both name the root.
  const named = segments(name === "/index" ? "/" : name);
  return named.length === address.length && named.every((/** @type {string} */ segment, /** @type {number} */ i) => segment === address[i]);
}
