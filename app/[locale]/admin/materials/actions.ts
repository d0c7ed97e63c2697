"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { writableConsoleEdition } from "@/auth/edition";
import { actorOf, requireActionUser } from "@/auth/guard";
import {
  materialFileInUse,
  removeRecording,
  removeSlides,
  replacedFiles,
  setConsent,
  setRecordingLength,
  setRecordingLink,
  type MaterialsWrite,
} from "@/db/queries/materials";
import { approveMaterials, returnMaterials } from "@/db/queries/material-proposals";
import { refreshPublicPages } from "@/lib/cache/refresh";
import { scheduleDelivery } from "@/lib/email/outbox-worker";
import { readLength, readRecordingForm } from "@/lib/materials/input";
import { deleteMaterialFiles } from "@/lib/uploads/materials";
import { formOf } from "../../action-form";

export type MaterialsState = { errors?: Record<string, string>; saved?: boolean };

const sessionId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31);

/** Every action: the role, then the session of the console's edition it names. */
async function begin(form: unknown) {
  const user = await requireActionUser("agenda");
  const data = formOf(form);
  const id = sessionId.safeParse(data.get("sessionId"));
  const edition = await writableConsoleEdition();
  return { data, actor: actorOf(user), id: id.success ? id.data : null, eventId: edition.id };
}

async function finish(result: MaterialsWrite): Promise<MaterialsState> {
  if (!result.ok) return { errors: { form: result.error } };
  revalidatePath("/[locale]/admin/materials", "layout");
  refreshPublicPages({ kind: "materials", ...result.change });
  await deleteMaterialFiles(replacedFiles(result.before, result.after), materialFileInUse);
  return { saved: true };
}

/** A checkbox as a browser sends it: absent, or "on"; anything else is null. */
const checkbox = (value: FormDataEntryValue | null): boolean | null => (value === null ? false : value === "on" ? true : null);

const notFound: MaterialsState = { errors: { form: "notFound" } };

export async function saveRecordingLinkAction(
  _state: MaterialsState,
  form: FormData,
): Promise<MaterialsState> {
  const { data, actor, id, eventId } = await begin(form);
  if (id === null) return notFound;
  const input = readRecordingForm(data);
  if (!input.ok) return { errors: input.errors };
  return finish(setRecordingLink(id, input.url, input.seconds, actor, eventId));
}

export async function saveRecordingLengthAction(
  _state: MaterialsState,
  form: FormData,
): Promise<MaterialsState> {
  const { data, actor, id, eventId } = await begin(form);
  if (id === null) return notFound;
  const length = readLength(data);
  if (!length.ok) return { errors: { recordingLength: length.error } };
  return finish(setRecordingLength(id, length.seconds, actor, eventId));
}

export async function saveConsentAction(
  _state: MaterialsState,
  form: FormData,
): Promise<MaterialsState> {
  const { data, actor, id, eventId } = await begin(form);
  if (id === null) return notFound;
  const slides = checkbox(data.get("slidesPublished"));
  const recording = checkbox(data.get("recordingPublished"));
  // A box the form does not send that way is a crafted request: nothing is saved.
  if (slides === null || recording === null) return { errors: { form: "invalid" } };
  return finish(setConsent(id, { slides, recording }, actor, eventId));
}

export async function removeSlidesAction(
  _state: MaterialsState,
  form: FormData,
): Promise<MaterialsState> {
  const { actor, id, eventId } = await begin(form);
  if (id === null) return notFound;
  return finish(removeSlides(id, actor, eventId));
}

export async function removeRecordingAction(
  _state: MaterialsState,
  form: FormData,
): Promise<MaterialsState> {
  const { actor, id, eventId } = await begin(form);
  if (id === null) return notFound;
  return finish(removeRecording(id, actor, eventId));
}

/** `seen`: when the proposal the organizer saw was last changed; a later edit is not decided unseen. */
const decision = z.strictObject({ sessionId, seen: z.coerce.number().int().nonnegative() });

const note = z
  .string()
  .trim()
  .min(1, { error: "noteRequired" })
  .max(1000, { error: "noteTooLong" })
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { error: "noteRequired" });

const decisionOf = (data: FormData) => decision.safeParse({ sessionId: data.get("sessionId"), seen: data.get("seen") });

/** A speaker's proposal goes public: the session page (and what shows its materials) is rendered again. */
export async function approveProposalAction(_state: MaterialsState, form: FormData): Promise<MaterialsState> {
  const user = await requireActionUser("agenda");
  const data = formOf(form);
  const parsed = decisionOf(data);
  if (!parsed.success) return notFound;
  const edition = await writableConsoleEdition();
  const result = approveMaterials(parsed.data.sessionId, parsed.data.seen, actorOf(user), edition.id);
  if (!result.ok) return { errors: { form: result.error } };
  scheduleDelivery();
  return finish(result);
}

/** Sends the speaker's proposal back with a note; nothing public changes. */
export async function returnProposalAction(_state: MaterialsState, form: FormData): Promise<MaterialsState> {
  const user = await requireActionUser("agenda");
  const data = formOf(form);
  const parsed = decisionOf(data);
  if (!parsed.success) return notFound;
  const text = note.safeParse(data.get("note") ?? "");
  if (!text.success) return { errors: { note: text.error.issues[0]?.message ?? "noteRequired" } };
  const edition = await writableConsoleEdition();
  const result = returnMaterials(parsed.data.sessionId, parsed.data.seen, text.data, actorOf(user), edition.id);
  if (!result.ok) return { errors: { form: result.error } };
  scheduleDelivery();
  revalidatePath("/[locale]/admin/materials", "layout");
  return { saved: true };
}
