import { useTranslations } from "next-intl";
import type { QuoteEditorOptions } from "@/db/queries/quotes-admin";
import { pick } from "@/lib/localized";

type Props = { locale: string; topics: QuoteEditorOptions["topics"]; checked: string[]; error?: string };

export function TopicFields({ locale, topics, checked, error }: Props) {
  const t = useTranslations("quotesAdmin");
  return (
    <fieldset className="rounded-md border border-slate-300 p-4" aria-describedby={error ? "quote-topics-error" : undefined}>
      <legend className="px-1 font-semibold">{t("fields.topics")}</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-2">
        {topics.map((topic) => (
          <label key={topic.id} className="flex items-center gap-2">
            <input type="checkbox" name="topicIds" value={topic.id} defaultChecked={checked.includes(String(topic.id))} />
            {pick(locale, topic.nameEn, topic.nameZh)}
          </label>
        ))}
      </div>
      {error && (
        <p id="quote-topics-error" className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}
