"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useRef, useTransition, type FormEvent } from "react";
import type { Track } from "@/db/schema";
import { pick } from "@/lib/localized";
import { saveTrackAction, type VenueState } from "../actions";
import { VenueField } from "./venue-field";

/** One track's names and colour, or a new track when `track` is null. */
export function TrackForm({ track }: { track: Track | null }) {
  const t = useTranslations("agendaEditor");
  const locale = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const [, startTransition] = useTransition();
  const [state, action, pending] = useActionState<VenueState, FormData>(async (previous, form) => {
    const next = await saveTrackAction(previous, form);
    // A new track is added, so its form empties; an existing one keeps what it now says.
    if (next.ok && !track) formRef.current?.reset();
    return next;
  }, {});
  // Submitted by hand so that a refused form keeps what was typed (React would reset it).
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => action(form));
  };
  const e = state.errors ?? {};
  const prefix = `track-${track?.id ?? "new"}`;
  const error = (field: string) => (e[field] ? t(`errors.${e[field]}`) : undefined);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-3">
      <fieldset className="grid gap-2 rounded-md border border-slate-300 bg-white p-3 sm:grid-cols-4">
        <legend className="flex items-center gap-2 px-1 font-semibold">
          {track && <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ backgroundColor: track.color }} />}
          {track ? t("venue.editTrack", { name: pick(locale, track.nameEn, track.nameZh) }) : t("venue.addTrack")}
        </legend>
        {track && <input type="hidden" name="id" value={track.id} />}
        <VenueField id={`${prefix}-en`} name="nameEn" label={t("venue.nameEn")} defaultValue={track?.nameEn} error={error("nameEn")} />
        <VenueField id={`${prefix}-zh`} name="nameZh" label={t("venue.nameZh")} defaultValue={track?.nameZh} error={error("nameZh")} />
        <VenueField id={`${prefix}-color`} name="color" label={t("venue.color")} defaultValue={track?.color ?? "#334155"} error={error("color")} />
        <div className="flex items-end gap-2">
          <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-3 py-1.5 font-semibold text-white">
            {track ? t("venue.save") : t("venue.add")}
          </button>
          <span role="status" className="text-sm">
            {state.ok ? t("venue.saved") : state.notFound ? t("venue.notFound") : ""}
          </span>
        </div>
      </fieldset>
    </form>
  );
}
