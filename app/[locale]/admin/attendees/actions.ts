"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { actorOf, requireActionUser } from "@/auth/guard";
import { addAttendee, promoteOutOfOrder, resendConfirmation, updateAttendee } from "@/db/queries/attendees";
import { scheduleDelivery } from "@/lib/email/outbox-worker";
import { cancel, decide } from "@/db/queries/registrations";
import { attendeeSchema, promoteSchema } from "@/lib/attendees/input";
import { refreshPublicPages } from "@/lib/cache/refresh";
import { fieldErrors } from "@/lib/registration/input";
import { readRegistrationForm, type FormValues } from "@/lib/registration/form-values";
import { formOf } from "../../action-form";
import { daysOf } from "@/lib/edition";
import { writableConsoleEdition } from "@/auth/edition";
import type { Event } from "@/db/schema";

export type AttendeeFormState = {
  errors?: Record<string, string>;
  values?: FormValues & { altName: unknown; locale: unknown; override: boolean };
  full?: { capacity: number; confirmed: number };
  saved?: boolean;
};

const idArgument = z.number().int().positive().max(2 ** 31);

const localeOf = (value: FormDataEntryValue | null) => (value === "zh-CN" ? "zh-CN" : "en");

function readForm(formData: FormData) {
  return {
    ...readRegistrationForm(formData),
    altName: formData.get("altName") ?? "",
    locale: formData.get("attendeeLocale") ?? "en",
    override: formData.get("override") === "on",
  };
}

/** Checked against the days of the edition the console works on. */
function parse(values: ReturnType<typeof readForm>, edition: Event) {
  const { consent: _consent, override: _override, ...details } = values;
  return attendeeSchema(daysOf(edition)).safeParse(details);
}

/** Seats shown on the register page, and this console's lists, change with every write here. */
function revalidateSeats() {
  refreshPublicPages({ kind: "registration" });
  revalidatePath("/[locale]/admin/attendees", "page");
  revalidatePath("/[locale]/admin", "page");
}

export async function addAttendeeAction(locale: string, _state: AttendeeFormState, form: FormData): Promise<AttendeeFormState> {
  const user = await requireActionUser("attendees");
  const formData = formOf(form);
  const values = readForm(formData);
  const edition = await writableConsoleEdition();
  const parsed = parse(values, edition);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  // Only an admin may confirm beyond capacity, whatever the form sent.
  const override = values.override && user.role === "admin";
  const result = addAttendee(parsed.data, { override, userId: user.id, eventId: edition.id }, actorOf(user));
  if (!result.ok) {
    if (result.reason === "emailTaken") return { errors: { email: "emailTaken" }, values };
    return { errors: { form: "full" }, full: { capacity: result.capacity, confirmed: result.confirmed }, values };
  }
  scheduleDelivery();
  revalidateSeats();
  redirect(`/${localeOf(locale)}/admin/attendees/${result.registration.code}?added=1`);
}

export async function updateAttendeeAction(id: number, _state: AttendeeFormState, form: FormData): Promise<AttendeeFormState> {
  const user = await requireActionUser("attendees");
  const formData = formOf(form);
  // Bound by the edit page to the attendee shown; any other value was sent by hand.
  const attendeeId = idArgument.safeParse(id);
  if (!attendeeId.success) notFound();
  const values = readForm(formData);
  const edition = await writableConsoleEdition();
  const parsed = parse(values, edition);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = updateAttendee(attendeeId.data, parsed.data, actorOf(user), edition.id);
  if (!result.ok) {
    return { errors: result.reason === "emailTaken" ? { email: "emailTaken" } : { form: result.reason }, values };
  }
  revalidatePath("/[locale]/admin/attendees", "layout");
  return { saved: true, values };
}

export type CommandState = { ok?: boolean; error?: string; full?: { capacity: number; confirmed: number } };

const idInput = z.object({ id: z.coerce.number().int().positive() });

export async function cancelAttendeeAction(_state: CommandState, form: FormData): Promise<CommandState> {
  const user = await requireActionUser("attendees");
  const formData = formOf(form);
  const parsed = idInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "invalid" };
  const result = cancel(parsed.data.id, actorOf(user), (await writableConsoleEdition()).id);
  if (!result.ok) return { error: result.reason };
  scheduleDelivery();
  revalidateSeats();
  revalidatePath("/[locale]/admin/attendees", "layout");
  return { ok: true };
}

export async function promoteAttendeeAction(_state: CommandState, form: FormData): Promise<CommandState> {
  const user = await requireActionUser("attendees");
  const formData = formOf(form);
  const parsed = promoteSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: parsed.error.issues[0]?.path[0] === "reason" ? "reasonRequired" : "invalid" };
  const override = parsed.data.override === "on" && user.role === "admin";
  const result = promoteOutOfOrder(parsed.data.id, { reason: parsed.data.reason, override }, actorOf(user), (await writableConsoleEdition()).id);
  if (!result.ok) {
    if (result.reason === "full") return { error: "full", full: { capacity: result.capacity, confirmed: result.confirmed } };
    return { error: result.reason };
  }
  scheduleDelivery();
  revalidateSeats();
  revalidatePath("/[locale]/admin/attendees", "layout");
  return { ok: true };
}

export async function resendAction(_state: CommandState, form: FormData): Promise<CommandState> {
  const user = await requireActionUser("attendees");
  const formData = formOf(form);
  const parsed = idInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "invalid" };
  const result = resendConfirmation(parsed.data.id, actorOf(user), (await writableConsoleEdition()).id);
  if (!result.ok) return { error: "notSendable" };
  scheduleDelivery();
  revalidatePath("/[locale]/admin/attendees", "layout");
  return { ok: true };
}

const decisionInput = z.object({ id: z.coerce.number().int().positive(), decision: z.enum(["approve", "decline"]) });

/** Approval mode: the organizer's answer to a pending registration, emailed to the person either way. */
export async function decideAttendeeAction(_state: CommandState, form: FormData): Promise<CommandState> {
  const user = await requireActionUser("attendees");
  const formData = formOf(form);
  const parsed = decisionInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "invalid" };
  const result = decide(parsed.data.id, parsed.data.decision, actorOf(user), new Date(), (await writableConsoleEdition()).id);
  if (!result.ok) return { error: result.reason };
  scheduleDelivery();
  revalidateSeats();
  revalidatePath("/[locale]/admin/attendees", "layout");
  return { ok: true };
}
