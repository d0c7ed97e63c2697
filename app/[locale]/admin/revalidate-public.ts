import { revalidatePath } from "next/cache";
import { clearPageCache } from "@/lib/page-cache";
import { inEveryLocale, type PublicPages } from "@/lib/public-pages";

/**
 * After a speaker or quote changes: the public pages that show it (lib/public-pages.ts), or every
 * public page that can show one. Names appear on the agenda and session pages too.
 */
export function revalidatePublicContent(pages: PublicPages = "all"): void {
  if (pages !== "all") {
    const paths = inEveryLocale(pages);
    for (const path of paths) revalidatePath(path);
    clearPageCache(paths);
    return;
  }
  for (const page of [
    "/[locale]",
    "/[locale]/agenda",
    "/[locale]/speakers",
    "/[locale]/speakers/[slug]",
    "/[locale]/quotes",
    "/[locale]/quotes/[id]",
    "/[locale]/sessions/[slug]",
  ]) {
    revalidatePath(page, "page");
  }
  clearPageCache();
}
