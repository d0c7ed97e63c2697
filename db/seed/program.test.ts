import { describe, expect, it } from "vitest";
import { sessionTypes, speakerRoles } from "../../lib/sessions/kinds";
import { people } from "./article";
import { program, programPeople, rooms, tracks } from "./program";

const DAYS = ["2024-07-11", "2024-07-12", "2024-07-13"];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/;

/** Minutes since midnight for "HH:MM". */
function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return minutes(a.start) < minutes(b.end) && minutes(b.start) < minutes(a.end);
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

describe("rooms and tracks", () => {
  it("have unique kebab-case slugs and names in both languages", () => {
    for (const list of [rooms, tracks]) {
      const slugs = list.map((x) => x.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
      for (const x of list) {
        expect(x.slug).toMatch(SLUG);
        expect(x.nameEn.trim()).not.toBe("");
        expect(x.nameZh).toMatch(CJK);
      }
    }
  });

  it("rooms have a positive capacity", () => {
    for (const r of rooms) expect(r.capacity).toBeGreaterThan(0);
  });

  it("track colours are distinct #rrggbb values readable with white text (WCAG AA)", () => {
    const colours = tracks.map((t) => t.color.toLowerCase());
    expect(new Set(colours).size).toBe(colours.length);
    for (const t of tracks) {
      expect(t.color).toMatch(/^#[0-9a-fA-F]{6}$/);
      const contrast = 1.05 / (luminance(t.color) + 0.05);
      expect(contrast, `${t.slug} ${t.color}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("illustrative program", () => {
  const roomBySlug = new Map(rooms.map((r) => [r.slug, r]));
  const trackSlugs = new Set(tracks.map((t) => t.slug));

  it("has at least 24 sessions", () => {
    expect(program.length).toBeGreaterThanOrEqual(24);
  });

  it("uses at least 3 rooms and 4 tracks", () => {
    expect(new Set(program.map((s) => s.room)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(program.map((s) => s.track)).size).toBeGreaterThanOrEqual(4);
  });

  it("uses every day of 11-13 July 2024 and no other", () => {
    expect([...new Set(program.map((s) => s.day))].sort()).toEqual(DAYS);
  });

  it("has unique kebab-case ASCII slugs", () => {
    const slugs = program.map((s) => s.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(SLUG);
  });

  it("refers only to existing rooms, tracks and session types", () => {
    for (const s of program) {
      expect(roomBySlug.has(s.room), `${s.slug}: room ${s.room}`).toBe(true);
      expect(trackSlugs.has(s.track), `${s.slug}: track ${s.track}`).toBe(true);
      expect(sessionTypes).toContain(s.type);
    }
  });

  it("has well-formed times, each session ending after it starts, within 08:30-18:00", () => {
    for (const s of program) {
      expect(s.start, s.slug).toMatch(TIME);
      expect(s.end, s.slug).toMatch(TIME);
      expect(minutes(s.end), s.slug).toBeGreaterThan(minutes(s.start));
      expect(minutes(s.start), s.slug).toBeGreaterThanOrEqual(minutes("08:30"));
      expect(minutes(s.end), s.slug).toBeLessThanOrEqual(minutes("18:00"));
    }
  });

  it("never has two sessions overlapping in one room", () => {
    for (let i = 0; i < program.length; i++) {
      for (let j = i + 1; j < program.length; j++) {
        const a = program[i]!;
        const b = program[j]!;
        if (a.day !== b.day || a.room !== b.room) continue;
        expect(overlaps(a, b), `${a.slug} overlaps ${b.slug} in ${a.room}`).toBe(false);
      }
    }
  });

  it("runs at most 3 sessions in parallel", () => {
    for (const s of program) {
      const parallel = program.filter(
        (o) => o.day === s.day && overlaps(o, s) && minutes(o.start) <= minutes(s.start),
      );
      expect(parallel.length, `at ${s.day} ${s.start}`).toBeLessThanOrEqual(3);
    }
  });

  it("keeps seat limits within the room's capacity", () => {
    for (const s of program) {
      if (s.seatLimit === undefined) continue;
      expect(s.seatLimit, s.slug).toBeGreaterThan(0);
      expect(s.seatLimit, s.slug).toBeLessThanOrEqual(roomBySlug.get(s.room)?.capacity ?? 0);
    }
  });

  it("has titles and abstracts in both languages, the Chinese title in CJK characters", () => {
    for (const s of program) {
      expect(s.titleEn.trim(), s.slug).not.toBe("");
      expect(s.titleZh.trim(), s.slug).not.toBe("");
      expect(s.abstractEn.trim(), s.slug).not.toBe("");
      expect(s.abstractZh.trim(), s.slug).not.toBe("");
      expect(s.titleZh, s.slug).toMatch(CJK);
      expect(s.abstractZh, s.slug).toMatch(CJK);
    }
  });

  it("links only its own people, who are roles, never a person of the article", () => {
    const links = program.flatMap((s) => (s.speakers ?? []).map((sp) => ({ session: s, ...sp })));
    expect(links.length).toBeGreaterThan(0);
    const own = new Set(programPeople.map((p) => p.slug));
    const real = new Set<string>(people.map((p) => p.slug));
    for (const l of links) {
      expect(own.has(l.speaker), `${l.session.slug}: ${l.speaker}`).toBe(true);
      expect(real.has(l.speaker), `${l.session.slug}: ${l.speaker}`).toBe(false);
      expect(speakerRoles).toContain(l.role);
    }
    for (const p of programPeople) {
      expect(p.nameZh).toMatch(CJK);
      expect(p.bioEn).toMatch(/not a named person/);
    }
  });

  it("names no real person in titles or abstracts", () => {
    const names = [/wang\s*yao/i, /liu\s*jining/i, /lu\s*fangzhou/i];
    for (const s of program) {
      const text = [s.titleEn, s.titleZh, s.abstractEn, s.abstractZh].join(" ");
      for (const name of names) expect(text, s.slug).not.toMatch(name);
    }
  });

  it("has exactly one cancelled session and the required fixtures", () => {
    expect(program.filter((s) => s.status === "cancelled")).toHaveLength(1);

    const bySlug = new Map(program.map((s) => [s.slug, s]));
    const opening = bySlug.get("opening-ceremony");
    expect(opening?.type).toBe("ceremony");
    expect(opening?.day).toBe("2024-07-11");
    expect(opening?.room).toBe("main-hall");

    const chipValley = bySlug.get("chip-valley-visit");
    expect(chipValley?.type).toBe("site-visit");
    expect(chipValley?.seatLimit).toBe(40);
    expect(chipValley?.room).toBe("field");

    const softwarePark = program.find(
      (s) => s.type === "site-visit" && /software park/i.test(s.titleEn),
    );
    expect(softwarePark?.seatLimit).toBe(30);

    const demos = program.filter((s) => s.type === "demo");
    expect(new Set(demos.map((d) => d.day)).size).toBeGreaterThanOrEqual(2);
    for (const d of demos) {
      expect(d.seatLimit, d.slug).toBe(20);
      expect(d.room, d.slug).toBe("field");
    }

    for (const day of DAYS) {
      const breaks = program.filter((s) => s.day === day && s.type === "break");
      expect(breaks.length, day).toBeGreaterThan(0);
      for (const b of breaks) {
        expect(b.room, b.slug).toBe("main-hall");
        expect(b.track, b.slug).toBe("plenary");
      }
    }

    expect(program.some((s) => s.day === "2024-07-13" && /closing/i.test(s.titleEn))).toBe(true);
  });

  it("uses every session type and every track", () => {
    expect(new Set(program.map((s) => s.type))).toEqual(new Set(sessionTypes));
    expect(new Set(program.map((s) => s.track))).toEqual(trackSlugs);
  });
});
