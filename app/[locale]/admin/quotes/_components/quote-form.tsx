"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { QuoteEditorOptions } from "@/db/queries/quotes-admin";
import { pick } from "@/lib/localized";
import { QUOTE_LIMITS, type QuoteFormValues } from "@/lib/quotes-editor/input";
import { createQuoteAction, updateQuoteAction, type QuoteFormState } from "../actions";
import { controlClass, describedBy, Field } from "@/components/form/field";
import { SourceFields } from "./source-fields";
import { TopicFields } from "./topic-fields";

type Props = { locale: string; id?: number; initial: QuoteFormValues; options: QuoteEditorOptions; created?: boolean };

/** Speaker, words, kind, language, translation, session, topics and source: the same form adds and edits. */
export function QuoteForm({ locale, id, initial, options, created }: Props) {
  const t = useTranslations("quotesAdmin");
  const [state, action, pending] = useActionState<QuoteFormState, FormData>(
    id === undefined ? createQuoteAction : updateQuoteAction,
    {},
  );
  const values = state.values ?? initial;
  const errors = state.errors ?? {};
  const error = (field: string) => (errors[field] ? t(`errors.${errors[field]}`, { max: QUOTE_LIMITS.text }) : undefined);
  const select = (name: "speakerId" | "sessionId" | "kind" | "language", children: React.ReactNode) => (
    <Field id={`quote-${name}`} label={t(`fields.${name}`)} error={error(name)}>
      <select name={name} defaultValue={values[name]} className={controlClass(error(name))} {...describedBy(`quote-${name}`, { error: error(name) })}>
        {children}
      </select>
    </Field>
  );
  const area = (name: "text" | "translation", hint?: string) => (
    <Field id={`quote-${name}`} label={t(`fields.${name}`)} error={error(name)} hint={hint}>
      <textarea name={name} rows={4} defaultValue={values[name]} className={controlClass(error(name))} {...describedBy(`quote-${name}`, { error: error(name), hint })} />
    </Field>
  );
  return (
    <form key={JSON.stringify(state)} action={action} noValidate className="mt-4 space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <input type="hidden" name="locale" value={locale} />
      {id !== undefined && <input type="hidden" name="id" value={id} />}
      {created && !state.saved && !state.errors && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          {t("created")}
        </p>
      )}
      {state.saved && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          {t("saved")}
        </p>
      )}
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900">
          {errors.form ? t(`errors.${errors.form}`, { max: 0 }) : t("fixErrors")}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        {select(
          "speakerId",
          <>
            <option value="">{t("chooseSpeaker")}</option>
            {options.speakers.map((s) => (
              <option key={s.id} value={s.id}>
                {pick(locale, s.nameEn, s.nameZh)}
              </option>
            ))}
          </>,
        )}
        {select("kind", (["direct", "paraphrase"] as const).map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>))}
        {select("language", (["en", "zh"] as const).map((l) => <option key={l} value={l}>{t(`languages.${l}`)}</option>))}
      </div>
      {area("text", t("hints.text"))}
      {area("translation", t("hints.translation"))}
      <div className="grid gap-4 sm:grid-cols-2">
        {select(
          "sessionId",
          <>
            <option value="">{t("noSession")}</option>
            {options.sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.status === "published" ? pick(locale, s.titleEn, s.titleZh) : t(`sessionStatus.${s.status}`, { title: pick(locale, s.titleEn, s.titleZh) })}
              </option>
            ))}
          </>,
        )}
        <Field id="quote-saidOn" label={t("fields.saidOn")} error={error("saidOn")}>
          <input name="saidOn" type="date" defaultValue={values.saidOn} className={controlClass(error("saidOn"))} {...describedBy("quote-saidOn", { error: error("saidOn") })} />
        </Field>
        <Field id="quote-recordingOffset" label={t("recordingOffset")} hint={t("recordingOffsetHint")} error={error("recordingOffset")}>
          <input
            name="recordingOffset"
            defaultValue={values.recordingOffset}
            inputMode="numeric"
            className={controlClass(error("recordingOffset"))}
            {...describedBy("quote-recordingOffset", { error: error("recordingOffset"), hint: true })}
          />
        </Field>
      </div>
      <TopicFields locale={locale} topics={options.topics} checked={values.topicIds} error={error("topicIds")} />
      <SourceFields sources={options.sources} values={values} error={error} />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {id === undefined ? t("create") : t("save")}
      </button>
    </form>
  );
}
