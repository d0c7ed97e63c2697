"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckField } from "@/components/form/check-field";
import { controlClass, describedBy, Field } from "@/components/form/field";
import { proposeMaterialsAction, type ProposalFormState } from "../materials-actions";

type Props = { sessionId: number; recordingUrl: string; slidesConsent: boolean; recordingConsent: boolean };

/** The recording link and the consent to publish each, sent to the organizers for approval. */
export function MaterialsProposalForm({ sessionId, recordingUrl, slidesConsent, recordingConsent }: Props) {
  const t = useTranslations("speakerMaterials");
  const [state, action, pending] = useActionState<ProposalFormState, FormData>(proposeMaterialsAction, {});
  const urlId = `recording-${sessionId}`;
  const urlError = state.errors?.recordingUrl ? t(`errors.${state.errors.recordingUrl}`) : undefined;
  return (
    <form action={action} className="mt-3 space-y-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      <Field id={urlId} label={t("recordingUrl")} hint={t("recordingUrlHint")} error={urlError}>
        <input {...describedBy(urlId, { error: urlError, hint: true })} name="recordingUrl" type="url" defaultValue={recordingUrl} className={controlClass(urlError)} />
      </Field>
      <CheckField id={`slides-consent-${sessionId}`} name="slidesConsent" label={t("slidesConsent")} defaultChecked={slidesConsent} />
      <CheckField id={`recording-consent-${sessionId}`} name="recordingConsent" label={t("recordingConsent")} defaultChecked={recordingConsent} />
      {state.errors?.form && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {t(`errors.${state.errors.form}`)}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("submit")}
      </button>
      {state.saved && (
        <p role="status" className="text-green-900">
          {t(`saved.${state.saved}`)}
        </p>
      )}
    </form>
  );
}
