/**
 * server.mjs keeps the bytes of pages Next rendered ahead of time. Whatever revalidates public
 * pages (revalidatePath) must call this too, or visitors keep the old page: with the paths it
 * revalidated (`/en/speakers/wang-yao`), or with none to forget every page.
 */
export function clearPageCache(paths?: readonly string[]): void {
  const cache = (globalThis as { __forumPageCache?: Map<string, unknown> }).__forumPageCache;
  if (!cache) return;
  if (!paths) return cache.clear();
  for (const path of paths) cache.delete(path);
}
