"use server";

import { notFound, redirect } from "next/navigation";
import { findByNoticesToken, setChangeNotices } from "@/db/queries/change-notices";
import { isManageToken } from "@/lib/registration/codes";
import { formOf } from "../../action-form";
import { overRateLimit } from "../../rate-limit";

/**
 * The stop link's one action: its token is the only credential, tried within the rate limit of the
 * client's address like the manage link's. An unknown token is a 404, as the page of that link is.
 */
export async function stopNoticesAction(token: string, locale: string, form: FormData): Promise<void> {
  formOf(form);
  // Bound arguments come back from the browser: only a token of the right shape goes any further.
  if (typeof token !== "string" || !isManageToken(token)) notFound();
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  if (await overRateLimit()) redirect(`/${lang}/notices/${token}?error=rateLimited`);
  const reg = findByNoticesToken(token);
  if (!reg) notFound();
  setChangeNotices(reg.id, false, `attendee:${reg.code}`);
  redirect(`/${lang}/notices/${token}?stopped=1`);
}
