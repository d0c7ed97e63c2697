"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { confirmAction, type ConfirmState } from "../actions";

type Props = { token: string; awaiting: "email" | "approval"; until: string | null };

/** What a pending registration waits for; for an email hold, the button that confirms it. */
export function PendingPanel({ token, awaiting, until }: Props) {
  const t = useTranslations("ticket");
  const [state, confirm, busy] = useActionState<ConfirmState>(confirmAction.bind(null, token), {});
  if (awaiting === "approval") {
    return <p className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-900">{t("awaitingApproval")}</p>;
  }
  return (
    <section className="rounded-xl border border-amber-300 bg-amber-50 p-5 text-amber-950">
      <h2 className="text-xl font-bold">{t("confirmHeading")}</h2>
      <p className="mt-1">{until ? t("confirmHelp", { until }) : t("confirmHelpNoTime")}</p>
      {state.error && (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 font-medium text-red-800">
          {t(`confirmErrors.${state.error}`)}
        </p>
      )}
      <form action={confirm} className="mt-3">
        <button type="submit" disabled={busy} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {t("confirmButton")}
        </button>
      </form>
    </section>
  );
}
