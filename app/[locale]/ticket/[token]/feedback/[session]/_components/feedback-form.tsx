"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError } from "@/components/form/field";
import { TextField } from "@/components/form/text-field";
import { COMMENT_MAX, RATINGS } from "@/lib/feedback/scale";
import type { FeedbackState } from "../actions";

type Props = {
  action: (state: FeedbackState, form: FormData) => Promise<FeedbackState>;
  answer: { rating: number; comment: string } | null;
  /** The window's end, already formatted in the forum's zone. */
  closes: string;
};

/** The rating (a radio group, 1 to 5) and the comment: one answer, sent again to change it. */
export function FeedbackForm({ action, answer, closes }: Props) {
  const t = useTranslations("feedback");
  const [state, formAction, pending] = useActionState(action, {});
  const rating = state.values?.rating ?? (answer ? String(answer.rating) : "");
  const comment = state.values?.comment ?? answer?.comment ?? "";
  const ratingError = state.errors?.rating ? t(`errors.${state.errors.rating}` as "errors.rating") : undefined;
  return (
    <form action={formAction} className="space-y-5 rounded-xl border border-slate-200 bg-white p-5" noValidate>
      {state.done && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 font-medium text-green-900">
          {t("saved", { closes })}
        </p>
      )}
      {state.errors?.form && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 font-medium text-red-800">
          {t(`errors.${state.errors.form}` as "errors.notFound")}
        </p>
      )}
      <fieldset aria-describedby={`rating-hint${ratingError ? " rating-error" : ""}`} aria-invalid={ratingError ? true : undefined}>
        <legend className="font-medium text-slate-800">{t("rating")}</legend>
        <p id="rating-hint" className="text-sm text-slate-600">
          {t("scale")}
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          {RATINGS.map((n) => (
            <label key={`${n}-${rating}`} className="flex cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 px-3 py-2 has-checked:border-brand-700 has-checked:bg-brand-50">
              <input type="radio" name="rating" value={n} defaultChecked={rating === String(n)} required className="size-4" />
              <span>{t("stars", { count: n })}</span>
            </label>
          ))}
        </div>
        {ratingError && <FieldError id="rating">{ratingError}</FieldError>}
      </fieldset>
      <TextField
        key={comment}
        name="comment"
        label={t("comment")}
        multiline
        maxLength={COMMENT_MAX}
        defaultValue={comment}
        error={state.errors?.comment ? t(`errors.${state.errors.comment}` as "errors.commentTooLong") : undefined}
      />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {answer || state.done ? t("update") : t("send")}
      </button>
    </form>
  );
}
