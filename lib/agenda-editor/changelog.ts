/** What a publication changed for the public, session by session, with before and after. */

/** A session as the public schedule has it (or will have it), rooms named so the log outlives renames. */
export type ScheduleEntry = {
  id: number;
  slug: string;
  /** "draft": never published, so not public. */
  status: "draft" | "published" | "cancelled";
  titleEn: string;
  titleZh: string;
  startsAt: number;
  endsAt: number;
  roomId: number | null;
  roomEn: string | null;
  roomZh: string | null;
  /** Everything else a reader sees (abstract, speakers, track, type, seats), compared as a whole. */
  details: string;
};

export const changeKinds = ["added", "cancelled", "restored", "moved", "re-roomed", "retitled", "updated"] as const;
export type ChangeKind = (typeof changeKinds)[number];

export type ChangeState = {
  startsAt?: number;
  endsAt?: number;
  roomEn?: string | null;
  roomZh?: string | null;
  titleEn?: string;
  titleZh?: string;
};

export type Change = {
  kind: ChangeKind;
  sessionId: number;
  slug: string;
  /** The title as published now. */
  titleEn: string;
  titleZh: string;
  before: ChangeState | null;
  after: ChangeState | null;
};

const when = (e: ScheduleEntry): ChangeState => ({ startsAt: e.startsAt, endsAt: e.endsAt });
const where = (e: ScheduleEntry): ChangeState => ({ roomEn: e.roomEn, roomZh: e.roomZh });
const place = (e: ScheduleEntry): ChangeState => ({ ...when(e), ...where(e) });

/** The changes from the published schedule `before` to `after`, in the order of the new schedule. */
export function diffSchedule(before: readonly ScheduleEntry[], after: readonly ScheduleEntry[]): Change[] {
  const old = new Map(before.map((e) => [e.id, e]));
  const changes: Change[] = [];
  const sorted = [...after].sort((a, b) => a.startsAt - b.startsAt || a.id - b.id);
  for (const next of sorted) {
    const prev = old.get(next.id);
    const change = (kind: ChangeKind, b: ChangeState | null, a: ChangeState | null) =>
      changes.push({ kind, sessionId: next.id, slug: next.slug, titleEn: next.titleEn, titleZh: next.titleZh, before: b, after: a });
    const wasPublic = prev !== undefined && prev.status !== "draft";
    if (next.status === "draft") continue;
    if (!wasPublic) {
      // A session cancelled before it was ever published never reaches the public.
      if (next.status === "published") change("added", null, place(next));
      continue;
    }
    if (prev.status !== next.status) {
      if (next.status === "cancelled") change("cancelled", place(prev), null);
      else change("restored", null, place(next));
    }
    if (prev.startsAt !== next.startsAt || prev.endsAt !== next.endsAt) change("moved", when(prev), when(next));
    if (prev.roomId !== next.roomId) change("re-roomed", where(prev), where(next));
    if (prev.titleEn !== next.titleEn || prev.titleZh !== next.titleZh) {
      change("retitled", { titleEn: prev.titleEn, titleZh: prev.titleZh }, { titleEn: next.titleEn, titleZh: next.titleZh });
    }
    if (prev.details !== next.details) change("updated", null, null);
  }
  return changes;
}
