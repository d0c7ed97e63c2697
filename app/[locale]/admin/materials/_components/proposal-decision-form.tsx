"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "@/components/form/text-field";
import { approveProposalAction, returnProposalAction, type MaterialsState } from "../actions";

/** Approve the speaker's proposal as shown, or send it back with a note; `seen` names the version shown. */
export function ProposalDecisionForm({ sessionId, seen }: { sessionId: number; seen: number }) {
  const t = useTranslations("speakerMaterials.review");
  const [approved, approve, approving] = useActionState<MaterialsState, FormData>(approveProposalAction, {});
  const [returned, sendBack, returning] = useActionState<MaterialsState, FormData>(returnProposalAction, {});
  const failure = approved.errors?.form ?? returned.errors?.form;
  const hidden = (
    <>
      <input type="hidden" name="sessionId" value={sessionId} />
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
