import { revalidatePath } from "next/cache";
import { clearPageCache } from "@/lib/page-cache";

/**
 * After a speaker or quote changes: every public page that can show one. Names appear on the
 * agenda and session pages too, so those go with them; the console changes rarely enough.
 */
export function revalidatePublicContent(): void {
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
