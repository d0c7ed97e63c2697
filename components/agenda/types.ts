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
};
