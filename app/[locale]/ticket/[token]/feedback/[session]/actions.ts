"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { saveFeedback } from "@/db/queries/feedback";
import { findRegistrationByManageToken } from "@/db/queries/registrations";
import { feedbackInput } from "@/lib/feedback/rules";
import { isManageToken } from "@/lib/registration/codes";
import { formOf } from "../../../../action-form";
import { overRateLimit } from "../../../../rate-limit";

export type FeedbackState = {
  errors?: { rating?: string; comment?: string; form?: string };
  values?: { rating: string; comment: string };
  done?: "saved";
};

const sessionIdSchema = z.coerce.number().int().positive().max(2 ** 31);

/**
 * The person's answer, known by the private link's token alone, within the rate limit of the
 * client's address (so that tokens cannot be guessed at speed). A token that is no one's, or an
 * erased registration's, is a 404, as its page is; every refusal writes nothing.
 */
export async function feedbackAction(token: string, sessionId: number, _prev: FeedbackState, form: FormData): Promise<FeedbackState> {
  const formData = formOf(form);
  if (await overRateLimit()) return { errors: { form: "rateLimited" } };
  const reg = typeof token === "string" && isManageToken(token) ? findRegistrationByManageToken(token) : undefined;
  const session = sessionIdSchema.safeParse(sessionId);
  if (!reg || reg.erasedAt || !session.success) notFound();
  const values = { rating: String(formData.get("rating") ?? ""), comment: String(formData.get("comment") ?? "") };
  const parsed = feedbackInput.safeParse({ rating: formData.get("rating") ?? undefined, comment: formData.get("comment") ?? "" });
  if (!parsed.success) {
    const errors: FeedbackState["errors"] = {};
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === "rating") errors.rating = "rating";
      if (issue.path[0] === "comment") errors.comment = "commentTooLong";
    }
    return { errors, values };
  }
  const result = saveFeedback(reg, session.data, parsed.data);
  if (!result.ok) return { errors: { form: result.reason }, values };
  revalidatePath(`/[locale]/ticket/${token}`, "page");
  revalidatePath(`/[locale]/ticket/${token}/feedback/${session.data}`, "page");
  return { done: "saved", values };
}
