"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { replaceLinkAction, type ReplaceLinkState } from "../actions";

/** Replaces the private link: behind a second, explicit button, since the old link stops working. */
export function ReplaceLink({ token, locale, email }: { token: string; locale: string; email: string }) {
  const t = useTranslations("ticket");
  const r = useTranslations("registration");
  const [state, action, pending] = useActionState<ReplaceLinkState>(replaceLinkAction.bind(null, token, locale), {});
  const [armed, setArmed] = useState(false);
  return (
    <section aria-labelledby="replace-link-heading" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="replace-link-heading" className="text-xl font-bold">
        {t("replaceHeading")}
      </h2>
      <p className="mt-1 text-slate-700">{t("replaceHelp", { email })}</p>
      {state.error && (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 font-medium text-red-800">
          {state.error === "rateLimited" ? r("errors.rateLimited") : t("replaceNotAvailable")}
        </p>
      )}
      {armed ? (
        <form action={action} className="mt-3">
          <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {t("replaceConfirm")}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setArmed(true)} className="mt-3 rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50">
          {t("replaceHeading")}…
        </button>
      )}
    </section>
  );
}
