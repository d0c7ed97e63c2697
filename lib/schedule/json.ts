/** schedule.json as pretalx and frab write it (voc/schedule's JSON Schema, draft-06). */
import type { Schedule, ScheduleEvent } from "./model";

export const SCHEDULE_JSON_SCHEMA = "https://c3voc.de/schedule/schema.json";

function eventJson(e: ScheduleEvent) {
  return {
    id: e.id,
    guid: e.guid,
    logo: "",
    date: e.date,
    start: e.start,
    end: e.end,
    duration: e.duration,
    room: e.room,
    slug: e.slug,
    url: e.url,
    title: e.title,
    subtitle: e.subtitle,
    track: e.track,
    type: e.type,
    language: e.language,
    abstract: e.abstract,
    description: e.description,
    recording_license: "",
    do_not_record: false,
    // frab's form of a person (id and public_name): the schema allows exactly one of frab's and
    // pretalx's forms, so `name`, pretalx's, is left out.
    persons: e.persons.map((p) => ({
      id: p.id,
      guid: p.guid,
      public_name: p.name,
      url: p.url,
      biography: p.biography,
    })),
    links: e.links,
    // The schema's events have no recording field: the recording is a "media" link (above).
    attachments: e.attachments,
  };
}

export function scheduleJson(schedule: Schedule) {
  const c = schedule.conference;
  return {
    $schema: SCHEDULE_JSON_SCHEMA,
    generator: { name: "china-auto-forum", version: "1.0" },
    schedule: {
      version: schedule.version,
      base_url: `${schedule.baseUrl}/`,
      conference: {
        acronym: c.acronym,
        title: c.title,
        description: c.description,
        start: c.start,
        end: c.end,
        daysCount: c.daysCount,
        timeslot_duration: c.timeslotDuration,
        time_zone_name: c.timeZone,
        url: c.url,
        rooms: c.rooms.map((r) => ({
          name: r.name,
          slug: r.slug,
          guid: r.guid,
          capacity: r.capacity,
        })),
        tracks: c.tracks,
        days: schedule.days.map((d) => ({
          index: d.index,
          date: d.date,
          day_start: d.start,
          day_end: d.end,
          rooms: Object.fromEntries(d.rooms.map((r) => [r.name, r.events.map(eventJson)])),
        })),
      },
    },
  };
}

export type ScheduleJson = ReturnType<typeof scheduleJson>;
