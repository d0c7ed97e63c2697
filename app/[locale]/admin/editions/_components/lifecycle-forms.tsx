"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { archiveEditionAction, deleteEditionAction, type LifecycleState } from "../actions";

type Props = { id: number; name: string; archived: boolean };

/** Archive or reopen an edition that is not current: archived, its console pages are read-only. */
export function ArchiveForm({ id, name, archived }: Props) {
  const t = useTranslations("editionsAdmin");
  const [state, action, pending] = useActionState<LifecycleState, FormData>(archiveEditionAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t(archived ? "reopenOf" : "archiveOf", { name })}
        className="rounded-md border border-slate-500 px-2 py-1 font-semibold text-slate-800 disabled:opacity-60"
      >
        {t(archived ? "reopen" : "archive")}
      </button>
      {state.error && (
        <p role="alert" className="mt-1 text-sm font-medium text-red-800">
          {t(`errors.${state.error}`, { count: state.count ?? 0 })}
        </p>
      )}
    </form>
  );
}

/**
 * Deleting takes a second, explicit click (the disclosure says what goes with the edition); the
 * server refuses an edition with registrations or quotes whatever the page showed.
 */
export function DeleteForm({ id, name }: Omit<Props, "archived">) {
  const t = useTranslations("editionsAdmin");
  const [state, action, pending] = useActionState<LifecycleState, FormData>(deleteEditionAction, {});
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-semibold text-red-800">{t("delete")}</summary>
      <form action={action} className="mt-1 max-w-xs space-y-1">
        <p className="text-slate-700">{t("deleteWarning")}</p>
        <input type="hidden" name="id" value={id} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-red-800 px-2 py-1 font-semibold text-white disabled:opacity-60"
        >
          {t("deleteOf", { name })}
        </button>
        {state.error && (
          <p role="alert" className="font-medium text-red-800">
            {t(`errors.${state.error}`, { count: state.count ?? 0 })}
          </p>
        )}
      </form>
    </details>
  );
}
