"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { saveSettingsAction, type SettingsState } from "../actions";

type Props = { values: Record<string, string>; defaultCapacity: number | null; timeZone: string };

export function SettingsForm({ values: initial, defaultCapacity, timeZone }: Props) {
  const t = useTranslations("settingsAdmin");
  const [state, action, pending] = useActionState<SettingsState, FormData>(saveSettingsAction, { values: initial });
  const values = state.values ?? initial;
  const errors = state.errors ?? {};
  const refused = state.refused;
  const message = (field: string) => {
    const code = errors[field];
    if (!code) return undefined;
    if (code === "belowConfirmed" && refused && "confirmed" in refused) return t("errors.belowConfirmed", refused);
    if (code === "daysInUse" && refused && "registrations" in refused) return t("errors.daysInUse", refused);
    return t(`errors.${code}`);
  };
  const field = (name: string, label: string, type: string, hint?: string) => (
    <div>
      <label htmlFor={`settings-${name}`} className="block font-medium">{label}</label>
      {hint && <p id={`settings-${name}-hint`} className="text-sm text-slate-600">{hint}</p>}
      <input
        id={`settings-${name}`}
        name={name}
        type={type}
        defaultValue={values[name]}
        min={type === "number" ? 0 : undefined}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={[hint && `settings-${name}-hint`, errors[name] && `settings-${name}-error`].filter(Boolean).join(" ") || undefined}
        className={`mt-1 w-full rounded-md border px-3 py-2 ${errors[name] ? "border-red-700" : "border-slate-400"}`}
      />
      {errors[name] && <p id={`settings-${name}-error`} role="alert" className="mt-1 text-sm font-medium text-red-800">{message(name)}</p>}
    </div>
  );
  return (
    <form key={JSON.stringify(state)} action={action} noValidate className="mt-4 space-y-5 rounded-xl border border-slate-200 bg-white p-5">
      {state.saved && (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 font-medium text-brand-900">
          {t("saved", { promoted: state.saved.promoted })}
        </p>
      )}
      {field("capacity", t("capacity"), "number", defaultCapacity === null ? undefined : t("capacityDefault", { capacity: defaultCapacity }))}
      <fieldset className="space-y-3">
        <legend className="font-semibold">{t("window", { zone: timeZone })}</legend>
        {field("opensAt", t("opensAt"), "datetime-local", t("blankOpen"))}
        {field("closesAt", t("closesAt"), "datetime-local", t("blankOpen"))}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-semibold">{t("days")}</legend>
        {field("startDate", t("startDate"), "date")}
        {field("endDate", t("endDate"), "date")}
      </fieldset>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
