"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckField } from "@/components/form/check-field";
import { TextField } from "@/components/form/text-field";
import { SPEAKER_LIMITS, type SpeakerFormValues } from "@/lib/speakers/input";
import { createSpeakerAction, updateSpeakerAction, type SpeakerFormState } from "../actions";

type Props = {
  locale: string;
  /** Absent for a new speaker. */
  id?: number;
  initial: SpeakerFormValues;
  /** Just added: said once, until the form is sent again. */
  created?: boolean;
};

const LIMIT: Record<string, number> = {
  nameEn: SPEAKER_LIMITS.name,
  nameZh: SPEAKER_LIMITS.name,
  titleEn: SPEAKER_LIMITS.title,
  titleZh: SPEAKER_LIMITS.title,
  organisationEn: SPEAKER_LIMITS.organisation,
  organisationZh: SPEAKER_LIMITS.organisation,
  bioEn: SPEAKER_LIMITS.bio,
  bioZh: SPEAKER_LIMITS.bio,
};

/** Every field of a profile in both languages; the same form adds and edits. */
export function SpeakerForm({ locale, id, initial, created }: Props) {
  const t = useTranslations("speakersAdmin");
  const [state, action, pending] = useActionState<SpeakerFormState, FormData>(
    id === undefined ? createSpeakerAction : updateSpeakerAction,
    {},
  );
  const values = state.values ?? initial;
  const errors = state.errors ?? {};
  const error = (field: string) =>
    errors[field] ? t(`errors.${errors[field]}`, { max: LIMIT[field] ?? 0 }) : undefined;
  const field = (name: keyof typeof LIMIT, multiline = false, hint?: string) => (
    <TextField name={name} label={t(`fields.${name}`)} hint={hint} defaultValue={values[name as keyof SpeakerFormValues] as string} error={error(name)} multiline={multiline} />
  );
  // The key resets the uncontrolled inputs to what the server gave back after each answer.
  return (
    <form key={JSON.stringify(state)} action={action} noValidate className="mt-4 space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <input type="hidden" name="locale" value={locale} />
      {id !== undefined && <input type="hidden" name="id" value={id} />}
      {created && !state.saved && !state.errors && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          {t("created")}
        </p>
      )}
      {state.saved && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          {t("saved")}
        </p>
      )}
      {errors.form && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900">
          {t(`errors.${errors.form}`, { max: 0 })}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {field("nameEn")}
        {field("nameZh", false, t("hints.nameZh"))}
        {field("titleEn")}
        {field("titleZh")}
        {field("organisationEn")}
        {field("organisationZh")}
        {field("bioEn", true)}
        {field("bioZh", true)}
      </div>
      <CheckField name="listed" label={t("fields.listed")} hint={t("hints.listed")} defaultChecked={values.listed} />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {id === undefined ? t("create") : t("save")}
      </button>
    </form>
  );
}
