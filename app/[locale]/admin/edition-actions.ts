"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { CONSOLE_EDITION_COOKIE } from "@/auth/edition";
import { requireActionUser } from "@/auth/guard";
import { editionById } from "@/db/queries/event";
import { locales } from "@/lib/localized";
import { formOf } from "../action-form";

const switchInput = z.object({
  edition: z.coerce.number().int().positive(),
  back: z.string().max(2000),
  locale: z.enum(locales),
});

/** A console page to come back to: never another site, nor a page outside the console. */
function consolePath(back: string, locale: string): string {
  const ok = /^\/(en|zh-CN)\/(admin|checkin)(\/[A-Za-z0-9._~%/-]*)?(\?[^#\s]*)?$/.test(back) && !back.includes("//");
  return ok ? back : `/${locale}/admin`;
}

/**
 * The console's edition switcher: every console page works on the edition this cookie names. It
 * says what this browser is looking at, not what anyone may do, so any signed-in console user may
 * set it; each page and action still checks the role.
 */
export async function switchEditionAction(form: FormData): Promise<void> {
  await requireActionUser("self");
  const parsed = switchInput.safeParse(Object.fromEntries(formOf(form)));
  if (!parsed.success) redirect("/en/admin");
  const { edition, back, locale } = parsed.data;
  if (editionById(edition)) {
    (await cookies()).set(CONSOLE_EDITION_COOKIE, String(edition), {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: 60 * 60 * 24 * 365,
    });
  }
  redirect(consolePath(back, locale));
}
