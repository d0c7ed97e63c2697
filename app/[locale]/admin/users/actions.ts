"use server";

import { z } from "zod";
import { actorOf, requireActionUser } from "@/auth/guard";
import { createUser, resetPassword, updateUser } from "@/db/queries/users";
import { userRoles } from "@/lib/auth/roles";
import { generatePassword } from "@/lib/auth/password";
import { revalidatePath } from "next/cache";
import { formOf } from "../../action-form";

export type CreateUserState = {
  created?: { email: string; password: string };
  errors?: { email?: "invalid" | "taken"; name?: "tooLong"; role?: "invalid" };
  values?: { email: string; name: string; role: string };
};

const createInput = z.object({
  email: z.string().trim().max(254).pipe(z.email()),
  name: z.string().trim().max(100),
  role: z.enum(userRoles),
});

export async function createUserAction(_state: CreateUserState, form: FormData): Promise<CreateUserState> {
  const user = await requireActionUser("users");
  const formData = formOf(form);
  const raw = Object.fromEntries(formData);
  const values = { email: String(raw.email ?? ""), name: String(raw.name ?? ""), role: String(raw.role ?? "") };
  const parsed = createInput.safeParse(raw);
  if (!parsed.success) {
    const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
    return {
      values,
      errors: {
        email: fields.has("email") ? "invalid" : undefined,
        name: fields.has("name") ? "tooLong" : undefined,
        role: fields.has("role") ? "invalid" : undefined,
      },
    };
  }
  const password = generatePassword();
  const result = await createUser({ ...parsed.data, password, mustChangePassword: true }, actorOf(user));
  if (!result.ok) return { values, errors: { email: "taken" } };
  revalidatePath("/[locale]/admin/users", "page");
  return { created: { email: result.user.email, password } };
}

export type UserRowState = { ok?: boolean; error?: "lastAdmin" | "notFound" | "invalid"; password?: string };

const updateInput = z.object({
  id: z.coerce.number().int().positive(),
  intent: z.enum(["role", "disable", "enable", "reset"]),
  role: z.enum(userRoles).optional(),
});

export async function updateUserAction(_state: UserRowState, form: FormData): Promise<UserRowState> {
  const user = await requireActionUser("users");
  const formData = formOf(form);
  const parsed = updateInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: "invalid" };
  const { id, intent, role } = parsed.data;
  if (intent === "reset") {
    const password = await resetPassword(id, actorOf(user));
    return password ? { ok: true, password } : { error: "notFound" };
  }
  if (intent === "role" && !role) return { error: "invalid" };
  const change = intent === "role" ? { role } : { disabled: intent === "disable" };
  const result = updateUser(id, change, actorOf(user));
  if (!result.ok) return { error: result.error };
  revalidatePath("/[locale]/admin/users", "page");
  return { ok: true };
}
