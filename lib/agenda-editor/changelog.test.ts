import { describe, expect, it } from "vitest";
import { diffSchedule, type ScheduleEntry } from "./changelog";

const base: ScheduleEntry = {
  id: 1,
  slug: "talk",
  status: "published",
  titleEn: "Talk",
  titleZh: "演讲",
  startsAt: 1000,
  endsAt: 2000,
  roomId: 1,
  roomEn: "Main Hall",
  roomZh: "主会场",
  details: "{}",
};
const entry = (over: Partial<ScheduleEntry> = {}): ScheduleEntry => ({ ...base, ...over });

describe("diffSchedule", () => {
  it("records nothing when nothing changed", () => {
    expect(diffSchedule([entry()], [entry()])).toEqual([]);
  });

  it("records a first publication as added, with where and when", () => {
    const changes = diffSchedule([entry({ status: "draft" })], [entry()]);
    expect(changes).toEqual([
      {
        kind: "added",
        sessionId: 1,
        slug: "talk",
        titleEn: "Talk",
        titleZh: "演讲",
        before: null,
        after: { startsAt: 1000, endsAt: 2000, roomEn: "Main Hall", roomZh: "主会场" },
      },
    ]);
    expect(diffSchedule([], [entry()])[0]?.kind).toBe("added");
  });

  it("leaves out sessions that stay unpublished, including ones cancelled before publication", () => {
    expect(diffSchedule([entry({ status: "draft" })], [entry({ status: "draft", startsAt: 5 })])).toEqual([]);
    expect(diffSchedule([entry({ status: "draft" })], [entry({ status: "cancelled" })])).toEqual([]);
  });

  it("records a move with the times before and after", () => {
    expect(diffSchedule([entry()], [entry({ startsAt: 3000, endsAt: 4500 })])).toMatchObject([
      { kind: "moved", before: { startsAt: 1000, endsAt: 2000 }, after: { startsAt: 3000, endsAt: 4500 } },
    ]);
  });

  it("records a change of room in both languages", () => {
    expect(diffSchedule([entry()], [entry({ roomId: 2, roomEn: "Hall B", roomZh: "B厅" })])).toMatchObject([
      { kind: "re-roomed", before: { roomEn: "Main Hall", roomZh: "主会场" }, after: { roomEn: "Hall B", roomZh: "B厅" } },
    ]);
  });

  it("records a move to another room and time as two changes", () => {
    const kinds = diffSchedule([entry()], [entry({ roomId: 2, startsAt: 0 })]).map((c) => c.kind);
    expect(kinds).toEqual(["moved", "re-roomed"]);
  });

  it("records cancelling and restoring with the place the session had", () => {
    expect(diffSchedule([entry()], [entry({ status: "cancelled" })])).toMatchObject([
      { kind: "cancelled", before: { startsAt: 1000, roomEn: "Main Hall" }, after: null },
    ]);
    expect(diffSchedule([entry({ status: "cancelled" })], [entry()])).toMatchObject([
      { kind: "restored", before: null, after: { startsAt: 1000, roomEn: "Main Hall" } },
    ]);
  });

  it("records new titles and other details", () => {
    expect(diffSchedule([entry()], [entry({ titleEn: "New", titleZh: "新" })])).toMatchObject([
      { kind: "retitled", titleEn: "New", before: { titleEn: "Talk", titleZh: "演讲" }, after: { titleEn: "New", titleZh: "新" } },
    ]);
    expect(diffSchedule([entry()], [entry({ details: '{"seatLimit":5}' })])).toMatchObject([
      { kind: "updated", before: null, after: null },
    ]);
  });

  it("lists changes in the order of the new schedule", () => {
    const changes = diffSchedule(
      [entry({ id: 1 }), entry({ id: 2, slug: "b", startsAt: 100 })],
      [entry({ id: 1, titleEn: "X" }), entry({ id: 2, slug: "b", startsAt: 50 }), entry({ id: 3, slug: "c", startsAt: 10 })],
    );
    expect(changes.map((c) => [c.sessionId, c.kind])).toEqual([
      [3, "added"],
      [2, "moved"],
      [1, "retitled"],
    ]);
  });
});
