"use server";

import { revalidatePath } from "next/cache";
import { actorOf, requireActionUser } from "@/auth/guard";
import { getEventSettings, updateEventSettings } from "@/db/queries/event-settings";
import { scheduleDelivery } from "@/db/queries/outbox";
import { localToInstant, settingsSchema } from "@/lib/attendees/settings-input";
import { clearPageCache } from "@/lib/page-cache";
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
  const zone = getEventSettings().timeZone;
  const result = updateEventSettings(
    {
      capacity: parsed.data.capacity,
      registrationOpensAt: localToInstant(parsed.data.opensAt, zone),
      registrationClosesAt: localToInstant(parsed.data.closesAt, zone),
      startDate: parsed.data.startDate,
      endDate: parsed.data.endDate,
    },
    actorOf(user),
  );
  if (!result.ok) {
    if (result.reason === "belowConfirmed") {
      return { errors: { capacity: "belowConfirmed" }, refused: { capacity: result.capacity, confirmed: result.confirmed }, values };
    }
    return { errors: { startDate: "daysInUse" }, refused: { registrations: result.registrations }, values };
  }
  if (result.promoted.length > 0) scheduleDelivery();
  // The register page shows the seats left and whether registration is open.
  revalidatePath("/[locale]/register", "page");
  revalidatePath("/[locale]", "layout");
  revalidatePath("/[locale]/admin", "layout");
  clearPageCache();
  return { saved: { promoted: result.promoted.length }, values };
}
