"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/form/text-field";
import { changePasswordAction, type PasswordState } from "../actions";

export function PasswordForm({ locale }: { locale: string }) {
  const t = useTranslations("console.account");
  const [state, action, pending] = useActionState<PasswordState, FormData>(changePasswordAction, {});
  const e = state.errors ?? {};
  return (
    <form action={action} className="mt-4 max-w-sm space-y-4" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <TextField id="password-current" name="current" type="password" label={t("current")} autoComplete="current-password" error={e.current && t(`errors.current.${e.current}`)} />
      <TextField id="password-next" name="next" type="password" label={t("next")} autoComplete="new-password" error={e.next && t(`errors.next.${e.next}`)} />
      <TextField id="password-confirm" name="confirm" type="password" label={t("confirm")} autoComplete="new-password" error={e.confirm && t("errors.confirm")} />
      <p className="text-sm text-slate-600">{t("rules")}</p>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
