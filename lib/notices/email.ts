/** The change notice: one email per person and publication, listing only that person's changes. */
import type { ChangeState } from "../agenda-editor/changelog";
import { composeEmail, oneLine, type Block, type RenderedEmail } from "../email/templates";
import { editionName, type EditionFacts } from "../edition";
import { pick, type Locale } from "../localized";
import { formatDay, formatTimeRange, offsetLabel, zonedDate } from "../time";
import type { NoticeChange, SessionNotice } from "./affected";

export type NoticeEmailInput = {
  /** An attendee who starred or booked the sessions, or a speaker who speaks at them. */
  audience: "attendee" | "speaker";
  locale: Locale;
  fullName: string;
  edition: EditionFacts;
  /** The schedule version just published. */
  versionNumber: number;
  sessions: SessionNotice[];
  /** The attendee's ticket page, where their personal agenda is; the speaker's portal. */
  agendaUrl: string;
  /** The attendee's private link that stops further notices; speakers are always told. */
  stopUrl?: string;
};

type Copy = {
  subject: (forum: string, count: number) => string;
  intro: (version: number, count: number) => string;
  labels: { time: string; room: string; title: string; status: string };
  noRoom: string;
  cancelled: (was: string) => string;
  restored: (now: string) => string;
  calendar: string;
  zone: (offset: string, zone: string) => string;
  agendaLead: string;
  agendaLabel: string;
  stopLead: string;
  stopLabel: string;
  greeting: (name: string) => string;
  arrow: string;
  separator: string;
  /** What differs for a speaker of the sessions. */
  speaker: { subject: (forum: string, count: number) => string; intro: (version: number, count: number) => string; agendaLead: string; agendaLabel: string; why: string };
};

const COPY: Record<Locale, Copy> = {
  en: {
    subject: (forum, count) => `Programme change at the ${forum}: ${count === 1 ? "one of your sessions" : `${count} of your sessions`}`,
    intro: (version, count) =>
      `The organisers have just published a new version of the programme (version ${version}). It changes ${count === 1 ? "a session" : `${count} sessions`} you starred or booked:`,
    labels: { time: "Time", room: "Room", title: "Title", status: "Status" },
    noRoom: "room to be announced",
    cancelled: (was) => `Cancelled (it was to take place ${was})`,
    restored: (now) => `Back on the programme: ${now}`,
    calendar: "The calendar files attached update these sessions in your calendar; a cancelled session is removed from it.",
    zone: (offset, zone) => `All times are forum time (${offset}, ${zone}).`,
    agendaLead: "Your ticket page shows your personal agenda with every session you starred or booked:",
    agendaLabel: "My agenda",
    stopLead: "You receive this email because you starred or booked these sessions. Rather not hear of changes by email?",
    stopLabel: "Stop change notices",
    greeting: (name) => `Dear ${name},`,
    arrow: " → ",
    separator: ", ",
    speaker: {
      subject: (forum, count) => `Programme change at the ${forum}: ${count === 1 ? "a session you speak at" : `${count} sessions you speak at`}`,
      intro: (version, count) =>
        `The organisers have just published a new version of the programme (version ${version}). It changes ${count === 1 ? "a session" : `${count} sessions`} you speak at:`,
      agendaLead: "Your speaker portal shows your sessions as they are now (sign in with the link the organisers sent you):",
      agendaLabel: "Speaker portal",
      why: "You receive this email because you are a speaker of these sessions. Questions about the change: reply to the organisers.",
    },
  },
  "zh-CN": {
    subject: (forum, count) => `${forum}：您关注的${count}个场次有变动`,
    intro: (version, count) => `主办方刚刚发布了新版议程（第${version}版），其中您收藏或预订的${count}个场次有以下变动：`,
    labels: { time: "时间", room: "会场", title: "标题", status: "状态" },
    noRoom: "会场待定",
    cancelled: (was) => `已取消（原定${was}）`,
    restored: (now) => `已恢复：${now}`,
    calendar: "随附的日历文件会更新您日历中的这些场次；已取消的场次将从日历中移除。",
    zone: (offset, zone) => `以上时间均为论坛当地时间（${offset}，${zone}）。`,
    agendaLead: "您的电子门票页面上有您的个人议程，列出您收藏或预订的所有场次：",
    agendaLabel: "我的议程",
    stopLead: "您收到本邮件，是因为您收藏或预订了上述场次。如不希望再收到议程变动通知：",
    stopLabel: "停止接收变动通知",
    greeting: (name) => `尊敬的${name}：`,
    arrow: " → ",
    separator: "，",
    speaker: {
      subject: (forum, count) => `${forum}：您演讲的${count}个场次有变动`,
      intro: (version, count) => `主办方刚刚发布了新版议程（第${version}版），其中您担任演讲嘉宾的${count}个场次有以下变动：`,
      agendaLead: "您的演讲嘉宾页面显示这些场次的最新安排（请使用主办方发给您的链接登录）：",
      agendaLabel: "演讲嘉宾页面",
      why: "您收到本邮件，是因为您是上述场次的演讲嘉宾。如对变动有疑问，请联系主办方。",
    },
  },
};

