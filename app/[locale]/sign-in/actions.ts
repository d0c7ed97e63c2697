"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/auth";
import { findUserByEmail } from "@/db/queries/users";
import { routing } from "@/i18n/routing";
import { homePath } from "@/lib/auth/roles";
import { formOf } from "../action-form";

export type SignInState = { error?: "missing" | "invalid" | "locked" | "busy"; minutes?: number; email?: string };

const input = z.object({
  locale: z.enum(routing.locales),
  email: z.string().trim().max(254),
  password: z.string().max(1000),
  next: z.string().max(500).optional(),
});

/** Only paths inside the console: a `next` pointing elsewhere would make this an open redirect. */
function safeNext(next: string | undefined): string | undefined {
  return next && /^\/(admin|checkin)(\/[\w\-/]*)?$/.test(next) ? next : undefined;
}

export async function signInAction(_state: SignInState, form: FormData): Promise<SignInState> {
  const formData = formOf(form);
  const parsed = input.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "missing" };
  const { locale, email, password, next } = parsed.data;
  if (!email || !password) return { error: "missing", email };
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const locked = /^locked-(\d+)$/.exec(error.code);
      if (locked) return { error: "locked", minutes: Number(locked[1]), email };
      if (error.code === "busy") return { error: "busy", email };
      return { error: "invalid", email };
    }
    if (error instanceof AuthError) return { error: "invalid", email };
    throw error;
  }
  const user = findUserByEmail(email);
  const target = user?.mustChangePassword ? "/admin/account?required=1" : (safeNext(next) ?? homePath(user?.role ?? "staff"));
  redirect(`/${locale}${target}`);
}
