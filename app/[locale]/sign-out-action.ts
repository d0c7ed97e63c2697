"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signOut } from "@/auth";
import { routing } from "@/i18n/routing";
import { formOf } from "./action-form";

/** The console's sign-out button, shared by the organizer console and the check-in desk. */
export async function signOutAction(form: FormData): Promise<void> {
  const formData = formOf(form);
  const locale = z.enum(routing.locales).catch("en").parse(formData.get("locale"));
  await signOut({ redirect: false });
  redirect(`/${locale}/sign-in`);
}
