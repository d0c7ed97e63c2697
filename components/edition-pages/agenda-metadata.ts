import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { Event } from "@/db/schema";
import { pageMetadata } from "@/i18n/metadata";
import { daysOf, editionName } from "@/lib/edition";

/** An agenda page's title and description, for the edition it shows. */
export async function agendaMetadata(locale: string, path: string, edition: Event): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "agenda" });
  return pageMetadata({ locale, path, title: t("title"), description: t("description", { name: editionName(edition, locale), days: daysOf(edition).length }) });
}
