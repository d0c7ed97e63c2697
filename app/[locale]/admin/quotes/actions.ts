"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actorOf, requireActionUser } from "@/auth/guard";
import { createQuote, deleteQuote, updateQuote } from "@/db/queries/quotes-admin";
import { quoteErrors, quoteSchema, readQuoteForm, type QuoteFormValues } from "@/lib/quotes-editor/input";
import { refreshPublicPages } from "@/lib/cache/refresh";
import { formOf } from "../../action-form";

export type QuoteFormState = {
  errors?: Record<string, string>;
  values?: QuoteFormValues;
  saved?: boolean;
};

const locale = z.enum(["en", "zh-CN"]);
const target = z.object({ id: z.coerce.number().int().positive().max(2 ** 31), locale });

export async function createQuoteAction(_state: QuoteFormState, form: FormData): Promise<QuoteFormState> {
  const user = await requireActionUser("quotes");
  const formData = formOf(form);
  const values = readQuoteForm(formData);
  const where = locale.safeParse(formData.get("locale"));
  if (!where.success) return { values, errors: { form: "invalidType" } };
  const parsed = quoteSchema.safeParse(values);
  if (!parsed.success) return { values, errors: quoteErrors(parsed.error) };
  const result = createQuote(parsed.data, actorOf(user));
  if (!result.ok) return { values, errors: "errors" in result ? result.errors : { form: "notFound" } };
  revalidatePath("/[locale]/admin/quotes", "layout");
  refreshPublicPages({ kind: "quote", quoteIds: [result.quote.id], speakerSlugs: result.speakerSlugs, sessionSlugs: result.sessionSlugs, editionPaths: result.editionPaths });
  redirect(`/${where.data}/admin/quotes/${result.quote.id}?created=1`);
}

export async function updateQuoteAction(_state: QuoteFormState, form: FormData): Promise<QuoteFormState> {
  const user = await requireActionUser("quotes");
  const formData = formOf(form);
  const values = readQuoteForm(formData);
  const where = target.safeParse({ id: formData.get("id"), locale: formData.get("locale") });
  if (!where.success) return { values, errors: { form: "notFound" } };
  const parsed = quoteSchema.safeParse(values);
  if (!parsed.success) return { values, errors: quoteErrors(parsed.error) };
  const result = updateQuote(where.data.id, parsed.data, actorOf(user));
  if (!result.ok) return { values, errors: "errors" in result ? result.errors : { form: "notFound" } };
  revalidatePath("/[locale]/admin/quotes", "layout");
  refreshPublicPages({ kind: "quote", quoteIds: [where.data.id], speakerSlugs: result.speakerSlugs, sessionSlugs: result.sessionSlugs, editionPaths: result.editionPaths });
  // A source created inline is now an existing one: the form shows it picked.
  return {
    saved: true,
    values: { ...values, sourceMode: "existing", sourceId: String(result.quote.sourceId), sourcePublisher: "", sourceTitle: "", sourcePublishedOn: "", sourceUrl: "" },
  };
}

export type DeleteQuoteState = { error?: string };

export async function deleteQuoteAction(_state: DeleteQuoteState, form: FormData): Promise<DeleteQuoteState> {
  const user = await requireActionUser("quotes");
  const formData = formOf(form);
  const where = target.safeParse({ id: formData.get("id"), locale: formData.get("locale") });
  if (!where.success) return { error: "notFound" };
  const result = deleteQuote(where.data.id, actorOf(user));
  if (!result.ok) return { error: "notFound" };
  revalidatePath("/[locale]/admin/quotes", "layout");
  refreshPublicPages({ kind: "quote", quoteIds: [where.data.id], speakerSlugs: result.speakerSlugs, sessionSlugs: result.sessionSlugs, editionPaths: result.editionPaths });
  redirect(`/${where.data.locale}/admin/quotes?deleted=1`);
}
