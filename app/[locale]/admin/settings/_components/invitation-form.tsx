"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/form/text-field";
import { createInvitationAction, type InvitationState } from "../actions";

/** A new invitation code: for whom, and for how many people. */
export function InvitationForm() {
  const t = useTranslations("settingsAdmin");
  const [state, action, pending] = useActionState<InvitationState, FormData>(createInvitationAction, {});
  const errors = state.errors ?? {};
  const field = (name: "label" | "maxUses", label: string, type: "text" | "number") => (
    <TextField
      id={`invitation-${name}`}
      name={name}
      label={label}
      type={type}
      error={errors[name] && t(`errors.${errors[name]}`)}
      alert
      defaultValue={state.values?.[name]}
      min={type === "number" ? 1 : undefined}
    />
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
