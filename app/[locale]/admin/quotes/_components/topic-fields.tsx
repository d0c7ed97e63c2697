import { useTranslations } from "next-intl";
import { CheckField } from "@/components/form/check-field";
import { FieldError } from "@/components/form/field";
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
          <CheckField
            key={topic.id}
            id={`quote-topic-${topic.id}`}
            name="topicIds"
            value={topic.id}
            label={pick(locale, topic.nameEn, topic.nameZh)}
            defaultChecked={checked.includes(String(topic.id))}
          />
        ))}
      </div>
      {error && <FieldError id="quote-topics">{error}</FieldError>}
    </fieldset>
  );
}
