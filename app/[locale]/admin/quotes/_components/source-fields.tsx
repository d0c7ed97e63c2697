"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { QuoteEditorOptions } from "@/db/queries/quotes-admin";
import type { QuoteFormValues } from "@/lib/quotes-editor/input";
import { CheckField } from "@/components/form/check-field";
import { controlClass, describedBy, Field, FieldError } from "@/components/form/field";
import { SelectField } from "@/components/form/select-field";

type Props = {
  sources: QuoteEditorOptions["sources"];
  values: QuoteFormValues;
  error: (field: string) => string | undefined;
};

/** Pick a source already on file, or describe a new one; a quote is never saved without one. */
export function SourceFields({ sources, values, error }: Props) {
  const t = useTranslations("quotesAdmin");
  const [mode, setMode] = useState(values.sourceMode === "new" ? "new" : "existing");
  const text = (name: keyof QuoteFormValues, type = "text") => {
    const id = `quote-${name}`;
    return (
      <Field id={id} label={t(`fields.${name}`)} error={error(name)}>
        <input name={name} type={type} defaultValue={values[name] as string} className={controlClass(error(name))} {...describedBy(id, { error: error(name) })} />
      </Field>
    );
  };
  return (
    <fieldset className="rounded-md border border-slate-300 p-4" aria-describedby={error("sourceMode") ? "quote-sourceMode-error" : undefined}>
      <legend className="px-1 font-semibold">{t("fields.source")}</legend>
      <div className="flex flex-wrap gap-4">
        {(["existing", "new"] as const).map((m) => (
          <CheckField key={m} type="radio" id={`quote-sourceMode-${m}`} name="sourceMode" value={m} label={t(`sourceMode.${m}`)} checked={mode === m} onChange={() => setMode(m)} />
        ))}
      </div>
      {error("sourceMode") && <FieldError id="quote-sourceMode">{error("sourceMode")}</FieldError>}
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        {mode === "existing" ? (
          <div className="sm:col-span-2">
            <SelectField
              id="quote-sourceId"
              name="sourceId"
              label={t("fields.sourceId")}
              error={error("sourceId")}
              emptyOption={t("chooseSource")}
              defaultValue={values.sourceId}
              options={sources.map((s) => ({ value: s.id, label: [s.title, s.publisher, s.publishedOn].filter(Boolean).join(" · ") }))}
            />
          </div>
        ) : (
          <>
            {text("sourceTitle")}
            {text("sourcePublisher")}
            {text("sourcePublishedOn", "date")}
            {text("sourceUrl", "url")}
          </>
        )}
      </div>
    </fieldset>
  );
}
