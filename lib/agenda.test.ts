import { describe, expect, it } from "vitest";
import { agendaDayPath, agendaQueryString, dayOfPath, filterAgenda, filterQueryString, gridFrame, gridRows, parseAgendaQuery, type AgendaItem } from "./agenda";
import { zonedToInstant } from "./time";

const SH = "Asia/Shanghai";
const item = (over: Partial<AgendaItem> & { slug: string; start: string; end: string }): AgendaItem => ({
  type: "talk",
  day: "2024-07-11",
  titleEn: over.slug,
  titleZh: "演讲",
  abstractEn: "",
  abstractZh: "",
  room: { slug: "main-hall" },
  track: { slug: "chips", nameEn: "Automotive chips", nameZh: "汽车芯片" },
  speakers: [],
  ...over,
  startsAt: zonedToInstant(over.day ?? "2024-07-11", over.start, SH).getTime(),
  endsAt: zonedToInstant(over.day ?? "2024-07-11", over.end, SH).getTime(),
});

const items = [
  item({ slug: "opening", type: "ceremony", start: "09:00", end: "09:30", track: null }),
  item({ slug: "chips-talk", start: "10:00", end: "10:45", room: { slug: "hall-a" } }),
  item({ slug: "keynote", type: "keynote", start: "11:00", end: "11:45", speakers: [{ nameEn: "Wang Yao", nameZh: null }] }),
];
const options = { days: ["2024-07-11", "2024-07-12"], tracks: ["chips"], types: ["talk", "keynote", "ceremony"], rooms: ["main-hall", "hall-a"] };

describe("parseAgendaQuery", () => {
  it("reads known values and ignores unknown ones", () => {
    const q = parseAgendaQuery(new URLSearchParams("day=2024-07-12&track=nope&type=keynote&room=hall-a&q=x"), options);
    expect(q).toEqual({ day: "2024-07-12", track: null, type: "keynote", room: "hall-a", q: "x" });
    expect(parseAgendaQuery(new URLSearchParams("day=1999-01-01"), options).day).toBe("2024-07-11");
  });

  it("writes back only what differs from the default view", () => {
    expect(agendaQueryString({ day: "2024-07-11", track: null, type: null, room: null, q: " " }, options)).toBe("");
    expect(agendaQueryString({ day: "2024-07-12", track: "chips", type: null, room: null, q: "芯片" }, options)).toBe(
      "?day=2024-07-12&track=chips&q=%E8%8A%AF%E7%89%87",
    );
  });
});

describe("a day's own address", () => {
  it("is the agenda's address with the day, under the edition's segment if any", () => {
    expect(agendaDayPath("", "2024-07-12")).toBe("/agenda/2024-07-12");
    expect(agendaDayPath("/2024", "2024-07-12")).toBe("/2024/agenda/2024-07-12");
  });

  it("is read back from the path only when it names one of the days", () => {
    expect(dayOfPath("/en/agenda/2024-07-12", options.days)).toBe("2024-07-12");
    expect(dayOfPath("/zh-CN/2024/agenda/2024-07-11/", options.days)).toBe("2024-07-11");
    expect(dayOfPath("/en/agenda/2024-07-13", options.days)).toBeNull();
    expect(dayOfPath("/en/agenda", options.days)).toBeNull();
  });

  it("carries the filters in its query string, never the day, which is in the path", () => {
    expect(filterQueryString({ track: "chips", type: null, room: "hall-a", q: "芯片" })).toBe("?track=chips&room=hall-a&q=%E8%8A%AF%E7%89%87");
    expect(filterQueryString({ track: null, type: null, room: null, q: "  " })).toBe("");
  });
});

describe("filterAgenda", () => {
  const none = { track: null, type: null, room: null, q: "" };
  const slugs = (list: AgendaItem[]) => list.map((i) => i.slug);

  it("narrows by track, type and room", () => {
    expect(slugs(filterAgenda(items, { ...none, track: "chips" }))).toEqual(["chips-talk", "keynote"]);
    expect(slugs(filterAgenda(items, { ...none, type: "keynote" }))).toEqual(["keynote"]);
    expect(slugs(filterAgenda(items, { ...none, room: "hall-a" }))).toEqual(["chips-talk"]);
  });

  it("searches titles, track names and speakers in both languages", () => {
    expect(slugs(filterAgenda(items, { ...none, q: "wang" }))).toEqual(["keynote"]);
    expect(slugs(filterAgenda(items, { ...none, q: "芯片" }))).toEqual(["chips-talk", "keynote"]);
    expect(slugs(filterAgenda(items, { ...none, q: "<script>" }))).toEqual([]);
  });
});

describe("grid layout", () => {
  it("places sessions on five-minute rows from the half-hour before the first", () => {
    const frame = gridFrame(items, SH);
    expect(frame).toEqual({ firstMinute: 9 * 60, lastMinute: 12 * 60, slots: 36 });
    expect(gridRows(items[1]!, frame.firstMinute, SH)).toEqual({ rowStart: 14, rowEnd: 23 });
  });
});
