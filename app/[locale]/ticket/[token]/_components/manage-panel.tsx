"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { askServiceWorker } from "@/lib/offline-ticket";
import { DetailsFields } from "@/components/registration/details-fields";
import type { FormValues } from "@/lib/registration/form-values";
import { cancelAction, eraseAction, updateAction, type ManageState } from "../actions";
import { ConfirmAction } from "./confirm-action";

type Props = {
  token: string;
  days: { date: string; label: string }[];
  cancelled: boolean;
  values: Omit<FormValues, "consent">;
};

export function ManagePanel({ token, days, cancelled, values }: Props) {
  const t = useTranslations("ticket");
  const r = useTranslations("registration");
  const [state, update, pending] = useActionState<ManageState, FormData>(updateAction.bind(null, token), {});
  const [erased, erase] = useActionState<ManageState>(eraseAction.bind(null, token), {});
  useEffect(() => {
    // An erased person's ticket is not kept on this device either.
    if (erased.done === "erased") void askServiceWorker("forget-offline", location.pathname);
  }, [erased.done]);
  if (erased.done === "erased") {
    return (
      <p role="status" className="rounded-xl border border-slate-300 bg-white p-5 font-semibold">
        {t("erased")}
      </p>
    );
  }
  const shown = state.values ?? values;
  return (
    <>
      {cancelled ? (
        <p className="rounded-md bg-slate-100 px-4 py-3 text-slate-800">{t("notEditable")}</p>
      ) : (
        <section className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 className="text-xl font-bold">{t("details")}</h2>
          <form key={JSON.stringify(state)} action={update} noValidate className="mt-4 space-y-5">
            {state.done === "saved" && (
              <p role="status" className="rounded-md bg-green-50 px-3 py-2 font-medium text-green-900">
                {t("saved")}
              </p>
            )}
            {state.errors && (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 font-medium text-red-800">
                {state.errors.form ? r(`errors.${state.errors.form}`) : r("fixErrors")}
              </p>
            )}
            <DetailsFields days={days} values={shown} errors={state.errors} />
            <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
              {pending ? r("submitting") : t("edit")}
            </button>
          </form>
        </section>
      )}
      {!cancelled && (
        <ConfirmAction heading={t("cancelHeading")} help={t("cancelHelp")} confirmLabel={t("cancelConfirm")} action={cancelAction.bind(null, token)} />
      )}
      <ConfirmAction heading={t("eraseHeading")} help={t("eraseHelp")} confirmLabel={t("eraseConfirm")} action={erase} />
    </>
  );
}
