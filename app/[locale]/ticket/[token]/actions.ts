"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import type { Registration } from "@/db/schema";
import { book, unbook } from "@/db/queries/bookings";
import { scheduleDelivery } from "@/lib/email/outbox-worker";
import { setChangeNotices } from "@/db/queries/change-notices";
import { rotateCalendarToken } from "@/db/queries/stars";
import { cancel, confirmPending, erase, findRegistrationByManageToken, replaceManageLink, updateDetails } from "@/db/queries/registrations";
import { calendarFeedUrl } from "@/lib/personal-agenda/feed-url";
import { isManageToken } from "@/lib/registration/codes";
import { detailsSchema, fieldErrors } from "@/lib/registration/input";
import { readRegistrationForm, type FormValues } from "@/lib/registration/form-values";
import { overRateLimit } from "../../rate-limit";
import { formOf } from "../../action-form";
import { daysOf } from "@/lib/edition";
import { editionById } from "@/db/queries/event";

export type ManageState = { errors?: Record<string, string>; values?: FormValues; done?: "saved" | "cancelled" | "erased" };

/**
 * The manage link's token is the only credential: every action finds its registration by it,
 * within the rate limit of the client's address (so that tokens cannot be guessed at speed). A
 * token that is no one's, or an erased registration's, is a 404, as the page of that link is.
 */
async function owner(token: unknown): Promise<{ reg: Registration } | { error: "rateLimited" }> {
  if (await overRateLimit()) return { error: "rateLimited" };
  const reg = typeof token === "string" && isManageToken(token) ? findRegistrationByManageToken(token) : undefined;
  if (!reg || reg.erasedAt) notFound();
  return { reg };
}

export async function updateAction(token: string, _prev: ManageState, form: FormData): Promise<ManageState> {
  const formData = formOf(form);
  const found = await owner(token);
  if (!("reg" in found)) return { errors: { form: found.error } };
  const { reg } = found;
  const values = readRegistrationForm(formData);
  const { consent: _consent, ...details } = values;
  // The days of the registration's own edition.
  const edition = editionById(reg.eventId);
  if (!edition) return { errors: { form: "notEditable" }, values };
  const parsed = detailsSchema(daysOf(edition)).safeParse(details);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = updateDetails(reg.id, parsed.data, `attendee:${reg.code}`);
  if (!result.ok) {
    return { errors: result.reason === "emailTaken" ? { email: "emailTaken" } : { form: "notEditable" }, values };
  }
  revalidatePath(`/[locale]/ticket/${token}`, "page");
  return { done: "saved" };
}

export async function cancelAction(token: string): Promise<ManageState> {
  const found = await owner(token);
  if (!("reg" in found)) return { errors: { form: found.error } };
  const { reg } = found;
  const result = cancel(reg.id, `attendee:${reg.code}`);
  scheduleDelivery();
  revalidatePath(`/[locale]/ticket/${token}`, "page");
  return result.ok ? { done: "cancelled" } : { errors: { form: "notEditable" } };
}

export async function eraseAction(token: string): Promise<ManageState> {
  const found = await owner(token);
  if (!("reg" in found)) return { errors: { form: found.error } };
  const { reg } = found;
  erase(reg.id, `attendee:${reg.code}`);
  scheduleDelivery();
  return { done: "erased" };
}

export type BookingState = { sessionId?: number; error?: string; conflictTitle?: { en: string; zh: string } };

const sessionIdSchema = z.coerce.number().int().positive();

export async function bookAction(token: string, _prev: BookingState, form: FormData): Promise<BookingState> {
  const formData = formOf(form);
  const found = await owner(token);
  const sessionId = sessionIdSchema.safeParse(formData.get("sessionId"));
  if (!("reg" in found) || !sessionId.success) return { error: "notFound" };
  const { reg } = found;
  const result = formData.get("intent") === "cancel" ? { ok: unbook(reg, sessionId.data) } : book(reg, sessionId.data);
  scheduleDelivery();
  revalidatePath(`/[locale]/ticket/${token}`, "page");
  if (result.ok) return { sessionId: sessionId.data };
  return "reason" in result
    ? { sessionId: sessionId.data, error: result.reason, conflictTitle: result.conflictTitle }
    : { sessionId: sessionId.data, error: "notFound" };
}

export type CalendarState = { url?: string; done?: "created" | "replaced"; error?: "rateLimited" | "invalidType" | "notAvailable" };

/** Creates the calendar feed's secret address, or replaces it: the old address stops working at once. */
export async function calendarFeedAction(token: string, _prev: CalendarState, form: FormData): Promise<CalendarState> {
  formOf(form);
  const found = await owner(token);
  if (!("reg" in found)) return { error: found.error };
  const { reg } = found;
  const result = rotateCalendarToken(reg.id, `attendee:${reg.code}`);
  if (!result.ok) return { error: "notAvailable" };
  revalidatePath(`/[locale]/ticket/${token}`, "page");
  return { url: calendarFeedUrl(result.calendarToken), done: result.replaced ? "replaced" : "created" };
}

export type ReplaceLinkState = { error?: "rateLimited" | "notAvailable" };

/**
 * Replaces the private link: the old one stops working at once, the new one is emailed to the
 * address on file, and this browser moves to it.
 */
export async function replaceLinkAction(token: string, locale: string, _prev: ReplaceLinkState): Promise<ReplaceLinkState> {
  const found = await owner(token);
  if (!("reg" in found)) return { error: found.error };
  const result = replaceManageLink(found.reg.id, `attendee:${found.reg.code}`);
  if (!result.ok) return { error: "notAvailable" };
  scheduleDelivery();
  revalidatePath(`/[locale]/ticket/${token}`, "page");
  redirect(`/${locale === "zh-CN" ? "zh-CN" : "en"}/ticket/${result.token}?replaced=1`);
}

export type ConfirmState = { error?: "rateLimited" | "expired" | "notPending" };

/** The person opened the link from the email and confirms: the held seat becomes theirs. */
export async function confirmAction(token: string): Promise<ConfirmState> {
  const found = await owner(token);
  if (!("reg" in found)) return { error: found.error };
  const { reg } = found;
  const result = confirmPending(reg.id, `attendee:${reg.code}`);
  scheduleDelivery();
  revalidatePath(`/[locale]/ticket/${token}`, "page");
  return result.ok ? {} : { error: result.reason };
}

/** Turns change notices off, or back on (`receive`): the choice the stop link made can be undone here. */
export async function changeNoticesAction(token: string, receive: boolean, form: FormData): Promise<void> {
  formOf(form);
  const found = await owner(token);
  if (!("reg" in found)) return;
  setChangeNotices(found.reg.id, receive === true, `attendee:${found.reg.code}`);
  revalidatePath(`/[locale]/ticket/${token}`, "page");
}
