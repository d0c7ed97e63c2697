// @ts-check
/**
 * The page copy: the bytes of public pages Next rendered ahead of time, kept in this process and
 * sent without going through Next (about eight times the pages a second: docs/deployment.md).
 *
 * Contract:
 * - It holds only fresh answers. `offer` takes a page only when Next says it answered from its
 *   cache with a fresh page (x-nextjs-cache HIT) or has just rendered it (MISS): never STALE, never
 *   a page rendered per request (no x-nextjs-cache at all), never an error.
 * - It forgets a page as soon as any process revalidates a tag that covers it: `lookup` first reads
 *   the shared record of revalidations (server/shared-cache.mjs), whose rows it compares with each
 *   copy (server/cache-tags.mjs). A page whose render began before such a revalidation is refused
 *   too: it may show what was there before the change.
 * - It is bounded in bytes (the plain page plus its compressed copies); the least recently sent
 *   pages go first.
 * - Compressed copies are made once: gzip when the page is taken, brotli in the background (until
 *   it is ready, brotli clients get gzip).
 * Nothing else clears it: what changes is declared once (lib/cache/public-changes.ts), Next's
 * revalidation records it, and this copy reads the record.
 */
import { tagCovers } from "./cache-tags.mjs";
import { compressBody, mayCompress, storedBrotli } from "./compression.mjs";
import { latestWhere, poll, subscribe } from "./shared-cache.mjs";

/**
 * @typedef {Record<string, string | string[]>} Headers
 * @typedef {{ headers: Headers, body: Buffer, gzip?: Buffer, br?: Buffer, scripts: string[], bytes: number, startedAt: number }} PageEntry
 */

/** Next's word on where an answer came from (a header of its own, pinned by e2e/page-copy.spec.ts). */
export const NEXT_CACHE_HEADER = "x-nextjs-cache";

/** What Next answers for a page from its cache that is fresh (HIT) or just rendered (MISS). */
export function isFreshFromNext(/** @type {unknown} */ value) {
  return value === "HIT" || value === "MISS";
}

/** PAGE_COPY_BYTES, default 64 MiB; 0 turns the copy off. */
export function pageCopyBytes(value = process.env.PAGE_COPY_BYTES) {
  const n = Number(value);
  return value !== undefined && value.trim() !== "" && Number.isSafeInteger(n) && n >= 0 ? n : 64 * 1024 * 1024;
}

/**
 * @param {{ maxBytes: number, now?: () => number, shared?: { poll: typeof poll, subscribe: typeof subscribe, latestWhere: typeof latestWhere } }} options
 */
export function createPageCopy({ maxBytes, now = Date.now, shared = { poll, subscribe, latestWhere } }) {
  /** @type {Map<string, PageEntry>} Map order is the order of use: the first key is the least recently sent. */
  const pages = new Map();
  let bytes = 0;

  /** @param {string} key */
  function drop(key) {
    const entry = pages.get(key);
    if (!entry) return;
    pages.delete(key);
    bytes -= entry.bytes;
  }

  function evict() {
    while (bytes > maxBytes && pages.size > 0) drop(/** @type {string} */ (pages.keys().next().value));
  }

  const stop = shared.subscribe((invalidations) => {
    for (const key of [...pages.keys()]) {
      const entry = /** @type {PageEntry} */ (pages.get(key));
      if (invalidations.some(({ tag, at }) => at >= entry.startedAt && tagCovers(tag, key))) drop(key);
    }
  });

  return {
    /** The fresh copy of a page, after reading what other processes revalidated; or undefined. */
    lookup(/** @type {string} */ key) {
      shared.poll();
      const entry = pages.get(key);
      if (!entry) return undefined;
      pages.delete(key);
      pages.set(key, entry);
      return entry;
    },

    /** The time a render begins, to give back to `offer` with its answer. */
    begin() {
      return now();
    },

    /**
     * Keeps Next's answer for `key` if it is a fresh page and nothing that covers it was revalidated
     * since its render began; returns whether it was kept.
     * @param {string} key
     * @param {number} startedAt from begin()
     * @param {{ status: number, headers: Headers, body: Buffer, scripts: string[] }} answer
     */
    offer(key, startedAt, { status, headers, body, scripts }) {
      if (maxBytes === 0 || status !== 200 || !isFreshFromNext(headers[NEXT_CACHE_HEADER])) return false;
      if (body.length > maxBytes / 4) return false;
      shared.poll();
      if (shared.latestWhere((tag) => tagCovers(tag, key)) >= startedAt) return false;
      drop(key);
      /** @type {PageEntry} */
      const entry = { headers, body, scripts, gzip: undefined, br: undefined, bytes: body.length, startedAt };
      if (mayCompress({ method: "GET", status, headers, length: body.length })) {
        entry.gzip = compressBody("gzip", body);
        entry.bytes += entry.gzip.length;
        storedBrotli(body).then(
          (br) => {
            if (pages.get(key) !== entry) return;
            entry.br = br;
            entry.bytes += br.length;
            bytes += br.length;
            evict();
          },
          (error) => console.error("A page's brotli copy could not be made:", error),
        );
      }
      pages.set(key, entry);
      bytes += entry.bytes;
      evict();
      return pages.get(key) === entry;
    },

    /** Pages held and their bytes, for tests and monitoring. */
    size: () => pages.size,
    bytes: () => bytes,
    /** Stops listening (tests). */
    close: () => stop(),
  };
}
