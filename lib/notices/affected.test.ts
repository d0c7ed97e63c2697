import { describe, expect, it } from "vitest";
import { diffSchedule, type ScheduleEntry } from "../agenda-editor/changelog";
import { noticesByPerson, sessionNotices } from "./affected";

const entry = (id: number, over: Partial<ScheduleEntry> = {}): ScheduleEntry => ({
  id,
  slug: `session-${id}`,
  status: "published",
  titleEn: `Session ${id}`,
  titleZh: `场次${id}`,
  startsAt: Date.UTC(2024, 6, 11, 1 + id),
  endsAt: Date.UTC(2024, 6, 11, 2 + id),
  roomId: 1,
  roomEn: "Hall A",
  roomZh: "A厅",
  details: "[]",
  ...over,
});

const before = [1, 2, 3, 4, 5, 6].map((id) => entry(id));
const after = [
  entry(1, { startsAt: Date.UTC(2024, 6, 12, 1), endsAt: Date.UTC(2024, 6, 12, 2) }), // moved
  entry(2, { roomId: 2, roomEn: "Hall B", roomZh: "B厅" }), // re-roomed
  entry(3, { titleEn: "Renamed", titleZh: "新名" }), // retitled
  entry(4, { status: "cancelled" }),
  entry(5, { details: "[\"new abstract\"]" }), // only the abstract: no notice
  entry(6),
];
const changes = diffSchedule(before, after);

describe("sessionNotices", () => {
  it("keeps moves, room changes, new titles and cancellations, and drops edits of the details", () => {
    const notices = sessionNotices(changes);
    expect(notices.map((n) => [n.sessionId, n.changes.map((c) => c.kind)])).toEqual([
      [2, ["re-roomed"]],
      [3, ["retitled"]],
      [4, ["cancelled"]],
      [1, ["moved"]],
    ]);
  });

  it("groups several changes of one session under it", () => {
    const both = diffSchedule([entry(1)], [entry(1, { startsAt: Date.UTC(2024, 6, 13, 1), endsAt: Date.UTC(2024, 6, 13, 2), roomId: 2, roomEn: "Hall B" })]);
    expect(sessionNotices(both)).toEqual([expect.objectContaining({ sessionId: 1, changes: [expect.objectContaining({ kind: "moved" }), expect.objectContaining({ kind: "re-roomed" })] })]);
  });

  it("tells of a session back after a cancellation", () => {
    const restored = diffSchedule([entry(1, { status: "cancelled" })], [entry(1)]);
    expect(sessionNotices(restored).map((n) => n.changes.map((c) => c.kind))).toEqual([["restored"]]);
  });
});

describe("noticesByPerson", () => {
  const notices = sessionNotices(changes);

  it("gives each person only their changed sessions, once each, in the changelog's order", () => {
    const result = noticesByPerson(notices, [
      { personId: 10, sessionId: 1 },
      { personId: 10, sessionId: 3 },
      // starred and booked: one entry
      { personId: 10, sessionId: 3 },
      { personId: 11, sessionId: 5 },
      { personId: 11, sessionId: 6 },
      { personId: 12, sessionId: 4 },
      { personId: 12, sessionId: 6 },
    ]);
    expect([...result.keys()].sort()).toEqual([10, 12]);
    expect(result.get(10)!.map((n) => n.sessionId)).toEqual([3, 1]);
    expect(result.get(12)!.map((n) => n.sessionId)).toEqual([4]);
  });

  it("notifies no one when nothing they follow changed", () => {
    expect(noticesByPerson(notices, [{ personId: 1, sessionId: 6 }]).size).toBe(0);
    expect(noticesByPerson([], [{ personId: 1, sessionId: 1 }]).size).toBe(0);
  });
});
