import "server-only";
import { revalidatePath } from "next/cache";
import { pagesChangedBy, type PublicChange } from "./public-changes";

/**
 * After a change is saved: revalidates the public pages it shows on (./public-changes.ts). Next's
 * cache handler records the revalidation in the database, where every server process (its own
 * copy of Next's cache and its page copy) finds it before its next answer.
 */
export function refreshPublicPages(change: PublicChange): void {
  for (const target of pagesChangedBy(change)) {
    if ("path" in target) revalidatePath(target.path);
    else revalidatePath(target.route, target.type);
  }
}
