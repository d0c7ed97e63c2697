"use client";

import { useLocale, useTranslations } from "next-intl";
import { pick } from "@/lib/localized";
import { saveTrackAction } from "../actions";
import { VenueField } from "./venue-field";
import { VenueForm } from "./venue-form";

/** What the form shows of a track row (a client component takes no type from db/schema). */
type Track = { id: number; nameEn: string; nameZh: string; color: string };

/** One track's names and colour, or a new track when `track` is null. */
export function TrackForm({ track }: { track: Track | null }) {
  const t = useTranslations("agendaEditor");
  const locale = useLocale();
  const prefix = `track-${track?.id ?? "new"}`;
  const legend = (
    <>
      {track && <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ backgroundColor: track.color }} />}
      {track ? t("venue.editTrack", { name: pick(locale, track.nameEn, track.nameZh) }) : t("venue.addTrack")}
    </>
  );
  return (
    <VenueForm save={saveTrackAction} isNew={!track} legend={legend}>
      {(error) => (
        <>
          {track && <input type="hidden" name="id" value={track.id} />}
          <VenueField id={`${prefix}-en`} name="nameEn" label={t("venue.nameEn")} defaultValue={track?.nameEn} error={error("nameEn")} />
          <VenueField id={`${prefix}-zh`} name="nameZh" label={t("venue.nameZh")} defaultValue={track?.nameZh} error={error("nameZh")} />
          <VenueField id={`${prefix}-color`} name="color" label={t("venue.color")} defaultValue={track?.color ?? "#334155"} error={error("color")} />
        </>
      )}
    </VenueForm>
  );
}
