"use client";

import { useLocale, useTranslations } from "next-intl";
import { QuoteCard } from "@/components/quote-card";
import { useLocationSearch } from "@/components/use-location-search";
import { ClearButton, FilterBar, SearchField } from "@/components/ui/filter-bar";
import { FilterSelect } from "@/components/ui/filter-select";
import type { QuoteWithDetails } from "@/db/queries/quotes";
import { pick } from "@/lib/localized";
import { filterQuotes, parseQuoteQuery, quoteQueryString, type QuoteQuery } from "@/lib/quotes";

type Named = { slug: string; nameEn: string; nameZh: string | null };
type Data = { quotes: QuoteWithDetails[]; speakers: Named[]; topics: Named[] };


export function QuoteArchive({ data }: { data: Data }) {
  const [params, replaceSearch] = useLocationSearch();
  const t = useTranslations("quotes");
  const locale = useLocale();
  const known = { speakers: data.speakers.map((s) => s.slug), topics: data.topics.map((s) => s.slug) };
  const query = parseQuoteQuery(params ?? new URLSearchParams(), known);
  const shown = filterQuotes(data.quotes, query);
  const update = (change: Partial<QuoteQuery>) => {
    // Applied to the address as it is now, so that quick changes in a row all stay.
    const current = parseQuoteQuery(new URLSearchParams(window.location.search), known);
    replaceSearch(quoteQueryString({ ...current, ...change }));
  };
  const named = (items: Named[]) => items.map((x) => ({ value: x.slug, label: pick(locale, x.nameEn, x.nameZh) }));
  const filtering = Boolean(query.speaker || query.topic || query.q.trim());

  return (
    <div className="mt-6">
      <FilterBar label={t("search")} columns="lg:grid-cols-[2fr_1fr_1fr_auto]">
        <SearchField
          id="quotes-q"
          label={t("search")}
          placeholder={t("searchPlaceholder")}
          value={query.q}
          onChange={(q) => update({ q })}
        />
        <FilterSelect id="quotes-speaker" label={t("speaker")} allLabel={t("all")} value={query.speaker} options={named(data.speakers)} onChange={(speaker) => update({ speaker })} />
        <FilterSelect id="quotes-topic" label={t("topic")} allLabel={t("all")} value={query.topic} options={named(data.topics)} onChange={(topic) => update({ topic })} />
        <ClearButton
          disabled={!filtering}
          onClick={() => {
            update({ q: "", speaker: null, topic: null });
          }}
        >
          {t("clear")}
        </ClearButton>
      </FilterBar>
      <p className="mt-4 text-sm text-slate-700" aria-live="polite">
        {t("count", { count: shown.length })}
      </p>
      {shown.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">{t("noResults")}</p>
      ) : (
        <ul className="mt-4 space-y-4">
          {shown.map((q) => (
            <li key={q.id}>
              <QuoteCard quote={q} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
