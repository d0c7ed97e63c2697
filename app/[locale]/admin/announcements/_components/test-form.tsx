"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { sendTestAction, type AnnouncementState } from "../actions";

/** Sends the announcement in both languages to the signed-in organizer alone. */
export function TestForm({ id, email }: { id: number; email: string }) {
  const t = useTranslations("announcements");
  const [state, action, pending] = useActionState<AnnouncementState, FormData>(sendTestAction, {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-700 disabled:opacity-60">
        {pending ? t("testing") : t("test")}
      </button>
      {state.tested && <p role="status">{t("tested", { email })}</p>}
      {state.errors?.form && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {t(`errors.${state.errors.form}`)}
        </p>
      )}
    </form>
  );
}
