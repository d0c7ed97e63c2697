"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/form/text-field";
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
  const field = (name: string, label: string, type: "number" | "date" | "datetime-local", hint?: string) => (
    <TextField
      id={`settings-${name}`}
      name={name}
      label={label}
      type={type}
      hint={hint}
      error={message(name)}
      alert
      defaultValue={values[name]}
      min={type === "number" ? 0 : undefined}
    />
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
