"use client";

import { useTranslations } from "next-intl";
import { useActionState, useRef, useTransition, type FormEvent, type ReactNode } from "react";
import type { VenueState } from "../actions";

type Save = (previous: VenueState, form: FormData) => Promise<VenueState>;

/**
 * The form a room or a track is edited in: submitted by hand so that a refused form keeps what was
 * typed (React would reset it), emptied once a new one is added. `children` gets the message of a
 * field's error, if any.
 */
export function VenueForm({
  save,
  isNew,
  legend,
  children,
}: {
  save: Save;
  isNew: boolean;
  legend: ReactNode;
  children: (error: (field: string) => string | undefined) => ReactNode;
}) {
  const t = useTranslations("agendaEditor");
  const formRef = useRef<HTMLFormElement>(null);
  const [, startTransition] = useTransition();
  const [state, action, pending] = useActionState<VenueState, FormData>(async (previous, form) => {
    const next = await save(previous, form);
    if (next.ok && isNew) formRef.current?.reset();
    return next;
  }, {});
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => action(form));
  };
  const e = state.errors ?? {};
  const error = (field: string) => (e[field] ? t(`errors.${e[field]}`) : undefined);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-3">
      <fieldset className="grid gap-2 rounded-md border border-slate-300 bg-white p-3 sm:grid-cols-4">
        <legend className="flex items-center gap-2 px-1 font-semibold">{legend}</legend>
        {children(error)}
        <div className="flex items-end gap-2">
          <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-3 py-1.5 font-semibold text-white">
            {isNew ? t("venue.add") : t("venue.save")}
          </button>
          <span role="status" className="text-sm">
            {state.ok ? t("venue.saved") : state.notFound ? t("venue.notFound") : ""}
          </span>
        </div>
      </fieldset>
    </form>
  );
}
