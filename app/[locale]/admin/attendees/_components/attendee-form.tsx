"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckField } from "@/components/form/check-field";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { asText } from "@/lib/registration/form-values";
import { DetailsFields } from "@/components/registration/details-fields";
import type { AttendeeFormState } from "../actions";

type Props = {
  action: (state: AttendeeFormState, formData: FormData) => Promise<AttendeeFormState>;
  days: { date: string; label: string }[];
  initial?: AttendeeFormState["values"];
  /** Admins may confirm a seat beyond capacity; the server checks the role again. */
  canOverride?: boolean;
  submitLabel: string;
};

/** The public form's fields, plus the name in the other script and the language of the emails. */
export function AttendeeForm({ action, days, initial, canOverride, submitLabel }: Props) {
  const t = useTranslations("attendeesAdmin");
  const tr = useTranslations("registration");
  const [state, formAction, pending] = useActionState(action, { values: initial });
  const errors = state.errors ?? {};
  const values = state.values ?? initial;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form key={JSON.stringify(state)} action={formAction} noValidate className="mt-4 space-y-5 rounded-xl border border-slate-200 bg-white p-5">
      {hasErrors && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 font-medium text-red-800">
          {state.full
            ? t("errors.full", state.full)
            : errors.form
              ? t(`errors.${errors.form}`)
              : tr("fixErrors")}
        </p>
      )}
      {state.saved && (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 font-medium text-brand-900">{t("saved")}</p>
      )}
      <DetailsFields days={days} values={values} errors={errors} />
      <TextField name="altName" label={t("altName")} maxLength={120} defaultValue={asText(values?.altName)} error={errors.altName ? tr(`errors.${errors.altName}`) : undefined} />
      <SelectField
        name="attendeeLocale"
        label={t("emailLanguage")}
        defaultValue={asText(values?.locale) || "en"}
        options={[
          { value: "en", label: "English" },
          { value: "zh-CN", label: "中文" },
        ]}
      />
      {canOverride && (
        <CheckField name="override" label={t("overrideCapacity")} defaultChecked={values?.override ?? false} />
      )}
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? t("saving") : submitLabel}
      </button>
    </form>
  );
}
