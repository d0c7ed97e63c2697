import { describe, expect, it } from "vitest";
import { zonedToInstant } from "../time";
import { blockingConflicts, findConflicts, warnings, type PlannedSession } from "./conflicts";

const SH = "Asia/Shanghai";
const at = (day: string, time: string) => zonedToInstant(day, time, SH).getTime();
const context = {
  days: ["2024-07-11", "2024-07-12", "2024-07-13"],
  timeZone: SH,
  roomCapacity: (id: number) => ({ 1: 250, 2: 80 })[id] ?? null,
};

let nextId = 1;
function session(over: Partial<PlannedSession> & { start?: string; end?: string; day?: string } = {}): PlannedSession {
  const { start = "09:00", end = "10:00", day = "2024-07-11", ...rest } = over;
  const id = nextId++;
  return {
    id,
    titleEn: `Session ${id}`,
    titleZh: `会议 ${id}`,
    startsAt: at(day, start),
    endsAt: at(day, end),
    roomId: 1,
    seatLimit: null,
    speakers: [],
    cancelled: false,
    ...rest,
  };
}

describe("findConflicts", () => {
  it("finds nothing for a session alone in its room and time", () => {
    const s = session();
    expect(findConflicts(s, [session({ roomId: 2 }), session({ start: "10:00", end: "11:00" })], context)).toEqual([]);
  });

  it("blocks two sessions in one room at once, and names the other", () => {
    const other = session({ start: "09:45", end: "10:30" });
    const conflicts = findConflicts(session(), [other], context);
    expect(conflicts).toEqual([
      { kind: "room-overlap", blocking: true, other: { id: other.id, titleEn: other.titleEn, titleZh: other.titleZh } },
    ]);
    expect(blockingConflicts(conflicts)).toHaveLength(1);
  });

  it("lets one session start when the other ends", () => {
    expect(findConflicts(session(), [session({ start: "08:00", end: "09:00" })], context)).toEqual([]);
  });

  it("ignores cancelled sessions and the session's own earlier state", () => {
    const s = session();
    expect(findConflicts(s, [session({ cancelled: true }), { ...s, roomId: 1 }], context)).toEqual([]);
  });

  it("warns when a person is in two sessions at once, whatever the role and room", () => {
    const s = session({ speakers: [{ speakerId: 7 }, { speakerId: 8 }] });
    const other = session({ roomId: 2, start: "09:30", end: "09:45", speakers: [{ speakerId: 8 }] });
    const conflicts = findConflicts(s, [other], context);
    expect(conflicts).toMatchObject([{ kind: "person-overlap", blocking: false, speakerId: 8, other: { id: other.id } }]);
    expect(warnings(conflicts)).toHaveLength(1);
    expect(blockingConflicts(conflicts)).toHaveLength(0);
  });

  it("blocks an end at or before the start", () => {
    expect(findConflicts(session({ start: "10:00", end: "10:00" }), [], context)).toEqual([
      { kind: "end-before-start", blocking: true },
    ]);
    expect(findConflicts(session({ start: "10:00", end: "09:00" }), [], context)[0]?.kind).toBe("end-before-start");
  });

  it("blocks a session outside the forum's days, in forum time", () => {
    expect(findConflicts(session({ day: "2024-07-14" }), [], context)).toEqual([{ kind: "outside-days", blocking: true }]);
    expect(findConflicts(session({ day: "2024-07-10", start: "23:00", end: "23:30" }), [], context)[0]?.kind).toBe(
      "outside-days",
    );
    // 07:30 on 11 July in Shanghai is still 10 July in UTC: inside the forum.
    expect(findConflicts(session({ start: "07:30", end: "08:00" }), [], context)).toEqual([]);
    // Ending at midnight keeps the session on its day; running past it does not.
    expect(findConflicts(session({ start: "23:00", end: "00:00" }), [], context)[0]?.kind).toBe("end-before-start");
    const late = session({ start: "23:00", end: "23:30" });
    expect(findConflicts({ ...late, endsAt: late.startsAt + 90 * 60_000 }, [], context)).toEqual([
      { kind: "outside-days", blocking: true },
    ]);
    expect(findConflicts({ ...late, endsAt: late.startsAt + 60 * 60_000 }, [], context)).toEqual([]);
  });

  it("warns about a seat limit above the room's capacity, not at it", () => {
    expect(findConflicts(session({ roomId: 2, seatLimit: 81 }), [], context)).toEqual([
      { kind: "over-capacity", blocking: false, seatLimit: 81, capacity: 80 },
    ]);
    expect(findConflicts(session({ roomId: 2, seatLimit: 80 }), [], context)).toEqual([]);
    expect(findConflicts(session({ roomId: 3, seatLimit: 9999 }), [], context)).toEqual([]);
  });

  it("a cancelled session still needs a valid time, but clashes with nothing", () => {
    const s = session({ cancelled: true, seatLimit: 999, speakers: [{ speakerId: 1 }] });
    expect(findConflicts(s, [session({ speakers: [{ speakerId: 1 }] })], context)).toEqual([]);
  });
});
