"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Link } from "@/i18n/navigation";
import { registerAction, type RegisterState } from "../actions";
import { CheckField } from "@/components/form/check-field";
import { controlClass, describedBy, Field } from "@/components/form/field";
import { DetailsFields } from "@/components/registration/details-fields";

/** editionId: the edition the page showed, whose days the form offers; the action registers for it. */
type Props = { locale: string; editionId: number; days: { date: string; label: string }[]; full: boolean; holdMinutes: number };

export function RegisterForm({ locale, editionId, days, full, holdMinutes }: Props) {
  const t = useTranslations("registration");
  const [state, action, pending] = useActionState<RegisterState, FormData>(registerAction.bind(null, locale, editionId), {});
  const errors = state.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  const details = state.details ?? {};
  const message = (code: string) => t(`errors.${code}`, { limit: details.limit ?? 0, minutes: details.minutes ?? 0, maxUses: details.maxUses ?? 0 });
  if (state.received) {
    return (
      <section role="status" className="mt-6 rounded-xl border border-green-300 bg-green-50 p-5 text-green-900">
        <h2 className="text-xl font-bold">{t("receivedHeading")}</h2>
        <p className="mt-2">
          {state.received.awaiting === "email"
            ? t("receivedEmail", { email: state.received.email, minutes: holdMinutes })
            : t("receivedApproval", { email: state.received.email })}
        </p>
      </section>
    );
  }
  return (
    // The key remounts the fields with what was typed each time the server answers.
    <form key={JSON.stringify(state)} action={action} noValidate className="mt-6 space-y-5 rounded-xl border border-slate-200 bg-white p-5">
      {hasErrors && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 font-medium text-red-800">
          {errors.form ? message(errors.form) : t("fixErrors")}
        </p>
      )}
      {state.duplicate && (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 font-medium text-brand-900">
          {t("duplicate")}
        </p>
      )}
      <DetailsFields days={days} values={state.values} errors={errors} />
      <CheckField
        name="consent"
        defaultChecked={state.values?.consent ?? false}
        error={errors.consent && t(`errors.${errors.consent}`)}
        label={t.rich("consent", {
          link: (chunks) => (
            <Link href="/privacy" className="text-brand-700 underline" target="_blank">
              {chunks}
            </Link>
          ),
        })}
      />
      <Field id="field-invitationCode" label={t("invitationCode")} hint={t("invitationHint")} error={errors.invitationCode && message(errors.invitationCode)}>
        <input
          {...describedBy("field-invitationCode", { hint: true, error: errors.invitationCode })}
          name="invitationCode"
          autoComplete="off"
          defaultValue={typeof state.values?.invitationCode === "string" ? state.values.invitationCode : ""}
          className={`${controlClass(errors.invitationCode)} font-mono uppercase`}
        />
      </Field>
      <button type="submit" disabled={pending} className="w-full rounded-md bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60 sm:w-auto">
        {pending ? t("submitting") : full ? t("submitWaiting") : t("submit")}
      </button>
    </form>
  );
}
