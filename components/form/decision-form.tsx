"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { TextField } from "./text-field";

/** What an approve or send-back action answers: an error of the whole request, or of the note. */
type DecisionState = { error?: string; errors?: Record<string, string> };
type DecisionAction = (state: DecisionState, form: FormData) => Promise<DecisionState>;

type Props = {
  /** The messages of the page: `approve`, `note`, `sendBack` and `errors.*`. */
  namespace: "speakerPortalAdmin" | "speakerMaterials.review";
  /** The hidden fields that name what is decided on, and `seen`, the version the organizer was shown. */
  fields: Record<string, string | number>;
  approveAction: DecisionAction;
  returnAction: DecisionAction;
};

/**
 * An organizer's decision on what a speaker proposed (their profile, or a session's materials):
 * approve it as shown, or send it back with a note.
 */
export function DecisionForm({ namespace, fields, approveAction, returnAction }: Props) {
  const t = useTranslations(namespace);
  const [approved, approve, approving] = useActionState<DecisionState, FormData>(approveAction, {});
  const [returned, sendBack, returning] = useActionState<DecisionState, FormData>(returnAction, {});
  const failure = approved.error ?? approved.errors?.form ?? returned.error ?? returned.errors?.form;
  const hidden = Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
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
