"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { makeCurrentAction, type CurrentState } from "../actions";

/** One button per edition that is not current: the public site shows it from then on. */
export function MakeCurrentForm({ id, name }: { id: number; name: string }) {
  const t = useTranslations("editionsAdmin");
  const [state, action, pending] = useActionState<CurrentState, FormData>(makeCurrentAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t("makeCurrentOf", { name })}
        className="rounded-md border border-brand-700 px-2 py-1 font-semibold text-brand-700 disabled:opacity-60"
      >
        {t("makeCurrent")}
      </button>
      {state.error && (
        <p role="alert" className="mt-1 text-sm font-medium text-red-800">
          {t(`errors.${state.error}`)}
        </p>
      )}
    </form>
  );
}
