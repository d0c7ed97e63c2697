/** schedule.xml as frab and pretalx write it (voc/schedule's schedule.xml.xsd). */
import { ILLUSTRATIVE, type Schedule, type ScheduleEvent } from "./model";

// Characters XML 1.0 cannot hold at all, even escaped.
const FORBIDDEN = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

type Attributes = Record<string, string | number | null | undefined>;

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
}

function element(name: string, content: string | number | null, attrs: Attributes = {}): string {
  if (content === null) return "";
  const text = escapeXml(String(content));
  return text ? `<${name}${attributes(attrs)}>${text}</${name}>` : `<${name}${attributes(attrs)}/>`;
}

function wrap(name: string, children: string[]): string {
  return children.length ? `<${name}>${children.join("")}</${name}>` : `<${name}/>`;
}

// The XSD types every URL as http(s); anything else is left out rather than made invalid.
const HTTP = /^https?:\/\/\S+$/;
const httpOnly = (url: string) => (HTTP.test(url) ? url : null);
const TRACK_SLUG = /^[a-z][a-z0-9-]+$/;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

function eventXml(e: ScheduleEvent, indent: string): string {
  const i = `${indent}  `;
  const lines = [
    element("room", e.room),
    element("title", e.title),
    element("subtitle", e.subtitle),
    element("type", e.type),
    element("date", e.date),
    element("start", e.start),
    element("duration", e.duration),
    element("abstract", e.abstract),
    element("slug", e.slug),
    element("track", e.track ?? ""),
    element("language", e.language),
    element("description", e.description),
    wrap(
      "persons",
      e.persons.map((p) => element("person", p.name, { id: p.id, guid: p.guid })),
    ),
    // frab's recording element: no licence is recorded, and the speaker agreed to publish it.
    e.recording && httpOnly(e.recording.url) ? `<recording>${element("license", "")}${element("optout", "false")}${element("link", e.recording.url)}</recording>` : "",
    wrap(
      "links",
      e.links
        .filter((l) => httpOnly(l.url))
        .map((l) => element("link", l.title, { href: l.url, type: l.type })),
    ),
    wrap(
      "attachments",
      e.attachments.filter((a) => httpOnly(a.url)).map((a) => element("attachment", a.title, { href: a.url, type: a.type })),
    ),
    element("url", httpOnly(e.url)),
  ].filter(Boolean);
  return `${indent}<event${attributes({ id: e.id, guid: e.guid })}>\n${lines.map((l) => i + l).join("\n")}\n${indent}</event>`;
}

export function scheduleXml(schedule: Schedule, selfUrl?: string): string {
  const c = schedule.conference;
  const conference = [
    element("acronym", c.acronym),
    element("title", c.title),
    element("start", c.start),
    element("end", c.end),
    element("days", c.daysCount),
    element("timeslot_duration", c.timeslotDuration),
    element("base_url", httpOnly(`${schedule.baseUrl}/`)),
    element("url", httpOnly(c.url)),
    element("time_zone_name", c.timeZone),
    ...c.tracks.map((t) =>
      element("track", t.name, {
        name: t.name,
        color: HEX_COLOR.test(t.color) ? t.color : null,
        slug: TRACK_SLUG.test(t.slug) ? t.slug : null,
      }),
    ),
  ].filter(Boolean);
  const days = schedule.days.map((d) => {
    const rooms = d.rooms.map((r) => {
      const open = `    <room${attributes({ name: r.name, guid: r.guid })}`;
      if (r.events.length === 0) return `${open}/>`;
      return `${open}>\n${r.events.map((e) => eventXml(e, "      ")).join("\n")}\n    </room>`;
    });
    const open = `  <day${attributes({ index: d.index, date: d.date, start: d.start, end: d.end })}`;
    return rooms.length ? `${open}>\n${rooms.join("\n")}\n  </day>` : `${open}/>`;
  });
  const self = selfUrl ? httpOnly(selfUrl) : null;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // The format's <conference> has no description: the notice stands here and in every event's.
    `<!-- ${ILLUSTRATIVE.program.replaceAll("--", "–")} -->`,
    "<schedule>",
    `  <generator${attributes({ name: "china-auto-forum", version: "1.0" })}/>`,
    ...(self ? [`  ${element("url", self)}`] : []),
    `  ${element("version", schedule.version)}`,
    "  <conference>",
    ...conference.map((l) => `    ${l}`),
    "  </conference>",
    ...days,
    "</schedule>",
    "",
  ].join("\n");
}
