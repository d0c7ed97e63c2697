"use server";

import { redirect } from "next/navigation";
import { scheduleDelivery } from "@/db/queries/outbox";
import { registerWhileOpen } from "@/db/queries/registrations";
import { fieldErrors, registrationSchema } from "@/lib/registration/input";
import { readRegistrationForm, type FormValues } from "./form-values";
import { overRateLimit } from "./rate-limit";
import { formOf } from "../action-form";

export type RegisterState = {
  errors?: Record<string, string>;
  duplicate?: boolean;
  values?: FormValues;
};

/** Public: anyone may register. Validates, then confirms a seat or joins the waiting list. */
export async function registerAction(locale: string, _prev: RegisterState, form: FormData): Promise<RegisterState> {
  const formData = formOf(form);
  const values = readRegistrationForm(formData);
  if (await overRateLimit()) return { errors: { form: "rateLimited" }, values };
  const parsed = registrationSchema.safeParse({ ...values, locale: locale === "zh-CN" ? "zh-CN" : "en" });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = registerWhileOpen(parsed.data);
  if (result.kind === "closed") return { errors: { form: result.state === "notYetOpen" ? "notYetOpen" : "closed" }, values };
  scheduleDelivery();
  if (result.kind === "duplicate") return { duplicate: true, values };
  redirect(`/${locale === "zh-CN" ? "zh-CN" : "en"}/ticket/${result.manageToken}?new=1`);
}
