import en from "../../messages/en.json";
import zh from "../../messages/zh-CN.json";
import { fillEdition, type EditionFacts } from "../edition";
import { pick, type Locale } from "../localized";
import type { IcsCalendar, IcsEvent } from "./calendar";

/** A public session as the feeds need it; the query layer fills it from the database. */
export type FeedSession = {
  id: number;
  slug: string;
  status: "published" | "cancelled";
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  version: number;
  titleEn: string;
  titleZh: string;
  abstractEn: string;
  abstractZh: string;
  room: { nameEn: string; nameZh: string } | null;
  track: { nameEn: string; nameZh: string } | null;
  speakers: {
    nameEn: string;
    nameZh: string | null;
    organisationEn: string;
    organisationZh: string;
    role: keyof typeof en.roles;
  }[];
};

/**
 * `prefix`: the edition's segment before its pages' paths, "" for the current edition (whose pages
 * are at the unprefixed addresses), "/2024" for another one.
 */
export type FeedEvent = EditionFacts & { slug: string; prefix?: string };

export type FeedContext = {
  locale: Locale;
  /** Absolute origin of the public site (SITE_URL), never the request's Host. */
  baseUrl: string;
  event: FeedEvent;
};

const messages = { en, "zh-CN": zh } as const;

const MY_AGENDA: Record<Locale, string> = { en: "My agenda", "zh-CN": "我的议程" };

/** UID of a session's event: the same in every feed, whatever moves. */
export function sessionUid(sessionId: number, eventSlug: string): string {
  return `session-${sessionId}@${eventSlug}`;
}

export function sessionUrl(ctx: FeedContext, slug: string): string {
  return `${ctx.baseUrl}/${ctx.locale}${ctx.event.prefix ?? ""}/sessions/${slug}`;
}

function speakerLine(locale: Locale, s: FeedSession["speakers"][number]): string {
  const m = messages[locale];
  const name = pick(locale, s.nameEn, s.nameZh);
  const organisation = pick(locale, s.organisationEn, s.organisationZh);
  const role = locale === "zh-CN" ? `（${m.roles[s.role]}）` : ` (${m.roles[s.role]})`;
  const separator = locale === "zh-CN" ? "，" : ", ";
  return `${name}${role}${organisation ? `${separator}${organisation}` : ""}`;
}

function description(ctx: FeedContext, s: FeedSession): string {
  const { locale } = ctx;
  const m = messages[locale];
  const blocks: string[] = [];
  if (s.status === "cancelled") blocks.push(m.session.cancelledNotice);
  // The program is invented for demonstration: every copy of a session says so.
  blocks.push(m.session.illustrative);
  const abstract = pick(locale, s.abstractEn, s.abstractZh).trim();
  if (abstract) blocks.push(abstract);
  if (s.speakers.length > 0) {
    const heading = locale === "zh-CN" ? `${m.session.speakers}：` : `${m.session.speakers}:`;
    blocks.push([heading, ...s.speakers.map((sp) => speakerLine(locale, sp))].join("\n"));
  }
  // Many clients show no URL property: the link goes in the text as well.
  blocks.push(sessionUrl(ctx, s.slug));
  return blocks.join("\n\n");
}

export function sessionToEvent(ctx: FeedContext, s: FeedSession): IcsEvent {
  const { locale } = ctx;
  return {
    uid: sessionUid(s.id, ctx.event.slug),
    sequence: s.version - 1,
    start: s.startsAt,
    end: s.endsAt,
    lastModified: s.updatedAt,
    summary: pick(locale, s.titleEn, s.titleZh),
    description: description(ctx, s),
    location: s.room && pick(locale, s.room.nameEn, s.room.nameZh),
    url: sessionUrl(ctx, s.slug),
    status: s.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    categories: s.track ? [pick(locale, s.track.nameEn, s.track.nameZh)] : [],
  };
}

export type FeedKind =
  | { kind: "agenda" }
  | { kind: "session"; title: { en: string; zh: string } }
  | { kind: "speaker"; name: { en: string; zh: string | null } }
  | { kind: "personal" };

function calendarName(ctx: FeedContext, feed: FeedKind): string {
  const { locale } = ctx;
  const forum = pick(locale, ctx.event.nameEn, ctx.event.nameZh);
  const separator = locale === "zh-CN" ? "：" : ": ";
  switch (feed.kind) {
    case "agenda":
      return forum;
    case "session":
      return `${forum}${separator}${pick(locale, feed.title.en, feed.title.zh)}`;
    case "speaker":
      return `${forum}${separator}${pick(locale, feed.name.en, feed.name.zh)}`;
    case "personal":
      return `${forum}${separator}${MY_AGENDA[locale]}`;
  }
}

/** The calendar of a feed, its sessions in the order given. */
export function sessionsCalendar(ctx: FeedContext, feed: FeedKind, sessions: FeedSession[]): IcsCalendar {
  const m = messages[ctx.locale];
  return {
    prodId: `-//${ctx.event.nameEn}//Program feed//${ctx.locale === "zh-CN" ? "ZH" : "EN"}`,
    name: calendarName(ctx, feed),
    description: `${fillEdition(m.meta.description, ctx.event, ctx.locale)} ${m.agenda.illustrative}`,
    timeZone: ctx.event.timeZone,
    refreshInterval: "PT1H",
    events: sessions.map((s) => sessionToEvent(ctx, s)),
  };
}
