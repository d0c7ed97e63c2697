import { describe, expect, it } from "vitest";
import { readFirstSheet } from "../../e2e/support/xlsx";
import { zonedToInstant } from "../time";
import { seededEdition as edition } from "../test-fixtures/edition";
import { feedbackClosesAt, feedbackInput, feedbackRefusal, registeredFor, type FeedbackPerson, type FeedbackSession } from "./rules";
import { parseSort, sortSummaries, summarise } from "./summary";
import { feedbackCsv, feedbackXlsx, type FeedbackExportRow } from "./export";

const tz = edition.timeZone;
const first = edition.startDate;
const at = (date: string, time: string) => zonedToInstant(date, time, tz);
const person: FeedbackPerson = { status: "confirmed", days: [first], erased: false };
const talk: FeedbackSession = { status: "published", startsAt: at(first, "09:00"), endsAt: at(first, "10:00"), seatLimit: null };

describe("who may rate a session", () => {
  it("counts a session of a day the person registered for, or a booked seat where the session takes bookings", () => {
    expect(registeredFor(person, talk, false, tz)).toBe(true);
    expect(registeredFor({ ...person, days: [edition.endDate] }, talk, false, tz)).toBe(false);
    const workshop = { ...talk, seatLimit: 30 };
    expect(registeredFor(person, workshop, false, tz)).toBe(false);
    expect(registeredFor({ ...person, days: [] }, workshop, true, tz)).toBe(true);
  });

  it("counts only a confirmed, not erased registration and a session that took place", () => {
    for (const status of ["waiting", "cancelled", "pending"] as const) expect(registeredFor({ ...person, status }, talk, true, tz)).toBe(false);
    expect(registeredFor({ ...person, erased: true }, talk, false, tz)).toBe(false);
    expect(registeredFor(person, { ...talk, status: "cancelled" }, false, tz)).toBe(false);
  });

  it("reads the session's day in the forum's zone, not in UTC", () => {
    // 07:30 in the forum's zone on its first day is still the day before in UTC.
    const early = { ...talk, startsAt: at(first, "07:30"), endsAt: at(first, "08:00") };
    expect(early.startsAt.toISOString().slice(0, 10)).not.toBe(first);
    expect(registeredFor(person, early, false, tz)).toBe(true);
  });
});

describe("when", () => {
  it("opens when the session ends and closes a week after the forum's last day, on the forum's clocks", () => {
    const closes = feedbackClosesAt(edition);
    expect(closes.getTime()).toBe(at(edition.endDate, "00:00").getTime() + 8 * 86_400_000);
    expect(feedbackRefusal(person, talk, false, edition, new Date(talk.endsAt.getTime() - 1))).toBe("notEnded");
    expect(feedbackRefusal(person, talk, false, edition, talk.endsAt)).toBeNull();
    expect(feedbackRefusal(person, talk, false, edition, new Date(closes.getTime() - 1))).toBeNull();
    expect(feedbackRefusal(person, talk, false, edition, closes)).toBe("closed");
  });

  it("refuses a session not registered for before saying anything about time", () => {
    const other = { ...person, days: [edition.endDate] };
    expect(feedbackRefusal(other, talk, false, edition, new Date(talk.startsAt))).toBe("notRegistered");
  });
});

describe("the form", () => {
  it("takes a whole rating from 1 to 5 and a trimmed comment", () => {
    expect(feedbackInput.parse({ rating: "4", comment: "  Clear.\r\nUseful. " })).toEqual({ rating: 4, comment: "Clear.\nUseful." });
    expect(feedbackInput.parse({ rating: "1" })).toEqual({ rating: 1, comment: "" });
    for (const rating of ["0", "6", "3.5", "", "five", "-1"]) expect(feedbackInput.safeParse({ rating, comment: "" }).success, rating).toBe(false);
    expect(feedbackInput.safeParse({ rating: "5", comment: "x".repeat(2001) }).success).toBe(false);
  });
});

