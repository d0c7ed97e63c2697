"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActionUser } from "@/auth/guard";
import { createEdition, deleteEdition, setCurrentEdition, setEditionArchived } from "@/db/queries/editions";
import { EDITION_FIELDS, editionErrors, editionInput } from "@/lib/editions/edition-input";
import { refreshPublicPages } from "@/lib/cache/refresh";
import { formOf } from "../../action-form";

export type EditionState = {
  errors?: Record<string, string>;
  values?: Record<string, string>;
  created?: { id: number; nameEn: string; nameZh: string; sessions: number; skipped: number };
};

/** A new edition, from the console's form; it becomes current only when an admin says so. */
export async function createEditionAction(_state: EditionState, form: FormData): Promise<EditionState> {
  const user = await requireActionUser("editions");
  const formData = formOf(form);
  const values = Object.fromEntries(EDITION_FIELDS.map((k) => [k, String(formData.get(k) ?? "")]));
  const parsed = editionInput.safeParse(values);
  if (!parsed.success) return { errors: editionErrors(parsed.error), values };
  const result = createEdition(parsed.data, user.id);
  if (!result.ok) return { errors: result.errors, values };
  // Its own pages (and the archive that lists editions) exist from now on.
  refreshPublicPages({ kind: "settings" });
  revalidatePath("/[locale]/admin", "layout");
  const { id, nameEn, nameZh } = result.edition;
  return { created: { id, nameEn, nameZh, sessions: result.copied.sessions, skipped: result.copied.skipped } };
}

const currentInput = z.object({ id: z.coerce.number().int().positive() });

export type CurrentState = { error?: "unknownEdition" | "archived"; madeCurrent?: number };

/** The unprefixed addresses, feeds and the registration form show this edition from now on. */
export async function makeCurrentAction(_state: CurrentState, form: FormData): Promise<CurrentState> {
  const user = await requireActionUser("editions");
  const parsed = currentInput.safeParse(Object.fromEntries(formOf(form)));
  if (!parsed.success) return { error: "unknownEdition" };
  const result = setCurrentEdition(parsed.data.id, user.id);
  if (!result.ok) return { error: result.reason };
  refreshPublicPages({ kind: "settings" });
  revalidatePath("/[locale]/admin", "layout");
  return { madeCurrent: result.edition.id };
}

const archiveInput = z.object({ id: z.coerce.number().int().positive(), archived: z.enum(["true", "false"]) });

export type LifecycleState = {
  error?: "unknownEdition" | "current" | "registrations" | "quotes";
  /** How many registrations or quotes keep the edition from being deleted. */
  count?: number;
};

/** Archives an edition (read-only in the console, never current again) or reopens it. */
export async function archiveEditionAction(_state: LifecycleState, form: FormData): Promise<LifecycleState> {
  const user = await requireActionUser("editions");
  const parsed = archiveInput.safeParse(Object.fromEntries(formOf(form)));
  if (!parsed.success) return { error: "unknownEdition" };
  const result = setEditionArchived(parsed.data.id, parsed.data.archived === "true", user.id);
  if (!result.ok) return { error: result.reason };
  // Its archive banner and the home page's list of editions read the row.
  refreshPublicPages({ kind: "settings" });
  revalidatePath("/[locale]/admin", "layout");
  return {};
}

/** Deletes an edition nobody registered for and nothing was quoted from; refuses any other. */
export async function deleteEditionAction(_state: LifecycleState, form: FormData): Promise<LifecycleState> {
  const user = await requireActionUser("editions");
  const parsed = currentInput.safeParse(Object.fromEntries(formOf(form)));
  if (!parsed.success) return { error: "unknownEdition" };
  const result = deleteEdition(parsed.data.id, user.id);
  if (!result.ok) return "count" in result ? { error: result.reason, count: result.count } : { error: result.reason };
  refreshPublicPages({ kind: "settings" });
  revalidatePath("/[locale]/admin", "layout");
  return {};
}
