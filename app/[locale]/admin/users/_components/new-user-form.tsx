"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
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
      <TextField id="new-user-email" name="email" type="email" label={t("email")} defaultValue={state.values?.email} error={e.email && t(`errors.email.${e.email}`)} />
      <TextField id="new-user-name" name="name" label={t("name")} maxLength={100} defaultValue={state.values?.name} error={e.name && t("errors.name")} />
      <SelectField
        id="new-user-role"
        name="role"
        label={t("role")}
        error={e.role && t("errors.role")}
        defaultValue={state.values?.role ?? "organizer"}
        options={userRoles.map((role) => ({ value: role, label: roles(role) }))}
      />
      <div className="flex items-end">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {t("add")}
        </button>
      </div>
    </form>
  );
}
