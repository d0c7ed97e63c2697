import { getTranslations } from "next-intl/server";
import type { QuoteEditorOptions } from "@/db/queries/quotes-admin";
import { pick } from "@/lib/localized";
import type { ConsoleQuoteQuery } from "@/lib/quotes-editor/filter";

type Props = { locale: string; query: ConsoleQuoteQuery; speakers: QuoteEditorOptions["speakers"] };

/** A plain GET form: the console renders per request, so the address is the filter. */
export async function QuoteFilters({ locale, query, speakers }: Props) {
  const t = await getTranslations("quotesAdmin");
  return (
    <form method="get" role="search" className="mt-6 flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="quote-search" className="block font-medium">{t("search")}</label>
        <input id="quote-search" name="q" type="search" defaultValue={query.q} className="mt-1 rounded-md border border-slate-400 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="quote-speaker-filter" className="block font-medium">{t("speakerFilter")}</label>
        <select id="quote-speaker-filter" name="speaker" defaultValue={query.speakerId ?? ""} className="mt-1 rounded-md border border-slate-400 px-3 py-2">
          <option value="">{t("allSpeakers")}</option>
          {speakers.map((s) => (
            <option key={s.id} value={s.id}>{pick(locale, s.nameEn, s.nameZh)}</option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-700">
        {t("applyFilters")}
      </button>
    </form>
  );
}
