"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createInvitationAction, type InvitationState } from "../actions";

/** A new invitation code: for whom, and for how many people. */
export function InvitationForm() {
  const t = useTranslations("settingsAdmin");
  const [state, action, pending] = useActionState<InvitationState, FormData>(createInvitationAction, {});
  const errors = state.errors ?? {};
  const field = (name: "label" | "maxUses", label: string, type: string) => (
    <div>
      <label htmlFor={`invitation-${name}`} className="block font-medium">{label}</label>
      <input
        id={`invitation-${name}`}
        name={name}
        type={type}
        min={type === "number" ? 1 : undefined}
        defaultValue={state.values?.[name]}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `invitation-${name}-error` : undefined}
        className={`mt-1 w-full rounded-md border px-3 py-2 ${errors[name] ? "border-red-700" : "border-slate-400"}`}
      />
      {errors[name] && <p id={`invitation-${name}-error`} role="alert" className="mt-1 text-sm font-medium text-red-800">{t(`errors.${errors[name]}`)}</p>}
    </div>
  );
  return (
    <form key={JSON.stringify(state)} action={action} noValidate className="mt-4 grid gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
      {field("label", t("invitationLabel"), "text")}
      {field("maxUses", t("invitationUses"), "number")}
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("createInvitation")}
      </button>
      {state.created && <p role="status" className="font-medium text-brand-900 sm:col-span-3">{t("invitationCreated", { code: state.created })}</p>}
    </form>
  );
}
