"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { deleteSessionAction, type EditState } from "../actions";
import type { EditorSession } from "./types";

/** Only for a session that was never published; a published one is cancelled in the form. */
export function DeleteSessionForm({ session, onDeleted }: { session: EditorSession; onDeleted: () => void }) {
  const t = useTranslations("agendaEditor");
  const [state, action, pending] = useActionState<EditState, FormData>(async (previous, form) => {
    const next = await deleteSessionAction(previous, form);
    if (next.ok) onDeleted();
    return next;
  }, {});
  return (
    <form action={action} className="mt-4 border-t border-slate-200 pt-3">
      <input type="hidden" name="sessionId" value={session.id} />
      <input type="hidden" name="revision" value={session.revision} />
      <p className="text-sm text-slate-700">{t("deleteHelp")}</p>
      {state.refusal && (
        <p role="alert" className="mt-2 font-medium text-red-900">
          {t(`refusals.${state.refusal}`)}
        </p>
      )}
      <button type="submit" disabled={pending} className="mt-2 rounded-md border border-red-700 px-3 py-1.5 font-semibold text-red-800">
        {t("delete")}
      </button>
    </form>
  );
}
