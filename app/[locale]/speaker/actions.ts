"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { SPEAKER_COOKIE, requireSpeaker } from "@/auth/speaker";
import { submitProfile } from "@/db/queries/speaker-portal";
import { locales } from "@/lib/localized";
import { portalErrors, portalFormValues, portalSchema, readPortalForm, type PortalFieldError, type PortalFormValues } from "@/lib/speakers/portal-input";
import { deleteSpeakerPhoto } from "@/lib/uploads/speaker-photos";
import { formOf } from "../action-form";

export type PortalFormState = {
  errors?: Partial<Record<keyof PortalFormValues | "form", PortalFieldError>>;
  values?: PortalFormValues;
  saved?: "pending" | "unchanged";
};

/**
 * The speaker sends their proposal. Whose profile it is comes from the portal's cookie alone: the
 * form names no speaker, so no field can reach another's. Nothing public changes here.
 */
export async function saveProfileAction(_state: PortalFormState, form: FormData): Promise<PortalFormState> {
  const speaker = await requireSpeaker();
  const raw = readPortalForm(formOf(form));
  const values = portalFormValues(raw);
  const parsed = portalSchema.safeParse(raw);
  if (!parsed.success) return { values, errors: portalErrors(parsed.error) };
  const result = submitProfile(speaker.speakerId, parsed.data);
  if (!result.ok) return { values, errors: { form: "invalidType" } };
  if (result.discardedPhoto) await deleteSpeakerPhoto(result.discardedPhoto);
  return { values, saved: result.status };
}

/** Leaves the portal on this browser; the link still works until it expires or is revoked. */
export async function leavePortalAction(form: FormData): Promise<void> {
  await requireSpeaker();
  const locale = z.enum(locales).catch("en").parse(formOf(form).get("locale"));
  (await cookies()).delete(SPEAKER_COOKIE);
  redirect(`/${locale}`);
}
