"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePasswordAction, type PasswordState } from "../actions";

function Field({ name, label, error, autoComplete }: { name: string; label: string; error?: string; autoComplete: string }) {
  const id = `password-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="password"
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`mt-1 w-full rounded-md border px-3 py-2 ${error ? "border-red-700" : "border-slate-400"}`}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

export function PasswordForm({ locale }: { locale: string }) {
  const t = useTranslations("console.account");
  const [state, action, pending] = useActionState<PasswordState, FormData>(changePasswordAction, {});
  const e = state.errors ?? {};
  return (
    <form action={action} className="mt-4 max-w-sm space-y-4" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <Field name="current" label={t("current")} autoComplete="current-password" error={e.current && t(`errors.current.${e.current}`)} />
      <Field name="next" label={t("next")} autoComplete="new-password" error={e.next && t(`errors.next.${e.next}`)} />
      <Field name="confirm" label={t("confirm")} autoComplete="new-password" error={e.confirm && t("errors.confirm")} />
      <p className="text-sm text-slate-600">{t("rules")}</p>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
