import { getTranslations } from "next-intl/server";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import type { QuoteEditorOptions } from "@/db/queries/quotes-admin";
import { pick } from "@/lib/localized";
import type { ConsoleQuoteQuery } from "@/lib/quotes-editor/filter";

type Props = { locale: string; query: ConsoleQuoteQuery; speakers: QuoteEditorOptions["speakers"] };

/** A plain GET form: the console renders per request, so the address is the filter. */
export async function QuoteFilters({ locale, query, speakers }: Props) {
  const t = await getTranslations("quotesAdmin");
  return (
    <form method="get" role="search" className="mt-6 flex flex-wrap items-end gap-3">
      <TextField id="quote-search" name="q" type="search" label={t("search")} defaultValue={query.q} />
      <SelectField
        id="quote-speaker-filter"
        name="speaker"
        label={t("speakerFilter")}
        emptyOption={t("allSpeakers")}
        defaultValue={query.speakerId ?? ""}
        options={speakers.map((s) => ({ value: s.id, label: pick(locale, s.nameEn, s.nameZh) }))}
      />
      <button type="submit" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-700">
        {t("applyFilters")}
      </button>
    </form>
  );
}
