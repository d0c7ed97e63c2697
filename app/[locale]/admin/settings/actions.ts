"use server";

import { revalidatePath } from "next/cache";
import { writableConsoleEdition } from "@/auth/edition";
import { actorOf, requireActionUser } from "@/auth/guard";
import { z } from "zod";
import { getEventSettings, updateEventSettings, updateRegistrationMode } from "@/db/queries/event-settings";
import { createInvitation, revokeInvitation } from "@/db/queries/invitations";
import { invitationSchema } from "@/lib/registration/invitations";
import { modeSettingsSchema } from "@/lib/registration/mode-input";
import { scheduleDelivery } from "@/lib/email/outbox-worker";
import { localToInstant, settingsSchema } from "@/lib/attendees/settings-input";
import { refreshPublicPages } from "@/lib/cache/refresh";
import { formOf } from "../../action-form";

export type SettingsState = {
  errors?: Record<string, string>;
  refused?: { capacity: number; confirmed: number } | { registrations: number };
  saved?: { promoted: number };
  values?: Record<string, string>;
};

export async function saveSettingsAction(_state: SettingsState, form: FormData): Promise<SettingsState> {
  const user = await requireActionUser("attendees");
  const formData = formOf(form);
  const values = Object.fromEntries(
    ["capacity", "opensAt", "closesAt", "startDate", "endDate"].map((k) => [k, String(formData.get(k) ?? "")]),
  );
  const parsed = settingsSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { errors, values };
  }
  const edition = await writableConsoleEdition();
  const zone = getEventSettings(edition.id).timeZone;
  const result = updateEventSettings(
    {
      capacity: parsed.data.capacity,
      registrationOpensAt: localToInstant(parsed.data.opensAt, zone),
      registrationClosesAt: localToInstant(parsed.data.closesAt, zone),
      startDate: parsed.data.startDate,
      endDate: parsed.data.endDate,
    },
    actorOf(user),
    edition.id,
  );
  if (!result.ok) {
    if (result.reason === "belowConfirmed") {
      return { errors: { capacity: "belowConfirmed" }, refused: { capacity: result.capacity, confirmed: result.confirmed }, values };
    }
    return { errors: { startDate: "daysInUse" }, refused: { registrations: result.registrations }, values };
  }
  if (result.promoted.length > 0) scheduleDelivery();
  // The register page shows the seats left and whether registration is open.
  refreshPublicPages({ kind: "settings" });
  revalidatePath("/[locale]/admin", "layout");
  return { saved: { promoted: result.promoted.length }, values };
}

export type ModeState = { errors?: Record<string, string>; saved?: boolean; values?: Record<string, string> };

/** The registration mode and the minutes a hold lasts; new registrations follow the change. */
export async function saveModeAction(_state: ModeState, form: FormData): Promise<ModeState> {
  const user = await requireActionUser("attendees");
  const formData = formOf(form);
  const values = { mode: String(formData.get("mode") ?? ""), holdMinutes: String(formData.get("holdMinutes") ?? "") };
  const parsed = modeSettingsSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { errors, values };
  }
  updateRegistrationMode(parsed.data, actorOf(user), (await writableConsoleEdition()).id);
  // The register page tells people how long their seat is held.
  refreshPublicPages({ kind: "registration" });
  revalidatePath("/[locale]/admin/settings", "page");
  return { saved: true, values };
}

export type InvitationState = { errors?: Record<string, string>; created?: string; values?: Record<string, string> };

export async function createInvitationAction(_state: InvitationState, form: FormData): Promise<InvitationState> {
  const user = await requireActionUser("attendees");
  const formData = formOf(form);
  const values = { label: String(formData.get("label") ?? ""), maxUses: String(formData.get("maxUses") ?? "") };
  const parsed = invitationSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { errors, values };
  }
  const row = createInvitation(parsed.data, user.id, actorOf(user), (await writableConsoleEdition()).id);
  revalidatePath("/[locale]/admin/settings", "page");
  return { created: row.code };
}

const revokeInput = z.object({ id: z.coerce.number().int().positive() });

export async function revokeInvitationAction(form: FormData): Promise<void> {
  const user = await requireActionUser("attendees");
  const parsed = revokeInput.safeParse(Object.fromEntries(formOf(form)));
  if (!parsed.success) return;
  revokeInvitation(parsed.data.id, actorOf(user), (await writableConsoleEdition()).id);
  revalidatePath("/[locale]/admin/settings", "page");
}
