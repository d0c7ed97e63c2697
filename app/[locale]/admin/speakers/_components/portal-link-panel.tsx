"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { inviteSpeakerAction, renewSpeakerLinkAction, revokeSpeakerLinkAction, type PortalActionState } from "../portal-actions";

type Link = { state: "active" | "expired" | "revoked"; email: string; locale: "en" | "zh-CN"; until: string } | null;

/** The speaker's portal link: its state, a new invitation, renewing and revoking. */
export function PortalLinkPanel({ id, locale, link }: { id: number; locale: string; link: Link }) {
  const t = useTranslations("speakerPortalAdmin");
  const [invited, invite, inviting] = useActionState<PortalActionState, FormData>(inviteSpeakerAction, {});
  const [renewed, renew, renewing] = useActionState<PortalActionState, FormData>(renewSpeakerLinkAction, {});
  const [revoked, revoke, revoking] = useActionState<PortalActionState, FormData>(revokeSpeakerLinkAction, {});
  const fieldError = (name: string) => (invited.errors?.[name] ? t(`errors.${invited.errors[name]}`) : undefined);
  const failure = [invited, renewed, revoked].map((s) => s.error).find(Boolean);
  const hidden = (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="locale" value={locale} />
    </>
  );
  return (
    <div>
      <p className="mt-2 text-slate-700">
        {link ? t(`link.${link.state}`, { email: link.email, until: link.until, language: t(`languages.${link.locale}`) }) : t("link.none")}
      </p>
      {failure && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-800">
          {t(`errors.${failure}`)}
        </p>
      )}
      {link && (
        <div className="mt-3 flex flex-wrap gap-4">
          <form action={renew}>
            {hidden}
            <button type="submit" disabled={renewing} className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-700">
              {t("renew")}
            </button>
          </form>
          {link.state === "active" && (
            <form action={revoke}>
              {hidden}
              <button type="submit" disabled={revoking} className="rounded-md border border-red-700 px-4 py-2 font-semibold text-red-800">
                {t("revoke")}
              </button>
            </form>
          )}
        </div>
      )}
      <form key={JSON.stringify(invited)} action={invite} noValidate className="mt-4 grid gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        {hidden}
        <TextField name="email" type="email" label={t("email")} defaultValue={link?.email ?? ""} error={fieldError("email")} />
        <SelectField
          name="language"
          label={t("language")}
          defaultValue={link?.locale ?? "en"}
          error={fieldError("language")}
          options={[
            { value: "en", label: t("languages.en") },
            { value: "zh-CN", label: t("languages.zh-CN") },
          ]}
        />
        <button type="submit" disabled={inviting} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {t("invite")}
        </button>
      </form>
    </div>
  );
}
