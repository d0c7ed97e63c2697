"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/form/text-field";
import { approveProfileAction, returnProfileAction, type PortalActionState } from "../portal-actions";

/** Approve the proposal as shown, or send it back with a note; `seen` names the version shown. */
export function PortalDecisionForm({ id, locale, seen }: { id: number; locale: string; seen: number }) {
  const t = useTranslations("speakerPortalAdmin");
  const [approved, approve, approving] = useActionState<PortalActionState, FormData>(approveProfileAction, {});
  const [returned, sendBack, returning] = useActionState<PortalActionState, FormData>(returnProfileAction, {});
  const failure = approved.error ?? returned.error;
  const hidden = (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="seen" value={seen} />
    </>
  );
  return (
    <>
      {failure && (
        <p role="alert" className="mt-3 text-sm font-medium text-red-800">
          {t(`errors.${failure}`)}
        </p>
      )}
      <div className="mt-4 grid gap-6 sm:grid-cols-2">
        <form action={approve}>
          {hidden}
          <button type="submit" disabled={approving} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
            {t("approve")}
          </button>
        </form>
        <form key={JSON.stringify(returned)} action={sendBack} noValidate>
          {hidden}
          <TextField name="note" label={t("note")} multiline error={returned.errors?.note ? t(`errors.${returned.errors.note}`) : undefined} />
          <button type="submit" disabled={returning} className="mt-2 rounded-md border border-red-700 px-4 py-2 font-semibold text-red-800">
            {t("sendBack")}
          </button>
        </form>
      </div>
    </>
  );
}
