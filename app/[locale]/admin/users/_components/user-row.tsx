"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField } from "@/components/form/select-field";
import { userRoles, type UserRole } from "@/lib/auth/roles";
import { updateUserAction, type UserRowState } from "../actions";

type Props = { id: number; email: string; name: string; role: UserRole; disabled: boolean; self: boolean; lastSignIn: string };

export function UserRow({ id, email, name, role, disabled, self, lastSignIn }: Props) {
  const t = useTranslations("console.users");
  const roles = useTranslations("console.nav.roles");
  const [state, action, pending] = useActionState<UserRowState, FormData>(updateUserAction, {});
  return (
    <tr className="border-t border-slate-200 align-top">
      <th scope="row" className="py-2 pr-3 text-left font-medium">
        {email}
        {name && <span className="block text-sm font-normal text-slate-600">{name}</span>}
      </th>
      <td className="py-2 pr-3">
        <form action={action} className="flex gap-2">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="intent" value="role" />
          <SelectField
            id={`role-${id}`}
            name="role"
            label={t("roleOf", { email })}
            hideLabel
            compact
            defaultValue={role}
            options={userRoles.map((r) => ({ value: r, label: roles(r) }))}
          />
          <button type="submit" disabled={pending} className="rounded-md border border-slate-400 px-2 py-1 text-sm">
            {t("saveRole")}
          </button>
        </form>
      </td>
      <td className="py-2 pr-3">{disabled ? t("disabled") : t("active")}</td>
      <td className="py-2 pr-3 text-sm text-slate-600">{lastSignIn}</td>
      <td className="py-2">
        <div className="flex flex-wrap gap-2">
          {!self && (
            <form action={action}>
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="intent" value={disabled ? "enable" : "disable"} />
              <button type="submit" disabled={pending} className="rounded-md border border-slate-400 px-2 py-1 text-sm">
                {disabled ? t("enable", { email }) : t("disable", { email })}
              </button>
            </form>
          )}
          {!self && (
            <form action={action}>
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="intent" value="reset" />
              <button type="submit" disabled={pending} className="rounded-md border border-slate-400 px-2 py-1 text-sm">
                {t("reset", { email })}
              </button>
            </form>
          )}
        </div>
        {state.error && <p role="alert" className="mt-1 text-sm font-medium text-red-800">{t(`errors.${state.error}`)}</p>}
        {state.password && (
          <p role="status" className="mt-1 text-sm">
            {t("newPassword")} <code className="rounded bg-slate-100 px-1 font-mono">{state.password}</code>
          </p>
        )}
        {state.ok && !state.password && <p role="status" className="mt-1 text-sm text-green-800">{t("saved")}</p>}
      </td>
    </tr>
  );
}
