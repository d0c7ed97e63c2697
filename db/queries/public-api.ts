/** What the read-only REST API (/api/v1/sessions, /speakers, /quotes) answers: public data only. */
import "server-only";
import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import { filterQuotes, type QuoteQuery } from "../../lib/quotes";
import enMessages from "../../messages/en.json";
import zhMessages from "../../messages/zh-CN.json";
import { publicBaseUrl } from "../../lib/registration/urls";
import { photoUrl } from "../../lib/speakers/photo";
import { zonedDate } from "../../lib/time";
import { publicMaterials, type PublicMaterials } from "../../lib/materials/public";
import { getDb } from "../client";
import { permanentPrefix } from "../../lib/edition";
import { events, quotes, sessionSpeakers, sessions, speakers, sources, type Event, type Source, type Speaker } from "../schema";
import { type SessionStatus } from "../../lib/sessions/kinds";
import { getEvent, listEditions } from "./event";
import { publicSpeakerCondition, publicSpeakerIds } from "./public-speakers";
import { listQuotes, listQuotesBySpeaker, type QuoteWithDetails } from "./quotes";

/** Published sessions, and cancelled ones marked as such; drafts never. */
const PUBLIC_STATUSES: SessionStatus[] = ["published", "cancelled"];

const both = (en: string, zh: string) => ({ en, zh });

/** An edition by its acronym ("caf2024"), as the API's `edition` parameter names it; undefined for none. */
export function apiEdition(acronym: string): Event | undefined {
  return getDb().query.events.findFirst({ where: eq(events.slug, acronym) }).sync();
}

/** Every edition, the latest first, with where its pages and exports are. */
export function listApiEditions() {
  const base = publicBaseUrl();
  return listEditions().map((e) => ({
    acronym: e.slug,
    path: e.path,
    current: e.isCurrent,
    name: both(e.nameEn, e.nameZh),
    venue: both(e.venueEn, e.venueZh),
    timeZone: e.timeZone,
    startDate: e.startDate,
    endDate: e.endDate,
    url: `${base}/en/${e.path}/agenda`,
    schedule: {
      json: `${base}/editions/${e.path}/schedule.json`,
      xml: `${base}/editions/${e.path}/schedule.xml`,
      ics: `${base}/editions/${e.path}/agenda.ics`,
    },
  }));
}

/** The acronym and permanent address prefix of every edition, by id: what each session and quote names. */
function editionRefs() {
  return new Map(listEditions().map((e) => [e.id, { acronym: e.slug, prefix: permanentPrefix(e), timeZone: e.timeZone }]));
}

function findSessions(eventId: number, slug?: string) {
  const visible = and(eq(sessions.eventId, eventId), inArray(sessions.status, PUBLIC_STATUSES));
  return getDb()
    .query.sessions.findMany({
      where: slug === undefined ? visible : and(visible, eq(sessions.slug, slug)),
      with: {
        room: true,
        track: true,
        speakers: { with: { speaker: true }, orderBy: (t, o) => [o.asc(t.position)] },
        materials: true,
      },
      orderBy: [asc(sessions.startsAt), asc(sessions.roomId), asc(sessions.id)],
    })
    .sync();
}

type SessionRow = ReturnType<typeof findSessions>[number];

const siteUrl = (path: string) => `${publicBaseUrl()}/en${path}`;

function speakerRef(s: Pick<Speaker, "slug" | "nameEn" | "nameZh">) {
  return {
    slug: s.slug,
    name: { en: s.nameEn, zh: s.nameZh },
    url: siteUrl(`/speakers/${s.slug}`),
  };
}

function sessionView(s: SessionRow, edition: Event) {
  const { timeZone } = edition;
  return {
    id: s.id,
    slug: s.slug,
    edition: edition.slug,
    url: siteUrl(`${permanentPrefix(edition)}/sessions/${s.slug}`),
    type: s.type,
    status: s.status,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    timeZone,
    day: zonedDate(s.startsAt, timeZone),
    title: both(s.titleEn, s.titleZh),
    abstract: both(s.abstractEn, s.abstractZh),
    room: s.room && { slug: s.room.slug, name: both(s.room.nameEn, s.room.nameZh) },
    track: s.track && {
      slug: s.track.slug,
      name: both(s.track.nameEn, s.track.nameZh),
      color: s.track.color,
    },
    seatLimit: s.seatLimit,
    speakers: s.speakers.map((ss) => ({ ...speakerRef(ss.speaker), role: ss.role })),
    materials: materialsView(publicMaterials(s.materials)),
  };
}

/** Our own files at their full address; a video host's page as it is. */
function materialsView({ slides, recording }: PublicMaterials) {
  const absolute = (path: string) => (path.startsWith("/") ? `${publicBaseUrl()}${path}` : path);
  return {
    slides: slides && { url: absolute(slides.url), bytes: slides.bytes, pages: slides.pages, previewUrl: slides.previewUrl && absolute(slides.previewUrl) },
    recording: recording && { url: absolute(recording.url), host: recording.kind === "link" ? recording.host : null, seconds: recording.seconds },
  };
}

function quoteSummary(q: Pick<QuoteWithDetails, "id" | "kind" | "text" | "language">) {
  return {
    id: q.id,
    url: siteUrl(`/quotes/${q.id}`),
    kind: q.kind,
    text: q.text,
    language: q.language,
  };
}

