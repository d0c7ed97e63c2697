"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckField } from "@/components/form/check-field";
import { saveConsentAction, type MaterialsState } from "../actions";

type Props = {
  sessionId: number;
  slides: boolean;
  recording: boolean;
  hasSlides: boolean;
  hasRecording: boolean;
};

/** The speaker's consent to publish each: nothing shows on the public page without it. */
export function ConsentForm({ sessionId, slides, recording, hasSlides, hasRecording }: Props) {
  const t = useTranslations("materials");
  const [state, action, pending] = useActionState<MaterialsState, FormData>(saveConsentAction, {});
  return (
    <form action={action} className="mt-3 space-y-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      <CheckField
        name="slidesPublished"
        label={t("console.publishSlides")}
        defaultChecked={slides}
        disabled={!hasSlides}
      />
      <CheckField
        name="recordingPublished"
        label={t("console.publishRecording")}
        defaultChecked={recording}
        disabled={!hasRecording}
      />
      {state.errors?.form && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {t(`errors.${state.errors.form}`)}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="bg-brand-700 rounded-md px-4 py-2 font-semibold text-white disabled:opacity-60"
      >
        {t("console.saveConsent")}
      </button>
      {state.saved && (
        <p role="status" className="text-green-900">
          {t("console.saved")}
        </p>
      )}
    </form>
  );
}
