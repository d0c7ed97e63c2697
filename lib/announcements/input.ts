/** The announcement form: both languages, the kind and the audience, checked field by field. */
import { attendeeCategories, type AttendeeCategory } from "../registration/categories";
import { announcementKinds, audienceGroups, type AnnouncementKind, type Audience, type AudienceGroup } from "./audience";

export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;

export type AnnouncementText = { subjectEn: string; subjectZh: string; bodyEn: string; bodyZh: string };
export type AnnouncementInput = AnnouncementText & { kind: AnnouncementKind; audience: Audience };

/** Message keys of the `announcements.errors` namespace. */
export type AnnouncementFieldError = "required" | "tooLong" | "invalid" | "noGroup" | "badDay";

type FormLike = { get(name: string): unknown; getAll(name: string): unknown[] };

const text = (form: FormLike, name: string) => {
  const value = form.get(name);
  // Windows line ends and stray spaces at the ends are not part of what the organizer wrote.
  return typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : "";
};

const strings = (form: FormLike, name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");

/** The audience part alone: the live count reads it while the texts are still being written. */
export function readAudience(
  form: FormLike,
  editionDays: readonly string[],
): { ok: true; kind: AnnouncementKind; audience: Audience } | { ok: false; errors: Record<string, AnnouncementFieldError> } {
  const errors: Record<string, AnnouncementFieldError> = {};
  const kindValue = form.get("kind");
  const kind = (announcementKinds as readonly unknown[]).includes(kindValue) ? (kindValue as AnnouncementKind) : null;
  if (!kind) errors.kind = "invalid";
  const groupValues = strings(form, "groups");
  const groups = audienceGroups.filter((g) => groupValues.includes(g));
  if (groupValues.some((g) => !(audienceGroups as readonly string[]).includes(g))) errors.groups = "invalid";
  else if (groups.length === 0) errors.groups = "noGroup";
  const dayValues = strings(form, "days");
  const days = editionDays.filter((d) => dayValues.includes(d));
  if (days.length !== new Set(dayValues).size) errors.days = "badDay";
  const categoryValues = strings(form, "categories");
  const categories = attendeeCategories.filter((c) => categoryValues.includes(c));
  if (categories.length !== new Set(categoryValues).size) errors.categories = "invalid";
  const checked = form.get("checkedIn");
  if (checked !== null && checked !== undefined && checked !== "on") errors.checkedIn = "invalid";
  if (Object.keys(errors).length > 0 || !kind) return { ok: false, errors };
  return { ok: true, kind, audience: { groups: groups as AudienceGroup[], days, categories: categories as AttendeeCategory[], checkedIn: checked === "on" } };
}

/** The whole form: every error at once, so the organizer sees each field to fix. */
export function readAnnouncement(
  form: FormLike,
  editionDays: readonly string[],
): { ok: true; value: AnnouncementInput } | { ok: false; errors: Record<string, AnnouncementFieldError> } {
  const errors: Record<string, AnnouncementFieldError> = {};
  const values = {} as AnnouncementText;
  for (const [field, max] of [
    ["subjectEn", SUBJECT_MAX],
    ["subjectZh", SUBJECT_MAX],
    ["bodyEn", BODY_MAX],
    ["bodyZh", BODY_MAX],
  ] as const) {
    const value = text(form, field);
    if (!value) errors[field] = "required";
    else if (value.length > max) errors[field] = "tooLong";
    values[field] = value;
  }
  const audience = readAudience(form, editionDays);
  if (!audience.ok) Object.assign(errors, audience.errors);
  if (Object.keys(errors).length > 0 || !audience.ok) return { ok: false, errors };
  return { ok: true, value: { ...values, kind: audience.kind, audience: audience.audience } };
}
