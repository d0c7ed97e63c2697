/** The rules a schedule must keep: which clashes block a save and which only warn. */
import { zonedDate } from "../time";

export type PlannedSession = {
  id: number;
  titleEn: string;
  titleZh: string;
  startsAt: number;
  endsAt: number;
  roomId: number | null;
  seatLimit: number | null;
  speakers: { speakerId: number }[];
  cancelled: boolean;
};

export type Conflict =
  | { kind: "end-before-start"; blocking: true }
  | { kind: "outside-days"; blocking: true }
  | { kind: "room-overlap"; blocking: true; other: { id: number; titleEn: string; titleZh: string } }
  | {
      kind: "person-overlap";
      blocking: false;
      speakerId: number;
      other: { id: number; titleEn: string; titleZh: string };
    }
  | { kind: "over-capacity"; blocking: false; seatLimit: number; capacity: number };

export type ConflictContext = {
  /** The forum's days, "2025-09-30", in its zone. */
  days: readonly string[];
  timeZone: string;
  roomCapacity: (roomId: number) => number | null | undefined;
};

const overlaps = (a: PlannedSession, b: PlannedSession) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;
const ref = (s: PlannedSession) => ({ id: s.id, titleEn: s.titleEn, titleZh: s.titleZh });

/**
 * Everything wrong with `session` among `others` (the rest of the schedule as it would be).
 * Cancelled sessions hold no room and no person, so they clash with nothing.
 */
export function findConflicts(
  session: PlannedSession,
  others: readonly PlannedSession[],
  context: ConflictContext,
): Conflict[] {
  const conflicts: Conflict[] = [];
  if (session.endsAt <= session.startsAt) {
    conflicts.push({ kind: "end-before-start", blocking: true });
  }
  // A session starts and ends on one of the forum's days; the end instant itself may be midnight.
  const firstDay = zonedDate(session.startsAt, context.timeZone);
  const lastDay = zonedDate(Math.max(session.startsAt, session.endsAt - 1), context.timeZone);
  if (!context.days.includes(firstDay) || firstDay !== lastDay) {
    conflicts.push({ kind: "outside-days", blocking: true });
  }
  if (session.cancelled) return conflicts;

  const capacity = session.roomId === null ? null : context.roomCapacity(session.roomId);
  if (session.seatLimit !== null && capacity != null && session.seatLimit > capacity) {
    conflicts.push({ kind: "over-capacity", blocking: false, seatLimit: session.seatLimit, capacity });
  }

  const people = new Set(session.speakers.map((s) => s.speakerId));
  for (const other of others) {
    if (other.id === session.id || other.cancelled || !overlaps(session, other)) continue;
    if (session.roomId !== null && other.roomId === session.roomId) {
      conflicts.push({ kind: "room-overlap", blocking: true, other: ref(other) });
    }
    for (const { speakerId } of other.speakers) {
      if (people.has(speakerId)) {
        conflicts.push({ kind: "person-overlap", blocking: false, speakerId, other: ref(other) });
      }
    }
  }
  return conflicts;
}

export const blockingConflicts = (conflicts: readonly Conflict[]) => conflicts.filter((c) => c.blocking);
export const warnings = (conflicts: readonly Conflict[]) => conflicts.filter((c) => !c.blocking);
