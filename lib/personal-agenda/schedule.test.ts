import { describe, expect, it } from "vitest";
import { zonedToInstant } from "../time";
import { personalSchedule, type ScheduleSession } from "./schedule";

const SH = "Asia/Shanghai";
let id = 0;
const session = (slug: string, day: string, start: string, end: string, status = "published"): ScheduleSession => ({
  id: ++id,
  slug,
  status,
  day,
  startsAt: zonedToInstant(day, start, SH).getTime(),
  endsAt: zonedToInstant(day, end, SH).getTime(),
});

const D1 = "2024-07-11";
const D2 = "2024-07-12";
const opening = session("opening", D1, "09:00", "09:30");
const panel = session("panel", D1, "13:30", "14:45");
const talk = session("talk", D1, "13:30", "14:30");
const visit = session("visit", D1, "14:00", "16:30");
const chips = session("chips", D1, "16:30", "17:00");
const keynote = session("keynote", D2, "09:00", "09:45");
const cancelled = session("cancelled", D2, "09:00", "10:00", "cancelled");
// In the order the agenda lists them: by start, then by room.
const all = [opening, panel, talk, visit, chips, keynote, cancelled];

const slugs = (days: ReturnType<typeof personalSchedule>) =>
  days.map((d) => [d.day, d.items.map((i) => i.session.slug)]);

describe("personalSchedule", () => {
  it("lists the starred sessions by day, in time order, whatever the order of the stars", () => {
    const days = personalSchedule(all, ["keynote", "chips", "opening"], []);
    expect(slugs(days)).toEqual([
      [D1, ["opening", "chips"]],
      [D2, ["keynote"]],
    ]);
    expect(days.flatMap((d) => d.items).every((i) => i.starred && i.booking === null && i.overlapsWith.length === 0)).toBe(true);
  });

  it("is empty without stars or bookings, and ignores stars of sessions it does not know", () => {
    expect(personalSchedule(all, [], [])).toEqual([]);
    expect(personalSchedule(all, ["no-such-session"], [])).toEqual([]);
  });

  it("flags each of two overlapping sessions with the other, and not sessions back to back", () => {
    const [day] = personalSchedule(all, ["panel", "talk", "chips"], []);
    const by = new Map(day!.items.map((i) => [i.session.slug, i.overlapsWith.map((o) => o.slug)]));
    expect(by.get("panel")).toEqual(["talk"]);
    expect(by.get("talk")).toEqual(["panel"]);
    expect(by.get("chips")).toEqual([]);
  });

  it("adds booked sessions, marked, and counts them in overlaps", () => {
    const [day] = personalSchedule(all, ["panel", "chips"], [{ slug: "visit", status: "booked" }]);
    const visitItem = day!.items.find((i) => i.session.slug === "visit")!;
    expect(visitItem).toMatchObject({ starred: false, booking: "booked" });
    expect(visitItem.overlapsWith.map((o) => o.slug)).toEqual(["panel"]);
    // The visit ends at 16:30 as the chips talk begins: no clash.
    expect(day!.items.find((i) => i.session.slug === "chips")!.overlapsWith).toEqual([]);
  });

  it("marks a starred session that is also booked or waited for", () => {
    const [day] = personalSchedule(all, ["visit"], [{ slug: "visit", status: "waiting" }]);
    expect(day!.items).toHaveLength(1);
    expect(day!.items[0]).toMatchObject({ starred: true, booking: "waiting" });
  });

  it("lists a cancelled session without letting it clash", () => {
    const [day] = personalSchedule(all, ["keynote", "cancelled"], []);
    expect(day!.items.map((i) => [i.session.slug, i.overlapsWith.length])).toEqual([
      ["keynote", 0],
      ["cancelled", 0],
    ]);
  });
});
