/**
 * A second edition beside the seeded one: what the public sees of each stays apart. The pages,
 * feeds, exports and API of one edition show none of another's sessions, rooms, tracks, versions
 * or quotes; the unprefixed ones show the current edition.
 */
import path from "node:path";
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { scheduleJson } from "../../lib/schedule/json";
import { buildSchedule } from "../../lib/schedule/model";
import { scheduleJsonValidator, validateScheduleXml, xmllintAvailable } from "../../lib/schedule/validators";
import { scheduleXml } from "../../lib/schedule/xml";
import { getDb } from "../client";
import { events, quotes, rooms, scheduleVersions, sessionSpeakers, sessions, sources, speakers, tracks, type Event } from "../schema";
import { withSeededDatabase } from "../test-support";
import { listScheduleVersions } from "./agenda-editor";
import { getEvent } from "./event";
import { scheduleSource } from "./exports";
import { agendaFeed } from "./feeds";
import { apiEdition, getApiSession, getApiSpeaker, listApiEditions, listApiQuotes, listApiSessions, listApiSpeakers } from "./public-api";
import { listQuotes } from "./quotes";
import { getPublicSession, listPublicSessionSlugs, listPublicSessions, listRooms, listTracks } from "./sessions";
import { getSpeaker } from "./speakers";

withSeededDatabase("editions-public");

const repoRoot = path.resolve(import.meta.dirname, "../..");
const SHARED_SLUG = "opening-ceremony";
const NEW_TITLE = "Opening of the overseas forum";

let first: Event;
let second: Event;
let speakerSlug: string;
let secondQuoteId: number;

/** A 2025 edition in another zone, with a room, a track, a session whose slug the 2024 one also uses, a speaker on it and a quote. */
beforeAll(() => {
  process.env.SITE_URL = "https://forum.example/";
  const db = getDb();
  first = getEvent();
  second = db
    .insert(events)
    .values({
      slug: "caf2025",
      path: "2025",
      isCurrent: false,
      nameEn: "China Auto Forum 2025",
      nameZh: "2025中国汽车论坛",
      venueEn: "Messe Berlin",
      venueZh: "柏林展览中心",
      timeZone: "Europe/Berlin",
      startDate: "2025-10-02",
      endDate: "2025-10-03",
    })
    .returning()
    .get();
  const room = db.insert(rooms).values({ eventId: second.id, slug: "berlin-hall", nameEn: "Berlin Hall", nameZh: "柏林厅" }).returning().get();
  const track = db.insert(tracks).values({ eventId: second.id, slug: "overseas", nameEn: "Overseas", nameZh: "海外", color: "#123456" }).returning().get();
  const session = db
    .insert(sessions)
    .values({
      eventId: second.id,
      slug: SHARED_SLUG,
      type: "ceremony",
      status: "published",
      startsAt: new Date("2025-10-02T07:00:00Z"),
      endsAt: new Date("2025-10-02T07:30:00Z"),
      roomId: room.id,
      trackId: track.id,
      titleEn: NEW_TITLE,
      titleZh: "海外论坛开幕",
    })
    .returning()
    .get();
  db.insert(sessions)
    .values({ eventId: second.id, slug: "still-a-draft", type: "talk", status: "draft", startsAt: new Date("2025-10-02T08:00:00Z"), endsAt: new Date("2025-10-02T08:30:00Z"), titleEn: "Draft", titleZh: "草稿" })
    .run();
  const speaker = db
    .insert(speakers)
    .values({ slug: "overseas-speaker", nameEn: "Overseas Speaker", nameZh: "海外演讲人", titleEn: "Engineer", titleZh: "工程师", organisationEn: "Org", organisationZh: "机构", bioEn: "Bio", bioZh: "简介" })
    .returning()
    .get();
  speakerSlug = speaker.slug;
  db.insert(sessionSpeakers).values({ sessionId: session.id, speakerId: speaker.id, role: "speaker" }).run();
  // The same person also spoke in 2024: a speaker is a person across editions.
  const earlier = db.select().from(sessions).where(eq(sessions.slug, SHARED_SLUG)).all().find((s) => s.eventId === first.id)!;
  db.insert(sessionSpeakers).values({ sessionId: earlier.id, speakerId: speaker.id, role: "moderator", position: 9 }).run();
  const source = db.select().from(sources).get()!;
  secondQuoteId = db
    .insert(quotes)
    .values({ eventId: second.id, speakerId: speaker.id, sessionId: session.id, sourceId: source.id, kind: "direct", text: "Words in Berlin", language: "en" })
    .returning()
    .get().id;
  db.insert(scheduleVersions).values({ eventId: second.id, number: 1, changes: [] }).run();
});

