"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { removeRecordingAction, removeSlidesAction, type MaterialsState } from "../actions";

/** Removes the slides or the recording (and its consent). */
export function RemoveForm({
  sessionId,
  what,
}: {
  sessionId: number;
  what: "slides" | "recording";
}) {
  const t = useTranslations("materials");
  const [state, action, pending] = useActionState<MaterialsState, FormData>(
    what === "slides" ? removeSlidesAction : removeRecordingAction,
    {},
  );
  return (
    <form action={action} className="mt-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      <button type="submit" disabled={pending} className="font-medium text-red-800 underline">
        {t(what === "slides" ? "console.removeSlides" : "console.removeRecording")}
      </button>
      {state.errors?.form && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {t(`errors.${state.errors.form}`)}
        </p>
      )}
    </form>
  );
}
