"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { writableConsoleEdition } from "@/auth/edition";
import { actorOf, requireActionUser } from "@/auth/guard";
import { countRecipients, saveDraft, sendAnnouncement, sendTest } from "@/db/queries/announcements";
import { readAnnouncement, readAudience } from "@/lib/announcements/input";
import { daysOf } from "@/lib/edition";
import { scheduleDelivery } from "@/lib/email/outbox-worker";
import { locales } from "@/lib/localized";
import { formOf } from "../../action-form";

export type AnnouncementState = {
  /** Message keys of `announcements.errors`, by field; `form` for the form as a whole. */
  errors?: Record<string, string>;
  /** The live count: how many people the audience chosen reaches. */
  count?: number;
  tested?: boolean;
  /**
   * What the organizer sent, given back with the errors: React resets a form after its action, and
   * the fields then show these instead of going blank.
   */
  values?: FormValues;
};

export type FormValues = { subjectEn: string; subjectZh: string; bodyEn: string; bodyZh: string; kind: string; groups: string[]; days: string[]; categories: string[]; checkedIn: boolean };

function valuesOf(data: FormData): FormValues {
  const text = (name: string) => {
    const v = data.get(name);
    return typeof v === "string" ? v.slice(0, 20_000) : "";
  };
  const list = (name: string) => data.getAll(name).filter((v): v is string => typeof v === "string").slice(0, 20);
  return {
    subjectEn: text("subjectEn"),
    subjectZh: text("subjectZh"),
    bodyEn: text("bodyEn"),
    bodyZh: text("bodyZh"),
    kind: text("kind"),
    groups: list("groups"),
    days: list("days"),
    categories: list("categories"),
    checkedIn: data.get("checkedIn") === "on",
  };
}

const announcementId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31);
const localeField = z.enum(locales).catch("en");

/** Every action: the role first, then the form, then the console's edition (403 when archived). */
async function begin(form: unknown) {
  const user = await requireActionUser("attendees");
  const data = formOf(form);
  const edition = await writableConsoleEdition();
  const id = announcementId.safeParse(data.get("id"));
  return { user, data, edition, id: id.success ? id.data : null, locale: localeField.parse(data.get("locale")) };
}

const page = (locale: string, id: number) => `/${locale}/admin/announcements?id=${id}`;

/** Saves a new draft, or changes a draft (`id`), then opens it with its previews. */
export async function saveAnnouncementAction(_state: AnnouncementState, form: FormData): Promise<AnnouncementState> {
  const { user, data, edition, id, locale } = await begin(form);
  if (id === null && data.get("id")) return { errors: { form: "notFound" } };
  const input = readAnnouncement(data, daysOf(edition));
  if (!input.ok) return { errors: input.errors, values: valuesOf(data) };
  const saved = saveDraft(input.value, { id: id ?? undefined, eventId: edition.id, userId: user.id, actor: actorOf(user) });
  if (!saved.ok) return { errors: { form: saved.error }, values: valuesOf(data) };
  revalidatePath("/[locale]/admin/announcements", "page");
  redirect(page(locale, saved.id));
}

/** The live count while the audience is chosen: writes nothing. */
export async function countRecipientsAction(_state: AnnouncementState, form: FormData): Promise<AnnouncementState> {
  const { data, edition } = await begin(form);
  const audience = readAudience(data, daysOf(edition));
  if (!audience.ok) return { errors: audience.errors };
  return { count: countRecipients(edition, audience.kind, audience.audience) };
}

/** The announcement in both languages to the signed-in organizer alone, through the outbox. */
export async function sendTestAction(_state: AnnouncementState, form: FormData): Promise<AnnouncementState> {
  const { user, edition, id } = await begin(form);
  if (id === null) return { errors: { form: "notFound" } };
  const result = sendTest(id, { eventId: edition.id, email: user.email, actor: actorOf(user) });
  if (!result.ok) return { errors: { form: result.error } };
  scheduleDelivery();
  return { tested: true };
}

/** Sends to everyone in the audience, once the organizer confirmed; then shows the progress. */
export async function sendAnnouncementAction(_state: AnnouncementState, form: FormData): Promise<AnnouncementState> {
  const { user, data, edition, id, locale } = await begin(form);
  if (id === null) return { errors: { form: "notFound" } };
  if (data.get("confirm") !== "yes") return { errors: { form: "confirm" } };
  const result = sendAnnouncement(id, { eventId: edition.id, userId: user.id, actor: actorOf(user) });
  if (!result.ok) return { errors: { form: result.error } };
  scheduleDelivery();
  revalidatePath("/[locale]/admin/announcements", "page");
  redirect(page(locale, id));
}
