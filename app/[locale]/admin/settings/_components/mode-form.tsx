"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckField } from "@/components/form/check-field";
import { FieldError } from "@/components/form/field";
import { TextField } from "@/components/form/text-field";
import { registrationModes } from "@/lib/registration/mode";
import { saveModeAction, type ModeState } from "../actions";

type Props = { values: { mode: string; holdMinutes: string }; chosen: boolean };

/** The registration mode (open, confirm by email, approval) and how long a hold lasts. */
export function ModeForm({ values: initial, chosen }: Props) {
  const t = useTranslations("settingsAdmin");
  const [state, action, pending] = useActionState<ModeState, FormData>(saveModeAction, { values: initial });
  const values = state.values ?? initial;
  const errors = state.errors ?? {};
  return (
    <form key={JSON.stringify(state)} action={action} noValidate className="mt-4 space-y-4 rounded-xl border border-slate-200 bg-white p-5">
      {state.saved && <p role="status" className="rounded-md bg-brand-50 px-3 py-2 font-medium text-brand-900">{t("modeSaved")}</p>}
      <fieldset aria-describedby={errors.mode ? "settings-mode-error" : undefined}>
        <legend className="font-medium">{t("mode")}</legend>
        {!chosen && <p className="text-sm text-slate-600">{t("modeDefault", { mode: t(`modes.${initial.mode}`) })}</p>}
        {registrationModes.map((mode) => (
          <div key={mode} className="mt-2">
            <CheckField type="radio" id={`settings-mode-${mode}`} name="mode" value={mode} label={t(`modes.${mode}`)} defaultChecked={values.mode === mode} />
          </div>
        ))}
        {errors.mode && (
          <FieldError id="settings-mode" alert>
            {t(`errors.${errors.mode}`)}
          </FieldError>
        )}
      </fieldset>
      <TextField
        id="settings-holdMinutes"
        name="holdMinutes"
        type="number"
        min={1}
        label={t("holdMinutes")}
        hint={t("holdHint")}
        error={errors.holdMinutes && t(`errors.${errors.holdMinutes}`)}
        alert
        defaultValue={values.holdMinutes}
      />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? t("saving") : t("saveMode")}
      </button>
    </form>
  );
}
