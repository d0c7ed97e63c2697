import { getTranslations } from "next-intl/server";
import type { Event } from "@/db/schema";
import { editionValues } from "@/lib/edition";

/** Above every page of a past edition: when and where it took place, and that it is closed. */
export async function ArchiveBanner({ edition, locale }: { edition: Event; locale: string }) {
  const t = await getTranslations("editions");
  return (
    <p role="note" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-slate-800">
      {t("archiveBanner", editionValues(edition, locale))}
    </p>
  );
}