describe("the site's pages, per edition", () => {
  it("the current edition's agenda holds none of another edition's sessions, rooms or tracks", () => {
    expect(listPublicSessions().some((s) => s.titleEn === NEW_TITLE)).toBe(false);
    expect(listPublicSessions(first.id)).toEqual(listPublicSessions());
    expect(listRooms().some((r) => r.slug === "berlin-hall")).toBe(false);
    expect(listTracks().some((t) => t.slug === "overseas")).toBe(false);
  });

  it("an edition's agenda holds its own public sessions only, on its days in its zone", () => {
    const agenda = listPublicSessions(second.id);
    expect(agenda.map((s) => [s.slug, s.titleEn, s.day])).toEqual([[SHARED_SLUG, NEW_TITLE, "2025-10-02"]]);
    expect(listRooms(second.id).map((r) => r.slug)).toEqual(["berlin-hall"]);
    expect(listTracks(second.id).map((t) => t.slug)).toEqual(["overseas"]);
    expect(listPublicSessionSlugs(second.id)).toEqual([SHARED_SLUG]);
  });

  it("a slug both editions use names a different session in each", () => {
    expect(getPublicSession(SHARED_SLUG)?.titleEn).not.toBe(NEW_TITLE);
    expect(getPublicSession(SHARED_SLUG, second.id)?.titleEn).toBe(NEW_TITLE);
    expect(getPublicSession(SHARED_SLUG, second.id)?.quotes.map((q) => q.text)).toEqual(["Words in Berlin"]);
    expect(getPublicSession("still-a-draft", second.id)).toBeUndefined();
  });

  it("the agenda's changes are each edition's own", () => {
    expect(listScheduleVersions(second.id).map((v) => v.number)).toEqual([1]);
    expect(listScheduleVersions().length).toBe(listScheduleVersions(first.id).length);
    expect(listScheduleVersions(first.id)).not.toEqual(listScheduleVersions(second.id));
  });

  it("a speaker's sessions span editions, each with its edition, the latest first", () => {
    const speaker = getSpeaker(speakerSlug)!;
    expect(speaker.appearances.map((a) => [a.edition.path, a.session.slug, a.role])).toEqual([
      ["2025", SHARED_SLUG, "speaker"],
      ["2024", SHARED_SLUG, "moderator"],
    ]);
  });

  it("the quote archive spans editions; filtered, it holds one edition's, each linking to its edition's session", () => {
    const all = listQuotes();
    expect(all.some((q) => q.id === secondQuoteId)).toBe(true);
    expect(listQuotes(second.id).map((q) => q.id)).toEqual([secondQuoteId]);
    expect(listQuotes(first.id).some((q) => q.id === secondQuoteId)).toBe(false);
    expect(listQuotes(first.id).length + 1).toBe(all.length);
    expect(all.find((q) => q.id === secondQuoteId)?.editionPrefix).toBe("/2025");
    expect(listQuotes(first.id).every((q) => q.editionPrefix === "")).toBe(true);
  });
});

const vevents = (body: string) => new ICAL.Component(ICAL.parse(body)).getAllSubcomponents("vevent");

