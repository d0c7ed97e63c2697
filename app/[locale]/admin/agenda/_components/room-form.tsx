"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useRef, useTransition, type FormEvent } from "react";
import type { Room } from "@/db/schema";
import { pick } from "@/lib/localized";
import { saveRoomAction, type VenueState } from "../actions";
import { VenueField } from "./venue-field";

/** One room's names and capacity, or a new room when `room` is null. */
export function RoomForm({ room }: { room: Room | null }) {
  const t = useTranslations("agendaEditor");
  const locale = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const [, startTransition] = useTransition();
  const [state, action, pending] = useActionState<VenueState, FormData>(async (previous, form) => {
    const next = await saveRoomAction(previous, form);
    // A new room is added, so its form empties; an existing one keeps what it now says.
    if (next.ok && !room) formRef.current?.reset();
    return next;
  }, {});
  // Submitted by hand so that a refused form keeps what was typed (React would reset it).
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => action(form));
  };
  const e = state.errors ?? {};
  const prefix = `room-${room?.id ?? "new"}`;
  const error = (field: string) => (e[field] ? t(`errors.${e[field]}`) : undefined);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-3">
      <fieldset className="grid gap-2 rounded-md border border-slate-300 bg-white p-3 sm:grid-cols-4">
        <legend className="px-1 font-semibold">
          {room ? t("venue.editRoom", { name: pick(locale, room.nameEn, room.nameZh) }) : t("venue.addRoom")}
        </legend>
        {room && <input type="hidden" name="id" value={room.id} />}
        <VenueField id={`${prefix}-en`} name="nameEn" label={t("venue.nameEn")} defaultValue={room?.nameEn} error={error("nameEn")} />
        <VenueField id={`${prefix}-zh`} name="nameZh" label={t("venue.nameZh")} defaultValue={room?.nameZh} error={error("nameZh")} />
        <VenueField id={`${prefix}-capacity`} name="capacity" type="number" label={t("venue.capacity")} defaultValue={room?.capacity ?? ""} error={error("capacity")} />
        <div className="flex items-end gap-2">
          <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-3 py-1.5 font-semibold text-white">
            {room ? t("venue.save") : t("venue.add")}
          </button>
          <span role="status" className="text-sm">
            {state.ok ? t("venue.saved") : state.notFound ? t("venue.notFound") : ""}
          </span>
        </div>
      </fieldset>
    </form>
  );
}
