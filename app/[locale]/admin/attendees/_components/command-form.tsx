"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import type { CommandState } from "../actions";

type Props = {
  action: (state: CommandState, formData: FormData) => Promise<CommandState>;
  id: number;
  label: string;
  done: string;
  children?: ReactNode;
  danger?: boolean;
};

/** One command on a registration (cancel, promote, resend): a button, its fields, and its answer. */
export function CommandForm({ action, id, label, done, children, danger }: Props) {
  const t = useTranslations("attendeesAdmin");
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <input type="hidden" name="id" value={id} />
      {children}
      <button
        type="submit"
        disabled={pending}
        className={`rounded-md px-4 py-2 font-semibold text-white disabled:opacity-60 ${danger ? "bg-red-700" : "bg-brand-700"}`}
      >
        {label}
      </button>
      {state.ok && <p role="status" className="font-medium text-brand-900">{done}</p>}
      {state.error && (
        <p role="alert" className="font-medium text-red-800">
          {state.full ? t("errors.full", state.full) : t(`errors.${state.error}`)}
        </p>
      )}
    </form>
  );
}
