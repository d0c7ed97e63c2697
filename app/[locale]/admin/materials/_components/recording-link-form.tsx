"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { controlClass, describedBy, Field } from "@/components/form/field";
import { saveRecordingLinkAction, type MaterialsState } from "../actions";

/** A link to the recording on an allowed video host, with its length where known. */
export function RecordingLinkForm({
  sessionId,
  url,
  length,
}: {
  sessionId: number;
  url: string;
  length: string;
}) {
  const t = useTranslations("materials");
  const [state, action, pending] = useActionState<MaterialsState, FormData>(
    saveRecordingLinkAction,
    {},
  );
  const error = (field: string) =>
    state.errors?.[field] ? t(`errors.${state.errors[field]}`) : undefined;
  const urlError = error("recordingUrl");
  const lengthError = error("recordingLength");
  return (
    <form action={action} className="mt-3 space-y-3">
      <input type="hidden" name="sessionId" value={sessionId} />
      <Field
        id="recording-url"
        label={t("console.recordingUrl")}
        hint={t("console.recordingUrlHint")}
        error={urlError}
      >
        <input
          {...describedBy("recording-url", { error: urlError, hint: true })}
          name="recordingUrl"
          type="url"
          defaultValue={url}
          required
          className={controlClass(urlError)}
        />
      </Field>
      <Field
        id="recording-length"
        label={t("console.recordingLength")}
        hint={t("console.recordingLengthHint")}
        error={lengthError}
      >
        <input
          {...describedBy("recording-length", { error: lengthError, hint: true })}
          name="recordingLength"
          defaultValue={length}
          inputMode="numeric"
          className={controlClass(lengthError)}
        />
      </Field>
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
        {t("console.saveLink")}
      </button>
      {state.saved && (
        <p role="status" className="text-green-900">
          {t("console.saved")}
        </p>
      )}
    </form>
  );
}
