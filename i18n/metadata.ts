import type { Metadata } from "next";
import { publicBaseUrl } from "../lib/registration/urls";
import { getEvent } from "../db/queries/event";
import { editionName, editionValues } from "../lib/edition";
import { getTranslations } from "next-intl/server";
import { routing } from "./routing";

export function siteUrl(): URL {
  return new URL(publicBaseUrl());
}

/** Title, description, language alternates and Open Graph tags for one page in one locale. */
export async function pageMetadata(options: {
  locale: string;
  /** The path after the locale, "" for the home page, "/agenda" otherwise. */
  path: string;
  title?: string;
  description?: string;
  type?: "website" | "article" | "profile";
}): Promise<Metadata> {
  const t = await getTranslations({ locale: options.locale, namespace: "meta" });
  const event = getEvent();
  const siteName = editionName(event, options.locale);
  const description = options.description || t("description", editionValues(event, options.locale));
  // x-default: the address without a language, which sends each visitor to theirs (as /sitemap.xml says).
  const languages = {
    ...Object.fromEntries(routing.locales.map((l) => [l, `/${l}${options.path}`])),
    "x-default": options.path || "/",
  };
  return {
    metadataBase: siteUrl(),
    title: options.title ? { absolute: t("titleTemplate", { name: siteName }).replace("%s", options.title) } : siteName,
    description,
    alternates: { canonical: `/${options.locale}${options.path}`, languages },
    openGraph: {
      type: options.type ?? "website",
      siteName,
      title: options.title ?? siteName,
      description,
      url: `/${options.locale}${options.path}`,
      locale: options.locale.replace("-", "_"),
      alternateLocale: routing.locales.filter((l) => l !== options.locale).map((l) => l.replace("-", "_")),
    },
  };
}
