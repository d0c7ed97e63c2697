"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Link } from "@/i18n/navigation";
import { registerAction, type RegisterState } from "../actions";
import { DetailsFields } from "./details-fields";

type Props = { locale: string; days: { date: string; label: string }[]; full: boolean };

export function RegisterForm({ locale, days, full }: Props) {
  const t = useTranslations("registration");
  const [state, action, pending] = useActionState<RegisterState, FormData>(registerAction.bind(null, locale), {});
  const errors = state.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  return (
    // The key remounts the fields with what was typed each time the server answers.
    <form key={JSON.stringify(state)} action={action} noValidate className="mt-6 space-y-5 rounded-xl border border-slate-200 bg-white p-5">
      {hasErrors && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 font-medium text-red-800">
          {errors.form ? t(`errors.${errors.form}`) : t("fixErrors")}
        </p>
      )}
      {state.duplicate && (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 font-medium text-brand-900">
          {t("duplicate")}
        </p>
      )}
      <DetailsFields days={days} values={state.values} errors={errors} />
      <div>
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="consent"
            defaultChecked={state.values?.consent ?? false}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? "field-consent-error" : undefined}
            className="mt-1 size-4"
          />
          <span>
            {t.rich("consent", {
              link: (chunks) => (
                <Link href="/privacy" className="text-brand-700 underline" target="_blank">
                  {chunks}
                </Link>
              ),
            })}
          </span>
        </label>
        {errors.consent && (
          <p id="field-consent-error" className="mt-1 text-sm font-medium text-red-800">
            {t(`errors.${errors.consent}`)}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="w-full rounded-md bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60 sm:w-auto">
        {pending ? t("submitting") : full ? t("submitWaiting") : t("submit")}
      </button>
    </form>
  );
}
