"use server";

import { redirect } from "next/navigation";
import { scheduleDelivery } from "@/lib/email/outbox-worker";
import { registerWhileOpenGrouped, startHoldExpiry } from "@/db/queries/registrations";
import { fieldErrors, registrationSchema } from "@/lib/registration/input";
import { admissionFor } from "@/lib/registration/mode";
import { readRegistrationForm, type FormValues } from "@/lib/registration/form-values";
import { overRateLimit } from "../rate-limit";
import { headers } from "next/headers";
import { secret } from "@/db/secrets";
import { clientAddressKey } from "@/lib/registration/address-limit";
import { formOf } from "../action-form";
import { daysOf } from "@/lib/edition";
import { editionById } from "@/db/queries/event";
import { z } from "zod";

export type RegisterState = {
  errors?: Record<string, string>;
  /** The numbers some errors name: the hourly limit, the uses of a code. */
  details?: { limit?: number; minutes?: number; maxUses?: number };
  duplicate?: boolean;
  /**
   * In the confirm and approval modes, the one answer to every accepted registration, new or not:
   * what it says depends only on what was sent, never on whether the address is registered.
   */
  received?: { email: string; awaiting: "email" | "approval" };
  values?: RegisterValues;
};

/** What the form sends: the details, and the optional invitation code. */
export type RegisterValues = FormValues & { invitationCode: unknown };

const editionArgument = z.number().int().positive().max(2 ** 31);

const CLOSED = { notYetOpen: "notYetOpen", closed: "closed", notCurrent: "editionClosed" } as const;

/**
 * Public: anyone may register. Validates, then admits the registration as the edition's mode says.
 * The page binds the edition it showed: a form left open while another edition became current is
 * refused (its days were that edition's), never filed under the new one.
 */
export async function registerAction(locale: string, editionId: number, _prev: RegisterState, form: FormData): Promise<RegisterState> {
  const formData = formOf(form);
  const values: RegisterValues = { ...readRegistrationForm(formData), invitationCode: formData.get("invitationCode") ?? "" };
  if (await overRateLimit()) return { errors: { form: "rateLimited" }, values };
  const id = editionArgument.safeParse(editionId);
  const edition = id.success ? editionById(id.data) : undefined;
  if (!edition?.isCurrent) return { errors: { form: "editionClosed" }, values };
  const parsed = registrationSchema(daysOf(edition)).safeParse({ ...values, locale: locale === "zh-CN" ? "zh-CN" : "en" });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  startHoldExpiry(scheduleDelivery);
  const result = await registerWhileOpenGrouped(parsed.data, {
    addressKey: clientAddressKey(await headers(), secret("TICKET_SECRET")),
    invitationCode: parsed.data.invitationCode,
    editionId: edition.id,
  });
  switch (result.kind) {
    case "closed":
      return { errors: { form: CLOSED[result.state] }, values };
    case "limited":
      return { errors: { form: "tooManyRegistrations" }, details: { limit: result.limit, minutes: Math.ceil(result.retryAfterSeconds / 60) }, values };
    case "invitationUnknown":
      return { errors: { invitationCode: "invitationUnknown" }, values };
    case "invitationUsedUp":
      return { errors: { invitationCode: "invitationUsedUp" }, details: { maxUses: result.maxUses }, values };
  }
  scheduleDelivery();
  const awaiting = admissionFor(result.mode, parsed.data.invitationCode !== null);
  if (awaiting !== "immediate") return { received: { email: parsed.data.email, awaiting } };
  if (result.kind === "duplicate") return { duplicate: true, values };
  redirect(`/${locale === "zh-CN" ? "zh-CN" : "en"}/ticket/${result.manageToken}?new=1`);
}
