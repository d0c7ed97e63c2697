/**
 * The forum's schedule in the shape that schedule.json and schedule.xml share (the formats of
 * frab and pretalx, read by conference apps and players). json.ts and xml.ts only write it out.
 */
import { createHash } from "node:crypto";
import en from "../../messages/en.json";
import zh from "../../messages/zh-CN.json";
import { daysOf, type EditionFacts } from "../edition";
import { minutesOfDay, zonedDate, zonedToInstant } from "../time";
import type { PublicMaterials } from "../materials/public";
import { scheduleGuid } from "./uuid";
import { durationText, zonedClock, zonedIso } from "./zoned";

type Instant = Date | number;

export type ScheduleSourceSession = {
  id: number;
  slug: string;
  type: string;
  status: "draft" | "published" | "cancelled";
  startsAt: Instant;
  endsAt: Instant;
  titleEn: string;
  titleZh: string;
  abstractEn: string;
  abstractZh: string;
  room: { slug: string; nameEn: string } | null;
  track: { slug: string; nameEn: string } | null;
  speakers: { id: number; slug: string; nameEn: string; bioEn: string }[];
  /** What of its slides and recording is published (lib/materials/public.ts); none when absent. */
  materials?: PublicMaterials;
};

export type ScheduleSource = {
  /** The site's public address, without a trailing slash. */
  baseUrl: string;
  /**
   * The edition's segment before its pages' paths: "/2024", its permanent addresses (see
   * permanentPrefix in lib/edition.ts); "" links to the unprefixed ones.
   */
  editionPrefix?: string;
  event: EditionFacts & {
    /** Also the conference acronym: `caf2024`. */
    slug: string;
  };
  /** Every room, in the order the agenda shows them. */
  rooms: { slug: string; nameEn: string; capacity: number | null }[];
  tracks: { slug: string; nameEn: string; color: string }[];
  sessions: ScheduleSourceSession[];
};

export type SchedulePerson = {
  id: number;
  guid: string;
  name: string;
  url: string;
  biography: string | null;
};
export type ScheduleLink = { type: "web" | "media"; url: string; title: string };
export type ScheduleAttachment = { type: "slides"; url: string; title: string };

export type ScheduleEvent = {
  id: number;
  guid: string;
  /** Start with the zone's offset: "2025-09-30T09:00:00+02:00". */
  date: string;
  end: string;
  /** "09:00" */
  start: string;
  /** "00:30" */
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string;
  track: string | null;
  type: string;
  /** The source does not say in which language a session is held. */
  language: null;
  abstract: string;
  description: string;
  cancelled: boolean;
  persons: SchedulePerson[];
  links: ScheduleLink[];
  /** The published slides, at their full address. */
  attachments: ScheduleAttachment[];
  /** The published recording: its page on the video host, or the file we serve. */
  recording: { url: string } | null;
};

export type ScheduleRoom = { name: string; slug: string; guid: string; capacity: number | null };

export type ScheduleDay = {
  index: number;
  date: string;
  start: string;
  end: string;
  rooms: { name: string; guid: string; events: ScheduleEvent[] }[];
};

export type Schedule = {
  /** Changes whenever anything in the schedule does, so that apps know to reload. */
  version: string;
  baseUrl: string;
  conference: {
    acronym: string;
    title: string;
    description: string;
    start: string;
    end: string;
    daysCount: number;
    timeslotDuration: string;
    timeZone: string;
    url: string;
    rooms: ScheduleRoom[];
    tracks: { name: string; slug: string; color: string }[];
  };
  days: ScheduleDay[];
};

/** The program is invented for demonstration: the exports say so, in both languages. */
export const ILLUSTRATIVE = {
  program: `${en.agenda.illustrative} ${zh.agenda.illustrative}`,
  session: `${en.session.illustrative} ${zh.session.illustrative}`,
} as const;

/** Cancelled sessions stay in the schedule, marked in the title: neither format has a status. */
export const CANCELLED_PREFIX = { en: "Cancelled: ", zh: "已取消：" } as const;

const time = (i: Instant) => new Date(i).getTime();

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The finest step the sessions' start and end times fall on, at least five minutes. */
function timeslot(sessions: readonly ScheduleSourceSession[], timeZone: string): string {
  let step = 60;
  for (const s of sessions) {
    step = gcd(step, minutesOfDay(s.startsAt, timeZone));
    step = gcd(step, minutesOfDay(s.endsAt, timeZone));
  }
  return durationText(Math.max(step, 5));
}

