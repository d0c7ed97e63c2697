import { getTranslations } from "next-intl/server";
import type { Room, Track } from "@/db/schema";
import { RoomForm } from "./room-form";
import { TrackForm } from "./track-form";

/** Rooms and tracks: changed at once, not through the draft, since they only name things. */
export async function VenueSection({ rooms, tracks }: { rooms: Room[]; tracks: Track[] }) {
  const t = await getTranslations("agendaEditor.venue");
  return (
    <div className="mt-10 grid gap-8 lg:grid-cols-2">
      <section aria-labelledby="rooms-title">
        <h2 id="rooms-title" className="text-xl font-semibold">{t("roomsTitle")}</h2>
        {rooms.map((room) => (
          <RoomForm key={room.id} room={room} />
        ))}
        <RoomForm room={null} />
      </section>
      <section aria-labelledby="tracks-title">
        <h2 id="tracks-title" className="text-xl font-semibold">{t("tracksTitle")}</h2>
        {tracks.map((track) => (
          <TrackForm key={track.id} track={track} />
        ))}
        <TrackForm track={null} />
      </section>
    </div>
  );
}
