"use client";

import { useLocale, useTranslations } from "next-intl";
import { pick } from "@/lib/localized";
import { saveRoomAction } from "../actions";
import { VenueField } from "./venue-field";
import { VenueForm } from "./venue-form";

/** What the form shows of a room row (a client component takes no type from db/schema). */
type Room = { id: number; nameEn: string; nameZh: string; capacity: number | null };

/** One room's names and capacity, or a new room when `room` is null. */
export function RoomForm({ room }: { room: Room | null }) {
  const t = useTranslations("agendaEditor");
  const locale = useLocale();
  const prefix = `room-${room?.id ?? "new"}`;
  const legend = room ? t("venue.editRoom", { name: pick(locale, room.nameEn, room.nameZh) }) : t("venue.addRoom");
  return (
    <VenueForm save={saveRoomAction} isNew={!room} legend={legend}>
      {(error) => (
        <>
          {room && <input type="hidden" name="id" value={room.id} />}
          <VenueField id={`${prefix}-en`} name="nameEn" label={t("venue.nameEn")} defaultValue={room?.nameEn} error={error("nameEn")} />
          <VenueField id={`${prefix}-zh`} name="nameZh" label={t("venue.nameZh")} defaultValue={room?.nameZh} error={error("nameZh")} />
          <VenueField id={`${prefix}-capacity`} name="capacity" type="number" label={t("venue.capacity")} defaultValue={room?.capacity ?? ""} error={error("capacity")} />
        </>
      )}
    </VenueForm>
  );
}
