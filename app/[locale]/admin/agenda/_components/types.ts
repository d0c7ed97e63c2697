import type { AgendaEditorData } from "@/db/queries/agenda-editor";

/** What the page hands the client editor: the editor's data with the days labelled. */
export type EditorProps = Omit<AgendaEditorData, "days"> & {
  days: { date: string; label: string }[];
  offset: string;
};

export type EditorSession = EditorProps["sessions"][number];
export type EditorRoom = EditorProps["rooms"][number];

/** The grid's reach: 07:00 to 23:00 forum time, in 15-minute rows. */
export const GRID_START = 7 * 60;
export const GRID_END = 23 * 60;
export const SLOT_PX = 14;

export const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** Where a session goes: what the move action and the form both take. */
export type Placement = { roomId: number; day: string; start: string; end: string };