describe("the feeds and exports, per edition", () => {
  it("the unprefixed agenda feed is the current edition's, without the other's sessions", () => {
    const body = agendaFeed(undefined)!.body;
    expect(body).not.toContain(NEW_TITLE);
    expect(body).not.toContain("caf2025");
    expect(vevents(body).length).toBe(listPublicSessions().length);
  });

  it("an edition's agenda feed holds its sessions, linked at its own addresses, in its zone", () => {
    const file = agendaFeed("en", second.id)!;
    expect(file.filename).toBe("caf2025-agenda.ics");
    const list = vevents(file.body);
    expect(list.map((e) => e.getFirstPropertyValue("summary"))).toEqual([NEW_TITLE]);
    expect(String(list[0]!.getFirstPropertyValue("url"))).toBe(`https://forum.example/en/2025/sessions/${SHARED_SLUG}`);
    expect(file.body).toContain("Europe/Berlin");
    expect(agendaFeed("en", 9999)).toBeUndefined();
  });

  it("schedule.json and schedule.xml of each edition carry its acronym and only its sessions, valid against the specs", () => {
    const current = buildSchedule(scheduleSource());
    const other = buildSchedule(scheduleSource(second));
    expect(current.conference.acronym).toBe(first.slug);
    expect(other.conference.acronym).toBe("caf2025");
    expect(other.conference.timeZone).toBe("Europe/Berlin");
    const titles = (s: typeof current) => s.days.flatMap((d) => d.rooms.flatMap((r) => r.events.map((e) => e.title)));
    expect(titles(other)).toEqual([NEW_TITLE]);
    expect(titles(current)).not.toContain(NEW_TITLE);
    expect(other.conference.url).toBe("https://forum.example/en/2025/agenda");
    // Exports link to permanent addresses, current edition or not: they outlive the switch.
    expect(current.conference.url).toBe(`https://forum.example/en/${first.path}/agenda`);

    const validate = scheduleJsonValidator(repoRoot);
    expect(validate(scheduleJson(current))).toEqual([]);
    expect(validate(scheduleJson(other))).toEqual([]);
    if (xmllintAvailable()) {
      const xml = scheduleXml(other, "https://forum.example/editions/2025/schedule.xml");
      expect(xml).toContain("<acronym>caf2025</acronym>");
      expect(validateScheduleXml(repoRoot, xml).ok).toBe(true);
    }
  });
});

describe("the REST API, per edition", () => {
  it("lists every edition with its acronym, the current one marked", () => {
    const list = listApiEditions();
    expect(list.map((e) => [e.acronym, e.current])).toEqual([
      ["caf2025", false],
      [first.slug, true],
    ]);
    expect(list[0]!.schedule.json).toBe("https://forum.example/editions/2025/schedule.json");
  });

  it("finds an edition by acronym only", () => {
    expect(apiEdition("caf2025")?.id).toBe(second.id);
    expect(apiEdition("2025")).toBeUndefined();
  });

  it("sessions: the current edition's unless one is named", () => {
    expect(listApiSessions().some((s) => s.title.en === NEW_TITLE)).toBe(false);
    expect(listApiSessions().every((s) => s.edition === first.slug)).toBe(true);
    const other = listApiSessions(second);
    expect(other.map((s) => [s.edition, s.slug, s.timeZone, s.url])).toEqual([
      ["caf2025", SHARED_SLUG, "Europe/Berlin", `https://forum.example/en/2025/sessions/${SHARED_SLUG}`],
    ]);
    expect(getApiSession(SHARED_SLUG, second)?.title.en).toBe(NEW_TITLE);
    expect(getApiSession(SHARED_SLUG)?.title.en).not.toBe(NEW_TITLE);
  });

  it("speakers: everyone, or one edition's people", () => {
    expect(listApiSpeakers(second).map((s) => s.slug)).toEqual([speakerSlug]);
    expect(listApiSpeakers().length).toBeGreaterThan(1);
    expect(listApiSpeakers(first).some((s) => s.slug === speakerSlug)).toBe(true);
    expect(getApiSpeaker(speakerSlug)?.sessions.map((s) => s.edition)).toEqual(["caf2025", first.slug]);
  });

  it("quotes: the whole archive, or one edition's", () => {
    const everything = { speaker: null, topic: null, q: "" };
    expect(listApiQuotes(everything, second).map((q) => [q.id, q.edition])).toEqual([[secondQuoteId, "caf2025"]]);
    expect(listApiQuotes(everything, first).some((q) => q.id === secondQuoteId)).toBe(false);
    expect(listApiQuotes(everything).some((q) => q.id === secondQuoteId)).toBe(true);
    expect(listApiQuotes(everything, second)[0]!.session?.url).toBe(`https://forum.example/en/2025/sessions/${SHARED_SLUG}`);
  });
});
