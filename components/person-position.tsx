import { useLocale, useTranslations } from "next-intl";
import { isZh, pick } from "@/lib/localized";

type Person = {
  titleEn: string;
  titleZh: string;
  organisationEn: string;
  organisationZh: string;
  /** Set for a real person named in a source. */
  sourceId: number | null;
};

/**
 * "Title, organisation" in the reader's language. For a real person the source gives these in
 * English only: in Chinese they are the site's rendering, said so next to the English original.
 */
export function PersonPosition({ person: p }: { person: Person }) {
  const t = useTranslations("speakers");
  const locale = useLocale();
  const title = pick(locale, p.titleEn, p.titleZh);
  const organisation = pick(locale, p.organisationEn, p.organisationZh);
  if (!title && !organisation) return null;
  const text = title && organisation ? t("position", { title, organisation }) : title || organisation;
  const rendered = isZh(locale) && p.sourceId !== null && Boolean(p.titleZh || p.organisationZh);
  return (
    <>
      {text}
      {rendered && (
        <span className="mt-0.5 block text-xs text-slate-600">
          {t("rendering", { original: [p.titleEn, p.organisationEn].filter(Boolean).join(", ") })}
        </span>
      )}
    </>
  );
}
