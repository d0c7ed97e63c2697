import { getTranslations } from "next-intl/server";
import type { ConsoleUser } from "@/auth/guard";
import { Link } from "@/i18n/navigation";
import { can } from "@/lib/auth/roles";
import { signOutAction } from "../../sign-out-action";

/** The check-in page sits outside the console: a way back, and out, for a shared phone. */
export async function CheckinHeader({ user, locale }: { user: ConsoleUser; locale: string }) {
  const t = await getTranslations("checkin");
  return (
    <header className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 pb-2 text-sm">
      <h1 className="mr-auto text-2xl font-bold">{t("title")}</h1>
      <Link href={can(user.role, "attendees") ? "/admin" : "/admin/account"} className="font-medium text-brand-700 underline">
        {can(user.role, "attendees") ? t("console") : t("account")}
      </Link>
      <form action={signOutAction}>
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="font-medium text-brand-700 underline">
          {t("signOut")}
        </button>
      </form>
      <p className="w-full text-slate-600">{t("signedInAs", { email: user.email })}</p>
    </header>
  );
}
