/**
 * Who an announcement goes to, as the organizer chooses it. Groups add people (confirmed
 * attendees, the waiting list, the edition's speakers); days, categories and "checked in" narrow
 * the attendees of those groups, as pretix's and Indico's recipient filters do.
 */
import { attendeeCategories, type AttendeeCategory } from "../registration/categories";

export const announcementKinds = ["news", "service"] as const;
export type AnnouncementKind = (typeof announcementKinds)[number];

export const audienceGroups = ["confirmed", "waiting", "speakers"] as const;
export type AudienceGroup = (typeof audienceGroups)[number];

export type Audience = {
  groups: AudienceGroup[];
  /** Forum days (YYYY-MM-DD): attendees registered for any of them, speakers with a session on one. None: every day. */
  days: string[];
  /** Attendee categories: none means every category. Speakers have none and are not narrowed by it. */
  categories: AttendeeCategory[];
  /** Only attendees checked in (on one of `days`, when days are chosen). Speakers are not checked in. */
  checkedIn: boolean;
};

export const EMPTY_AUDIENCE: Audience = { groups: [], days: [], categories: [], checkedIn: false };

/** The audience read back from its stored JSON, keeping only what the rules know. */
export function audienceOf(value: unknown): Audience {
  const v = (value ?? {}) as Partial<Record<keyof Audience, unknown>>;
  const list = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : []);
  return {
    groups: list(v.groups).filter((g): g is AudienceGroup => (audienceGroups as readonly string[]).includes(g)),
    days: list(v.days),
    categories: list(v.categories).filter((c): c is AttendeeCategory => (attendeeCategories as readonly string[]).includes(c)),
    checkedIn: v.checkedIn === true,
  };
}

/** The person's language for the email: Chinese for a registration or an invitation made in Chinese. */
export function recipientLocale(locale: string | null | undefined): "en" | "zh-CN" {
  return locale === "zh-CN" ? "zh-CN" : "en";
}

export type Candidate = {
  email: string;
  name: string;
  locale: "en" | "zh-CN";
  registrationId: number | null;
  speakerId: number | null;
};

/**
 * One candidate per address (trimmed, lower-cased): a speaker who also registered hears once, as
 * the attendee, in the language of their registration.
 */
export function onePerAddress(candidates: Candidate[]): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = c.email.trim().toLowerCase();
    if (!key) continue;
    const known = seen.get(key);
    if (!known || (known.registrationId === null && c.registrationId !== null)) seen.set(key, c);
  }
  return [...seen.values()];
}
