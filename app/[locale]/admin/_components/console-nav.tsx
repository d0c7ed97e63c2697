import { getTranslations } from "next-intl/server";
import { signOutAction } from "../../sign-out-action";
import type { ConsoleUser } from "@/auth/guard";
import { can, type Permission } from "@/lib/auth/roles";
import { ConsoleLink } from "./console-link";

const ITEMS: { key: string; href: string; permission: Permission | "self" }[] = [
  { key: "dashboard", href: "/admin", permission: "attendees" },
  { key: "agenda", href: "/admin/agenda", permission: "agenda" },
  { key: "materials", href: "/admin/materials", permission: "agenda" },
  { key: "speakers", href: "/admin/speakers", permission: "speakers" },
  { key: "quotes", href: "/admin/quotes", permission: "quotes" },
  { key: "attendees", href: "/admin/attendees", permission: "attendees" },
  { key: "settings", href: "/admin/settings", permission: "attendees" },
  { key: "checkin", href: "/checkin", permission: "checkin" },
  { key: "badges", href: "/admin/badges", permission: "attendees" },
  { key: "feedback", href: "/admin/feedback", permission: "attendees" },
  { key: "announcements", href: "/admin/announcements", permission: "attendees" },
  { key: "users", href: "/admin/users", permission: "users" },
  { key: "audit", href: "/admin/audit", permission: "audit" },
  { key: "editions", href: "/admin/editions", permission: "editions" },
  { key: "account", href: "/admin/account", permission: "self" },
];

/** The console's own navigation: only what the user's role may open. */
export async function ConsoleNav({ user, locale }: { user: ConsoleUser; locale: string }) {
  const t = await getTranslations("console.nav");
  const items = ITEMS.filter((item) => item.permission === "self" || can(user.role, item.permission));
  return (
    <nav aria-label={t("label")} className="mb-6 flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 pb-3 text-sm">
      {items.map((item) => (
        <ConsoleLink key={item.key} href={item.href} exact={item.href === "/admin"}>
          {t(item.key)}
        </ConsoleLink>
      ))}
      <span className="ml-auto text-slate-600">
        {t("signedInAs", { email: user.email, role: t(`roles.${user.role}`) })}
      </span>
      <form action={signOutAction}>
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="font-medium text-brand-700 underline">
          {t("signOut")}
        </button>
      </form>
    </nav>
  );
}