/** One edition's public sessions: the current edition's unless named. */
export function listApiSessions(edition: Event = getEvent()) {
  return findSessions(edition.id).map((s) => sessionView(s, edition));
}

/** A session of one edition (the current one unless named): slugs are unique per edition only. */
export function getApiSession(slug: string, edition: Event = getEvent()) {
  const [session] = findSessions(edition.id, slug);
  if (!session) return undefined;
  const said = getDb()
    .query.quotes.findMany({
      where: and(eq(quotes.sessionId, session.id), inArray(quotes.speakerId, publicSpeakerIds())),
      orderBy: [asc(quotes.id)],
    })
    .sync();
  const view = sessionView(session, edition);
  return { ...view, quotes: said.map((q) => ({ ...quoteSummary(q), moment: view.materials.recording ? q.recordingOffset : null })) };
}

function sourceView(s: Source) {
  return { title: s.title, publisher: s.publisher, publishedOn: s.publishedOn, url: s.url };
}

/** A real person carries the source that names them: quoted in its report, never on a session. */
function speakerView(s: Speaker, source: Source | null) {
  return {
    ...speakerRef(s),
    jobTitle: both(s.titleEn, s.titleZh),
    organisation: both(s.organisationEn, s.organisationZh),
    bio: both(s.bioEn, s.bioZh),
    photoUrl: s.photoPath ? `${publicBaseUrl()}${photoUrl(s.photoPath, 480)}` : null,
    quotedIn: source && sourceView(source),
  };
}

function findApiSpeakers(slug?: string, eventId?: number) {
  const db = getDb();
  // At an edition: the people on its public sessions, and those its quotes are of.
  const ofEdition =
    eventId === undefined
      ? undefined
      : or(
          inArray(
            speakers.id,
            db
              .select({ id: sessionSpeakers.speakerId })
              .from(sessionSpeakers)
              .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
              .where(and(eq(sessions.eventId, eventId), inArray(sessions.status, PUBLIC_STATUSES))),
          ),
          inArray(speakers.id, db.select({ id: quotes.speakerId }).from(quotes).where(eq(quotes.eventId, eventId))),
        );
  return db
    .select({ speaker: speakers, source: sources })
    .from(speakers)
    .leftJoin(sources, eq(sources.id, speakers.sourceId))
    .where(and(publicSpeakerCondition(), slug === undefined ? undefined : eq(speakers.slug, slug), ofEdition))
    .orderBy(asc(speakers.nameEn), asc(speakers.id))
    .all();
}

/** Every person, or those of one edition. */
export function listApiSpeakers(edition?: Event) {
  return findApiSpeakers(undefined, edition?.id).map(({ speaker, source }) => speakerView(speaker, source));
}

export function getApiSpeaker(slug: string) {
  const db = getDb();
  const [found] = findApiSpeakers(slug);
  if (!found) return undefined;
  const { speaker, source } = found;
  // A person across editions: every edition's sessions, the latest edition first.
  const appearances = db
    .select({ session: sessions, role: sessionSpeakers.role })
    .from(sessionSpeakers)
    .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
    .innerJoin(events, eq(events.id, sessions.eventId))
    .where(
      and(eq(sessionSpeakers.speakerId, speaker.id), inArray(sessions.status, PUBLIC_STATUSES)),
    )
    .orderBy(desc(events.startDate), asc(sessions.startsAt), asc(sessions.id))
    .all();
  const refs = editionRefs();
  return {
    ...speakerView(speaker, source),
    sessions: appearances.map(({ session: s, role }) => ({
      slug: s.slug,
      edition: refs.get(s.eventId)?.acronym ?? "",
      url: siteUrl(`${refs.get(s.eventId)?.prefix ?? ""}/sessions/${s.slug}`),
      title: both(s.titleEn, s.titleZh),
      status: s.status,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      role,
    })),
    quotes: listQuotesBySpeaker(speaker.id).map(quoteSummary),
  };
}

/** The site's translation, never the person's words: the label says so in its own language. */
function translationView(original: "en" | "zh", text: string) {
  const language = original === "en" ? ("zh" as const) : ("en" as const);
  return {
    language,
    text,
    translatedBy: "site" as const,
    label: (language === "zh" ? zhMessages : enMessages).quotes.translationNotice,
  };
}

function quoteView(q: QuoteWithDetails, edition: { acronym: string; prefix: string }) {
  const { acronym } = edition;
  return {
    ...quoteSummary(q),
    edition: acronym,
    translation: q.translation ? translationView(q.language, q.translation) : null,
    saidOn: q.saidOn,
    speaker: speakerRef(q.speaker),
    source: sourceView(q.source),
    // listQuotes has already hidden a session that is still a draft.
    session: q.session && {
      slug: q.session.slug,
      url: siteUrl(`${edition.prefix}/sessions/${q.session.slug}`),
      title: both(q.session.titleEn, q.session.titleZh),
    },
    topics: q.topics.map(({ topic }) => ({
      slug: topic.slug,
      name: both(topic.nameEn, topic.nameZh),
    })),
  };
}

export type ApiQuote = ReturnType<typeof quoteView>;

/** The quotes the site's archive would show for these filters (of every edition, or one), in id order. */
export function listApiQuotes(query: QuoteQuery, edition?: Event): ApiQuote[] {
  const refs = editionRefs();
  return filterQuotes(listQuotes(edition?.id), query).map((q) => quoteView(q, refs.get(q.eventId) ?? { acronym: "", prefix: "" }));
}
