"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { deleteSpeakerAction, type SimpleState } from "../actions";

/** Offered only to a speaker with no session and no quote; the action checks again. */
export function DeleteSpeakerForm({ locale, id }: { locale: string; id: number }) {
  const t = useTranslations("speakersAdmin");
  const [state, action, pending] = useActionState<SimpleState, FormData>(deleteSpeakerAction, {});
  return (
    <form action={action} className="mt-8">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" disabled={pending} className="rounded-md border border-red-700 px-4 py-2 font-semibold text-red-800">
        {t("delete")}
      </button>
      {state.error && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-800">
          {t(`errors.${state.error}`, { max: 0 })}
        </p>
      )}
    </form>
  );
}
