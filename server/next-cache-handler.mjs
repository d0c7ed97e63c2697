// @ts-check
/**
 * Next's cache of the pages it renders ahead (ISR), made to hold for every server process.
 *
 * Next's own handler keeps pages on disk (shared by the processes, since they share the build
 * folder) and in memory, and remembers which tags were revalidated in memory only: a change saved
 * through one process would leave every other process serving the old page. This handler is
 * Next's own, plus the shared record of revalidated tags (server/shared-cache.mjs):
 * - revalidateTag: Next's, and the tags are recorded in the database for the other processes;
 * - get: Next's answer, refused (so Next renders the page again) when one of the page's tags was
 *   revalidated by any process after the page was made.
 * The page's tags are the header Next stores with it (x-next-cache-tags); e2e/page-copy.spec.ts
 * and e2e/two-process-freshness.spec.ts fail if an upgrade of Next stops this from working.
 * Configured in next.config.js (`cacheHandler`, a documented option).
 */
import { createRequire } from "node:module";
import { expiredSince, poll, record } from "./shared-cache.mjs";

const require = createRequire(import.meta.url);
/** @type {any} */
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;

const TAGS_HEADER = "x-next-cache-tags";

/** While `next build` prerenders, there is no server to share with, and the database stays closed. */
const building = () => process.env.NEXT_PHASE === "phase-production-build";

export default class SharedTagsCache extends FileSystemCache {
  /**
   * @param {string} key
   * @param {any} ctx
   */
  async get(key, ctx) {
    const data = await super.get(key, ctx);
    if (!data || building()) return data;
    const header = data.value?.headers?.[TAGS_HEADER];
    if (typeof header !== "string" || header === "") return data;
    poll();
    return expiredSince(header.split(","), data.lastModified ?? 0) ? null : data;
  }

  /**
   * @param {string | string[]} tags
   * @param {any} [durations]
   */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    if (!building()) record(typeof tags === "string" ? [tags] : tags);
  }
}
