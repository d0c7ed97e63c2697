"use client";

import { TextField } from "@/components/form/text-field";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInAction, type SignInState } from "../actions";

export function SignInForm({ locale, next }: { locale: string; next?: string }) {
  const t = useTranslations("console.signIn");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const message =
    state.error === "locked"
      ? t("locked", { minutes: state.minutes ?? 15 })
      : state.error
        ? t(state.error)
        : null;
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="locale" value={locale} />
      {next && <input type="hidden" name="next" value={next} />}
      {message && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 font-medium text-red-900">
          {message}
        </p>
      )}
      <TextField id="sign-in-email" name="email" type="email" label={t("email")} autoComplete="username" required defaultValue={state.email} />
      <TextField id="sign-in-password" name="password" type="password" label={t("password")} autoComplete="current-password" required />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
