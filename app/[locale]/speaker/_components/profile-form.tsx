"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/form/text-field";
import { SPEAKER_LIMITS } from "@/lib/speakers/input";
import { MAX_URL_LENGTH, MAX_WECHAT_LENGTH } from "@/lib/speakers/links";
import type { PortalFormValues, ProfileProposal } from "@/lib/speakers/portal-input";
import { saveProfileAction, type PortalFormState } from "../actions";

const LIMIT: Record<keyof PortalFormValues, number> = {
  bioEn: SPEAKER_LIMITS.bio,
  bioZh: SPEAKER_LIMITS.bio,
  organisationEn: SPEAKER_LIMITS.organisation,
  organisationZh: SPEAKER_LIMITS.organisation,
  websiteUrl: MAX_URL_LENGTH,
  linkedinUrl: MAX_URL_LENGTH,
  weiboUrl: MAX_URL_LENGTH,
  wechatAccount: MAX_WECHAT_LENGTH,
};

const asValues = (p: ProfileProposal): PortalFormValues => ({
  bioEn: p.bioEn,
  bioZh: p.bioZh,
  organisationEn: p.organisationEn,
  organisationZh: p.organisationZh,
  websiteUrl: p.websiteUrl ?? "",
  linkedinUrl: p.linkedinUrl ?? "",
  weiboUrl: p.weiboUrl ?? "",
  wechatAccount: p.wechatAccount ?? "",
});

/** The speaker's proposal: both biographies, the affiliation and the public links. */
export function ProfileForm({ locale, initial }: { locale: string; initial: ProfileProposal }) {
  const t = useTranslations("speakerPortal");
  const [state, action, pending] = useActionState<PortalFormState, FormData>(saveProfileAction, {});
  const values = state.values ?? asValues(initial);
  const errors = state.errors ?? {};
  const field = (name: keyof PortalFormValues, multiline = false) => (
    <TextField
      name={name}
      label={t(`fields.${name}`)}
      hint={t.has(`hints.${name}`) ? t(`hints.${name}`) : undefined}
      defaultValue={values[name]}
      error={errors[name] ? t(`errors.${errors[name]}`, { max: LIMIT[name] }) : undefined}
      multiline={multiline}
    />
  );
  // The key resets the uncontrolled inputs to what the server gave back after each answer.
  return (
    <form key={JSON.stringify(state)} action={action} noValidate className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-xl font-semibold">{t("profile")}</h2>
      <input type="hidden" name="locale" value={locale} />
      {state.saved && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          {t(`saved.${state.saved}`)}
        </p>
      )}
      {errors.form && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900">
          {t(`errors.${errors.form}`, { max: 0 })}
        </p>
      )}
      {Object.keys(errors).length > 0 && !errors.form && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900">
          {t("notSaved")}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {field("organisationEn")}
        {field("organisationZh")}
        {field("bioEn", true)}
        {field("bioZh", true)}
        {field("websiteUrl")}
        {field("linkedinUrl")}
        {field("weiboUrl")}
        {field("wechatAccount")}
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
