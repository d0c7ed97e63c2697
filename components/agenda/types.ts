import type { AgendaSession } from "@/db/queries/sessions";

type Named = { slug: string; nameEn: string; nameZh: string };

export type AgendaData = {
  sessions: AgendaSession[];
  days: { date: string; label: string; longLabel: string }[];
  rooms: Named[];
  tracks: (Named & { color: string })[];
  types: string[];
  timeZone: string;
  offset: string;
  /** The edition's segment before the sessions' addresses: "" for the current edition, "/2024". */
  prefix: string;
  /** A past edition's agenda: read only, nothing to star. */
  archive: boolean;
  /** The day of a day's own address (/agenda/<day>); null at /agenda, where ?day= chooses. */
  pageDay: string | null;
};
