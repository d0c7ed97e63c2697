/**
 * server.mjs keeps the bytes of pages Next rendered ahead of time. Whatever revalidates public
 * pages (revalidatePath) must call this too, or visitors keep the old page.
 */
export function clearPageCache(): void {
  (globalThis as { __forumPageCache?: Map<string, unknown> }).__forumPageCache?.clear();
}
