"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/auth";
import { requireActionUser } from "@/auth/guard";
import { changeOwnPassword } from "@/db/queries/users";
import { routing } from "@/i18n/routing";
import { passwordProblem, type PasswordProblem } from "@/lib/auth/password";
import { formOf } from "../../action-form";

export type PasswordState = {
  errors?: { current?: "required" | "wrong"; next?: PasswordProblem | "required"; confirm?: "mismatch" };
};

const input = z.object({
  locale: z.enum(routing.locales),
  current: z.string().max(1000),
  next: z.string().max(1000),
  confirm: z.string().max(1000),
});

export async function changePasswordAction(_state: PasswordState, form: FormData): Promise<PasswordState> {
  const user = await requireActionUser("self");
  const formData = formOf(form);
  const parsed = input.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: { current: "required", next: "required" } };
  const { locale, current, next, confirm } = parsed.data;
  const errors: NonNullable<PasswordState["errors"]> = {};
  if (!current) errors.current = "required";
  const problem = next ? passwordProblem(next, user.email) : "required";
  if (problem) errors.next = problem;
  else if (next !== confirm) errors.confirm = "mismatch";
  if (Object.keys(errors).length) return { errors };
  const result = await changeOwnPassword(user.id, current, next);
  if (!result.ok) return { errors: { current: "wrong" } };
  // The change ended every session of this user, this one included: sign in again with the new password.
  await signIn("credentials", { email: user.email, password: next, redirect: false });
  redirect(`/${locale}/admin/account?changed=1`);
}