function when(state: ChangeState | null, locale: Locale, timeZone: string): string {
  if (state?.startsAt === undefined || state.endsAt === undefined) return "";
  const day = formatDay(zonedDate(state.startsAt, timeZone), locale, "short");
  return `${day} ${formatTimeRange(state.startsAt, state.endsAt, locale, timeZone)}`;
}

function where(state: ChangeState | null, locale: Locale, copy: Copy): string {
  if (!state || (state.roomEn == null && state.roomZh == null)) return copy.noRoom;
  return pick(locale, state.roomEn ?? "", state.roomZh);
}

/** Time and room together, for a session that left or came back to the programme. */
function place(state: ChangeState | null, locale: Locale, timeZone: string, copy: Copy): string {
  return [when(state, locale, timeZone), where(state, locale, copy)].filter(Boolean).join(copy.separator);
}

function row(change: NoticeChange, locale: Locale, timeZone: string, copy: Copy): [string, string] {
  const { labels, arrow } = copy;
  switch (change.kind) {
    case "moved":
      return [labels.time, `${when(change.before, locale, timeZone)}${arrow}${when(change.after, locale, timeZone)}`];
    case "re-roomed":
      return [labels.room, `${where(change.before, locale, copy)}${arrow}${where(change.after, locale, copy)}`];
    case "retitled":
      return [
        labels.title,
        `${pick(locale, change.before?.titleEn ?? "", change.before?.titleZh)}${arrow}${pick(locale, change.after?.titleEn ?? "", change.after?.titleZh)}`,
      ];
    case "cancelled":
      return [labels.status, copy.cancelled(place(change.before, locale, timeZone, copy))];
    case "restored":
      return [labels.status, copy.restored(place(change.after, locale, timeZone, copy))];
  }
}

/** Subject, text and HTML of one person's notice, in their language and the edition's zone. */
export function renderChangeNotice(input: NoticeEmailInput): RenderedEmail {
  const { locale, edition, sessions } = input;
  const copy = COPY[locale];
  const { timeZone } = edition;
  const first = sessions.flatMap((s) => s.changes).find((c) => c.after?.startsAt ?? c.before?.startsAt);
  const at = first?.after?.startsAt ?? first?.before?.startsAt ?? Date.parse(`${edition.startDate}T12:00:00Z`);
  const speaker = input.audience === "speaker";
  const blocks: Block[] = [
    { type: "p", text: copy.greeting(oneLine(input.fullName)) },
    { type: "p", text: (speaker ? copy.speaker.intro : copy.intro)(input.versionNumber, sessions.length) },
  ];
  for (const session of sessions) {
    blocks.push({ type: "heading", text: `“${oneLine(pick(locale, session.titleEn, session.titleZh))}”` });
    blocks.push({ type: "facts", rows: session.changes.map((c) => row(c, locale, timeZone, copy)) });
  }
  blocks.push(
    { type: "note", text: copy.zone(offsetLabel(at, timeZone), timeZone) },
    { type: "p", text: copy.calendar },
    speaker
      ? { type: "link", lead: copy.speaker.agendaLead, label: copy.speaker.agendaLabel, url: input.agendaUrl }
      : { type: "link", lead: copy.agendaLead, label: copy.agendaLabel, url: input.agendaUrl },
    speaker || input.stopUrl === undefined
      ? { type: "note", text: copy.speaker.why }
      : { type: "minor-link", lead: copy.stopLead, label: copy.stopLabel, url: input.stopUrl },
  );
  const subject = (speaker ? copy.speaker.subject : copy.subject)(editionName(edition, locale), sessions.length);
  return composeEmail(locale, subject, blocks, edition);
}
