import type { AgendaEditorData } from "@/db/queries/agenda-editor";
import type { GridHours } from "@/lib/agenda-editor/grid";

/** What the page hands the client editor: the editor's data with the days labelled. */
export type EditorProps = Omit<AgendaEditorData, "days"> & {
  days: { date: string; label: string }[];
  offset: string;
  /** The hours the edition's program spans, the grid's first reach. */
  hours: GridHours;
};

export type EditorSession = EditorProps["sessions"][number];
export type EditorRoom = EditorProps["rooms"][number];

export const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** Where a session goes: what the move action and the form both take. */
export type Placement = { roomId: number; day: string; start: string; end: string };
