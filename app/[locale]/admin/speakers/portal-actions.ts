"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actorOf, requireActionUser } from "@/auth/guard";
import { approveProfile, returnProfile, revokeSpeakerLink, sendSpeakerLink } from "@/db/queries/speaker-portal";
import { refreshPublicPages } from "@/lib/cache/refresh";
import { scheduleDelivery } from "@/lib/email/outbox-worker";
import { locales } from "@/lib/localized";
import { deleteSpeakerPhoto } from "@/lib/uploads/speaker-photos";
import { formOf } from "../../action-form";

/** `errors`: per field, for the form beside them; `error`: about the speaker or the proposal. */
export type PortalActionState = { error?: string; errors?: Record<string, string> };

/** What the speaker's console page says after a step: `?portal=<done>` (see PORTAL_NOTICES). */
export type PortalNotice = "invited" | "renewed" | "revoked" | "approved" | "returned";

const id = z.coerce.number().int().positive().max(2 ** 31);

const inviteInput = z.strictObject({
  id,
  email: z.string({ error: "email" }).trim().toLowerCase().max(254, { error: "email" }).pipe(z.email({ error: "email" })),
  language: z.enum(["en", "zh-CN"], { error: "language" }),
});

const idOnly = z.strictObject({ id });

const decisionInput = z.strictObject({
  id,
  /** When the proposal the organizer saw was last changed: a later edit is not decided unseen. */
  seen: z.coerce.number().int().nonnegative(),
});

const returnInput = decisionInput.extend({
  note: z
    .string()
    .trim()
    .min(1, { error: "noteRequired" })
    .max(1000, { error: "noteTooLong" })
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { error: "noteRequired" }),
});

const fieldsOf = (form: FormData, names: string[]) => Object.fromEntries(names.map((n) => [n, form.get(n)]));

/** Back to the speaker's page, which says what was done: a panel that changed shape cannot say it itself. */
function done(form: FormData, speakerId: number, notice: PortalNotice): never {
  const locale = z.enum(locales).catch("en").parse(form.get("locale"));
  revalidatePath("/[locale]/admin/speakers", "layout");
  redirect(`/${locale}/admin/speakers/${speakerId}?portal=${notice}`);
}

/** Sends the speaker a private link to their portal, in the language chosen; earlier links stop. */
export async function inviteSpeakerAction(_state: PortalActionState, form: FormData): Promise<PortalActionState> {
  const user = await requireActionUser("speakers");
  const data = formOf(form);
  const parsed = inviteInput.safeParse(fieldsOf(data, ["id", "email", "language"]));
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    // The id is ours, not the organizer's to correct: a bad one means the speaker is gone.
    return errors.id ? { error: "notFound" } : { errors };
  }
  const result = sendSpeakerLink(parsed.data.id, { email: parsed.data.email, locale: parsed.data.language }, { id: user.id, actor: actorOf(user) });
  if (!result.ok) return { error: result.reason };
  scheduleDelivery();
  done(data, parsed.data.id, "invited");
}

/** A new link to where the last one went; the old one stops working. */
export async function renewSpeakerLinkAction(_state: PortalActionState, form: FormData): Promise<PortalActionState> {
  const user = await requireActionUser("speakers");
  const data = formOf(form);
  const parsed = idOnly.safeParse(fieldsOf(data, ["id"]));
  if (!parsed.success) return { error: "notFound" };
  const result = sendSpeakerLink(parsed.data.id, null, { id: user.id, actor: actorOf(user) });
  if (!result.ok) return { error: result.reason };
  scheduleDelivery();
  done(data, parsed.data.id, "renewed");
}

export async function revokeSpeakerLinkAction(_state: PortalActionState, form: FormData): Promise<PortalActionState> {
  const user = await requireActionUser("speakers");
  const data = formOf(form);
  const parsed = idOnly.safeParse(fieldsOf(data, ["id"]));
  if (!parsed.success) return { error: "notFound" };
  if (!revokeSpeakerLink(parsed.data.id, actorOf(user))) return { error: "noActiveLink" };
  done(data, parsed.data.id, "revoked");
}

/** The proposal goes public: the speaker's page (and, for a photo, the speakers list) is rendered again. */
export async function approveProfileAction(_state: PortalActionState, form: FormData): Promise<PortalActionState> {
  const user = await requireActionUser("speakers");
  const data = formOf(form);
  const parsed = decisionInput.safeParse(fieldsOf(data, ["id", "seen"]));
  if (!parsed.success) return { error: "notFound" };
  const result = approveProfile(parsed.data.id, parsed.data.seen, actorOf(user));
  if (!result.ok) return { error: result.reason };
  if (result.replacedPhoto) await deleteSpeakerPhoto(result.replacedPhoto);
  scheduleDelivery();
  refreshPublicPages({ kind: "speaker", before: result.before, after: result.after });
  done(data, parsed.data.id, "approved");
}

export async function returnProfileAction(_state: PortalActionState, form: FormData): Promise<PortalActionState> {
  const user = await requireActionUser("speakers");
  const data = formOf(form);
  const parsed = returnInput.safeParse(fieldsOf(data, ["id", "seen", "note"]));
  if (!parsed.success) {
    const note = parsed.error.issues.find((i) => i.path[0] === "note");
    return note ? { errors: { note: note.message } } : { error: "notFound" };
  }
  const result = returnProfile(parsed.data.id, parsed.data.seen, parsed.data.note, actorOf(user));
  if (!result.ok) return { error: result.reason };
  scheduleDelivery();
  done(data, parsed.data.id, "returned");
}