export function buildSchedule(source: ScheduleSource): Schedule {
  const { event, baseUrl } = source;
  const prefix = source.editionPrefix ?? "";
  const tz = event.timeZone;
  const acronym = event.slug;
  const sessions = source.sessions
    .filter((s) => s.status !== "draft")
    .toSorted((a, b) => time(a.startsAt) - time(b.startsAt) || a.id - b.id);

  const rooms: ScheduleRoom[] = source.rooms.map((r) => ({
    name: r.nameEn,
    slug: r.slug,
    guid: scheduleGuid(acronym, "room", r.slug),
    capacity: r.capacity,
  }));
  // A session without a room takes place somewhere at the venue.
  const venue: ScheduleRoom = {
    name: event.venueEn,
    slug: "venue",
    guid: scheduleGuid(acronym, "room", "venue"),
    capacity: null,
  };
  if (sessions.some((s) => !s.room)) rooms.push(venue);
  const roomOf = (s: ScheduleSourceSession) =>
    (s.room && rooms.find((r) => r.slug === s.room!.slug)) || venue;

  const toEvent = (s: ScheduleSourceSession): ScheduleEvent => {
    const cancelled = s.status === "cancelled";
    // Our own files are addressed from the site's root; a video host's page is already absolute.
    const absolute = (url: string) => (url.startsWith("/") ? `${baseUrl}${url}` : url);
    const slides = s.materials?.slides ? absolute(s.materials.slides.url) : null;
    const recording = s.materials?.recording ? { url: absolute(s.materials.recording.url) } : null;
    return {
      id: s.id,
      guid: scheduleGuid(acronym, "session", s.id),
      date: zonedIso(s.startsAt, tz),
      end: zonedIso(s.endsAt, tz),
      start: zonedClock(s.startsAt, tz),
      duration: durationText((time(s.endsAt) - time(s.startsAt)) / 60_000),
      room: roomOf(s).name,
      // Built from the id and the session's own slug, as pretalx does: unique, and stable when it moves.
      slug: `${acronym}-${s.id}-${s.slug}`,
      url: `${baseUrl}/en${prefix}/sessions/${s.slug}`,
      title: cancelled ? CANCELLED_PREFIX.en + s.titleEn : s.titleEn,
      subtitle: cancelled ? CANCELLED_PREFIX.zh + s.titleZh : s.titleZh,
      track: s.track?.nameEn ?? null,
      type: s.type,
      language: null,
      abstract: s.abstractEn,
      description: `${ILLUSTRATIVE.session}\n\n${s.abstractZh}`,
      cancelled,
      persons: s.speakers.map((p) => ({
        id: p.id,
        guid: scheduleGuid(acronym, "person", p.slug),
        name: p.nameEn,
        url: `${baseUrl}/en/speakers/${p.slug}`,
        biography: p.bioEn || null,
      })),
      links: [
        { type: "web", url: `${baseUrl}/zh-CN${prefix}/sessions/${s.slug}`, title: "中文版" },
        ...(recording ? [{ type: "media" as const, url: recording.url, title: "Recording / 录像" }] : []),
      ],
      attachments: slides ? [{ type: "slides", url: slides, title: "Slides / 演示文稿 (PDF)" }] : [],
      recording,
    };
  };

  const dates = [
    ...new Set([
      ...daysOf(event),
      ...sessions.map((s) => zonedDate(s.startsAt, tz)),
    ]),
  ].sort();
  const days: ScheduleDay[] = dates.map((date, i) => {
    const today = sessions.filter((s) => zonedDate(s.startsAt, tz) === date);
    const first = today.length
      ? Math.min(...today.map((s) => time(s.startsAt)))
      : zonedToInstant(date, "00:00", tz);
    const last = today.length
      ? Math.max(...today.map((s) => time(s.endsAt)))
      : zonedToInstant(date, "23:59", tz);
    return {
      index: i + 1,
      date,
      start: zonedIso(first, tz),
      end: zonedIso(last, tz),
      rooms: rooms.map((room) => ({
        name: room.name,
        guid: room.guid,
        events: today.filter((s) => roomOf(s) === room).map(toEvent),
      })),
    };
  });

  return {
    version: createHash("sha1").update(JSON.stringify(days)).digest("hex").slice(0, 12),
    baseUrl,
    conference: {
      acronym,
      title: event.nameEn,
      description: `${event.nameZh}. ${event.venueEn} (${event.venueZh}). ${ILLUSTRATIVE.program}`,
      start: dates[0] ?? event.startDate,
      end: dates.at(-1) ?? event.endDate,
      daysCount: dates.length,
      timeslotDuration: timeslot(sessions, tz),
      timeZone: tz,
      url: `${baseUrl}/en${prefix}/agenda`,
      rooms,
      tracks: source.tracks.map((t) => ({ name: t.nameEn, slug: t.slug, color: t.color })),
    },
    days,
  };
}
