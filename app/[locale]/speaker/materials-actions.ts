"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireSpeaker } from "@/auth/speaker";
import { proposeMaterials } from "@/db/queries/material-proposals";
import { materialFileInUse } from "@/db/queries/materials";
import { parseRecordingUrl, type RecordingLinkError } from "@/lib/materials/recording";
import { deleteMaterialFiles } from "@/lib/uploads/materials";
import { formOf } from "../action-form";

export type ProposalFormState = {
  errors?: { recordingUrl?: RecordingLinkError; form?: "notFound" };
  saved?: "pending" | "unchanged";
};

const sessionId = z.coerce.number().int().positive().max(2 ** 31);

/**
 * The speaker proposes a recording link and their consent to publish each, for a session of their
 * own: whose it is comes from the portal's cookie, and a session they are not on is refused as not
 * found. Nothing public changes here; an organizer approves or sends it back.
 */
export async function proposeMaterialsAction(_state: ProposalFormState, form: FormData): Promise<ProposalFormState> {
  const speaker = await requireSpeaker();
  const data = formOf(form);
  const id = sessionId.safeParse(data.get("sessionId"));
  if (!id.success) return { errors: { form: "notFound" } };
  const raw = data.get("recordingUrl");
  const typed = typeof raw === "string" ? raw.trim() : "";
  let recordingUrl: string | null = null;
  if (typed) {
    const link = parseRecordingUrl(typed);
    if (!link.ok) return { errors: { recordingUrl: link.error } };
    recordingUrl = link.link.url;
  }
  const result = proposeMaterials(speaker.speakerId, id.data, {
    recordingUrl,
    slidesConsent: data.get("slidesConsent") === "on",
    recordingConsent: data.get("recordingConsent") === "on",
  });
  if (!result.ok) return { errors: { form: "notFound" } };
  await deleteMaterialFiles(result.discarded, materialFileInUse);
  // The portal is rendered per request: this only has the answer carry the proposal's new state.
  revalidatePath("/[locale]/speaker", "page");
  return { saved: result.status };
}
