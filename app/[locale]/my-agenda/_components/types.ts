import type { AgendaSession } from "@/db/queries/sessions";

export type MyAgendaSession = Omit<AgendaSession, "abstractEn" | "abstractZh">;

export type MyAgendaData = {
  sessions: MyAgendaSession[];
  days: { date: string; label: string }[];
  timeZone: string;
  offset: string;
  /** When answers about the edition's sessions stop being taken, in ms. */
  feedbackClosesAt: number;
};
