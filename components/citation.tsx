import { useLocale, useTranslations } from "next-intl";
import type { Source } from "@/db/schema";
import { isZh } from "@/lib/localized";
import { formatDay } from "@/lib/time";

/** "Source: Publisher “Title”, published 25 July 2024", linked where the source has an address. */
export function Citation({ source, className }: { source: Source; className?: string }) {
  const t = useTranslations("quotes");
  const locale = useLocale();
  const text = t("citation", {
    publisher: source.publisher ? `${source.publisher}, ` : "",
    title: source.title,
    date: formatDay(source.publishedOn, locale, "date"),
  });
  return (
    <cite className={`not-italic ${className ?? ""}`}>
      {source.url ? (
        <a href={source.url} className="underline" rel="noreferrer">
          {text}
        </a>
      ) : (
        text
      )}
      {/* The sources are in English: whatever Chinese stands next to a citation is the site's. */}
      {isZh(locale) && t("sourceInEnglish")}
    </cite>
  );
}
