"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { userRoles } from "@/lib/auth/roles";
import { createUserAction, type CreateUserState } from "../actions";

export function NewUserForm() {
  const t = useTranslations("console.users");
  const roles = useTranslations("console.nav.roles");
  const [state, action, pending] = useActionState<CreateUserState, FormData>(createUserAction, {});
  const e = state.errors ?? {};
  return (
    <form action={action} className="mt-4 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4" noValidate>
      {state.created && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900 sm:col-span-4">
          {t("created", { email: state.created.email })}{" "}
          <code className="rounded bg-white px-1 font-mono" data-testid="one-time-password">
            {state.created.password}
          </code>
        </p>
      )}
      <div>
        <label htmlFor="new-user-email" className="block font-medium">{t("email")}</label>
        <input id="new-user-email" name="email" type="email" defaultValue={state.values?.email} aria-invalid={e.email ? true : undefined} aria-describedby={e.email ? "new-user-email-error" : undefined} className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2" />
        {e.email && <p id="new-user-email-error" className="mt-1 text-sm font-medium text-red-800">{t(`errors.email.${e.email}`)}</p>}
      </div>
      <div>
        <label htmlFor="new-user-name" className="block font-medium">{t("name")}</label>
        <input id="new-user-name" name="name" maxLength={100} defaultValue={state.values?.name} aria-invalid={e.name ? true : undefined} className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2" />
        {e.name && <p className="mt-1 text-sm font-medium text-red-800">{t("errors.name")}</p>}
      </div>
      <div>
        <label htmlFor="new-user-role" className="block font-medium">{t("role")}</label>
        <select id="new-user-role" name="role" defaultValue={state.values?.role ?? "organizer"} className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2">
          {userRoles.map((role) => (
            <option key={role} value={role}>{roles(role)}</option>
          ))}
        </select>
        {e.role && <p className="mt-1 text-sm font-medium text-red-800">{t("errors.role")}</p>}
      </div>
      <div className="flex items-end">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {t("add")}
        </button>
      </div>
    </form>
  );
}
