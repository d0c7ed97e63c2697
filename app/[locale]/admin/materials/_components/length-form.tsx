"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { controlClass, describedBy, Field } from "@/components/form/field";
import { saveRecordingLengthAction, type MaterialsState } from "../actions";

/** The length of an uploaded file whose header does not say it (WebM): quotes' moments must fall within it. */
export function LengthForm({ sessionId, length }: { sessionId: number; length: string }) {
  const t = useTranslations("materials");
  const [state, action, pending] = useActionState<MaterialsState, FormData>(
    saveRecordingLengthAction,
    {},
  );
  const error = state.errors?.recordingLength
    ? t(`errors.${state.errors.recordingLength}`)
    : undefined;
  return (
    <form action={action} className="mt-3 space-y-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      <Field
        id="file-length"
        label={t("console.fileLength")}
        hint={t("console.recordingLengthHint")}
        error={error}
      >
        <input
          {...describedBy("file-length", { error, hint: true })}
          name="recordingLength"
          defaultValue={length}
          inputMode="numeric"
          className={controlClass(error)}
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
        className="border-brand-700 text-brand-700 rounded-md border px-4 py-2 font-semibold disabled:opacity-60"
      >
        {t("console.saveLength")}
      </button>
      {state.saved && (
        <p role="status" className="text-green-900">
          {t("console.saved")}
        </p>
      )}
    </form>
  );
}
