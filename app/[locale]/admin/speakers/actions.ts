"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actorOf, requireActionUser } from "@/auth/guard";
import { createSpeaker, deleteSpeaker, setSpeakerPhoto, updateSpeaker } from "@/db/queries/speakers-admin";
import { readSpeakerForm, speakerErrors, speakerSchema, type SpeakerFormValues } from "@/lib/speakers/input";
import { deleteSpeakerPhoto } from "@/lib/uploads/speaker-photos";
import { refreshPublicPages } from "@/lib/cache/refresh";
import { formOf } from "../../action-form";

export type SpeakerFormState = {
  errors?: Record<string, string>;
  values?: SpeakerFormValues;
  saved?: boolean;
};

const target = z.object({
  id: z.coerce.number().int().positive().max(2 ** 31),
  locale: z.enum(["en", "zh-CN"]),
});

const localeOnly = z.enum(["en", "zh-CN"]);

export async function createSpeakerAction(_state: SpeakerFormState, form: FormData): Promise<SpeakerFormState> {
  const user = await requireActionUser("speakers");
  const formData = formOf(form);
  const locale = localeOnly.safeParse(formData.get("locale"));
  const values = readSpeakerForm(formData);
  if (!locale.success) return { values, errors: { form: "invalidType" } };
  const parsed = speakerSchema.safeParse(values);
  if (!parsed.success) return { values, errors: speakerErrors(parsed.error) };
  const speaker = createSpeaker(parsed.data, actorOf(user));
  revalidatePath("/[locale]/admin/speakers", "page");
  refreshPublicPages({ kind: "speaker", before: null, after: speaker });
  redirect(`/${locale.data}/admin/speakers/${speaker.id}?created=1`);
}

export async function updateSpeakerAction(_state: SpeakerFormState, form: FormData): Promise<SpeakerFormState> {
  const user = await requireActionUser("speakers");
  const formData = formOf(form);
  const values = readSpeakerForm(formData);
  const where = target.safeParse({ id: formData.get("id"), locale: formData.get("locale") });
  if (!where.success) return { values, errors: { form: "notFound" } };
  const parsed = speakerSchema.safeParse(values);
  if (!parsed.success) return { values, errors: speakerErrors(parsed.error) };
  const change = updateSpeaker(where.data.id, parsed.data, actorOf(user));
  if (!change) return { values, errors: { form: "notFound" } };
  revalidatePath("/[locale]/admin/speakers", "layout");
  refreshPublicPages({ kind: "speaker", before: change.before, after: change.after });
  return { saved: true, values };
}

export type SimpleState = { error?: string; done?: boolean };

export async function removeSpeakerPhotoAction(_state: SimpleState, form: FormData): Promise<SimpleState> {
  const user = await requireActionUser("speakers");
  const formData = formOf(form);
  const where = target.safeParse({ id: formData.get("id"), locale: formData.get("locale") });
  if (!where.success) return { error: "notFound" };
  const change = setSpeakerPhoto(where.data.id, null, actorOf(user));
  if (!change) return { error: "notFound" };
  if (change.before.photoPath) await deleteSpeakerPhoto(change.before.photoPath);
  revalidatePath("/[locale]/admin/speakers", "layout");
  refreshPublicPages({ kind: "photo", before: change.before, after: change.after });
  return { done: true };
}

export async function deleteSpeakerAction(_state: SimpleState, form: FormData): Promise<SimpleState> {
  const user = await requireActionUser("speakers");
  const formData = formOf(form);
  const where = target.safeParse({ id: formData.get("id"), locale: formData.get("locale") });
  if (!where.success) return { error: "notFound" };
  const result = deleteSpeaker(where.data.id, actorOf(user));
  if (!result.ok) return { error: result.reason };
  if (result.speaker.photoPath) await deleteSpeakerPhoto(result.speaker.photoPath);
  revalidatePath("/[locale]/admin/speakers", "layout");
  refreshPublicPages({ kind: "speaker", before: result.speaker, after: null });
  redirect(`/${where.data.locale}/admin/speakers?deleted=1`);
}
