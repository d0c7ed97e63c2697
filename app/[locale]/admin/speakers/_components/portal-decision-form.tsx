"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/form/text-field";
import { approveProfileAction, returnProfileAction, type PortalActionState } from "../portal-actions";

/** Approve the proposal as shown, or send it back with a note; `seen` names the version shown. */
export function PortalDecisionForm({ id, seen }: { id: number; seen: number }) {
  const t = useTranslations("speakerPortalAdmin");
  const [approved, approve, approving] = useActionState<PortalActionState, FormData>(approveProfileAction, {});
  const [returned, sendBack, returning] = useActionState<PortalActionState, FormData>(returnProfileAction, {});
  const outcome = (state: PortalActionState) =>
    state.done ? (
      <p role="status" className="mt-2 text-green-900">{t(`done.${state.done}`)}</p>
    ) : state.error ? (
      <p role="alert" className="mt-2 text-sm font-medium text-red-800">{t(`errors.${state.error}`)}</p>
    ) : null;
  return (
    <div className="mt-4 grid gap-6 sm:grid-cols-2">
      <form action={approve}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="seen" value={seen} />
        <button type="submit" disabled={approving} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {t("approve")}
        </button>
        {outcome(approved)}
      </form>
      <form key={JSON.stringify(returned)} action={sendBack} noValidate>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="seen" value={seen} />
        <TextField name="note" label={t("note")} multiline error={returned.errors?.note ? t(`errors.${returned.errors.note}`) : undefined} />
        <button type="submit" disabled={returning} className="mt-2 rounded-md border border-red-700 px-4 py-2 font-semibold text-red-800">
          {t("sendBack")}
        </button>
        {outcome(returned)}
      </form>
    </div>
  );
}