describe("the console's summary", () => {
  it("counts, averages and distributes the ratings", () => {
    expect(summarise([5, 4, 4, 1])).toEqual({ count: 4, average: 3.5, distribution: [1, 0, 0, 2, 1] });
    expect(summarise([2, 3, 3])).toEqual({ count: 3, average: 2.67, distribution: [0, 1, 2, 0, 0] });
    expect(summarise([])).toEqual({ count: 0, average: null, distribution: [0, 0, 0, 0, 0] });
  });

  it("sorts by average or answers either way, sessions without answers last", () => {
    const row = (title: string, hour: string, ratings: number[]) => ({ title, startsAt: at(first, hour), ...summarise(ratings) });
    const rows = [row("B", "09:00", [3]), row("A", "10:00", []), row("C", "11:00", [5, 4])];
    expect(sortSummaries(rows, "average", "desc").map((r) => r.title)).toEqual(["C", "B", "A"]);
    expect(sortSummaries(rows, "average", "asc").map((r) => r.title)).toEqual(["B", "C", "A"]);
    expect(sortSummaries(rows, "answers", "desc").map((r) => r.title)).toEqual(["C", "B", "A"]);
    expect(sortSummaries(rows, "title", "asc").map((r) => r.title)).toEqual(["A", "B", "C"]);
    expect(sortSummaries(rows, "time", "desc").map((r) => r.title)).toEqual(["C", "A", "B"]);
    expect(parseSort("average", "desc")).toEqual({ by: "average", direction: "desc" });
    expect(parseSort("drop table", "sideways")).toEqual({ by: "time", direction: "asc" });
  });
});

const rows: FeedbackExportRow[] = [
  { sessionSlug: "opening", sessionTitle: "Opening", startsAt: at(first, "09:00"), code: "CAF-2345ABCD", fullName: "李雷", rating: 5, comment: 'Great, "really"\nthanks', updatedAt: new Date("2026-01-02T03:04:05Z") },
  { sessionSlug: "panel", sessionTitle: "Panel", startsAt: at(first, "10:00"), code: "CAF-6789EFGH", fullName: "Ada Test", rating: 2, comment: "=HYPERLINK(\"x\")", updatedAt: new Date("2026-01-02T04:00:00Z") },
];

describe("the exports", () => {
  it("CSV: a header, one line per answer, quoting, and no formula", () => {
    const csv = feedbackCsv(rows);
    expect(csv.startsWith("\uFEFFsession,title,startsAt,code,fullName,rating,comment,answeredAt\r\n")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[1]).toBe(`opening,Opening,${rows[0]!.startsAt.toISOString()},CAF-2345ABCD,李雷,5,"Great, ""really""\nthanks",2026-01-02T03:04:05.000Z`);
    expect(lines[2]).toContain(`,2,"'=HYPERLINK(""x"")",`);
    expect(lines).toHaveLength(4);
  });

  it("XLSX: the same cells in the first sheet, the rating a number, text never a formula", async () => {
    const { rows: sheet } = readFirstSheet(await feedbackXlsx(rows));
    expect(sheet.map((r) => r.map((c) => c.value))).toEqual([
      ["session", "title", "startsAt", "code", "fullName", "rating", "comment", "answeredAt"],
      ["opening", "Opening", rows[0]!.startsAt.toISOString(), "CAF-2345ABCD", "李雷", "5", 'Great, "really"\nthanks', "2026-01-02T03:04:05.000Z"],
      ["panel", "Panel", rows[1]!.startsAt.toISOString(), "CAF-6789EFGH", "Ada Test", "2", "'=HYPERLINK(\"x\")", "2026-01-02T04:00:00.000Z"],
    ]);
    expect(sheet[1]![5]!.type).toBe("n");
    expect(sheet.flat().every((c) => c.formula === null)).toBe(true);
  });
});
