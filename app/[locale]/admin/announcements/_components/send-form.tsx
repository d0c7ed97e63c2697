"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { sendAnnouncementAction, type AnnouncementState } from "../actions";

/** Send, in two steps: the first says to how many people, the second sends. */
export function SendForm({ id, locale, count }: { id: number; locale: string; count: number }) {
  const t = useTranslations("announcements");
  const [state, action, pending] = useActionState<AnnouncementState, FormData>(sendAnnouncementAction, {});
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="locale" value={locale} />
      {!confirming ? (
        <button type="button" onClick={() => setConfirming(true)} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
          {t("send", { count })}
        </button>
      ) : (
        <div role="group" aria-labelledby="confirm-send" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3">
          <p id="confirm-send">{t("confirmQuestion", { count })}</p>
          <div className="flex gap-3">
            <button type="submit" name="confirm" value="yes" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
              {pending ? t("sending") : t("confirm")}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-400 px-4 py-2">
              {t("cancel")}
            </button>
          </div>
        </div>
      )}
      {state.errors?.form && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {t(`errors.${state.errors.form}`)}
        </p>
      )}
    </form>
  );
}
