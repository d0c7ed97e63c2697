import { getTranslations } from "next-intl/server";
import { signOutAction } from "../../sign-in/actions";
import type { ConsoleUser } from "@/auth/guard";
import { can, type Permission } from "@/lib/auth/roles";
import { ConsoleLink } from "./console-link";

// `message`: a label kept in a feature's own namespace until console.nav has a key for it.
const ITEMS: { key: string; href: string; permission: Permission | "self"; message?: string }[] = [
  { key: "dashboard", href: "/admin", permission: "attendees" },
  { key: "agenda", href: "/admin/agenda", permission: "agenda" },
  { key: "speakers", href: "/admin/speakers", permission: "speakers" },
  { key: "quotes", href: "/admin/quotes", permission: "quotes" },
  { key: "attendees", href: "/admin/attendees", permission: "attendees" },
  { key: "settings", href: "/admin/settings", permission: "attendees", message: "settingsAdmin.title" },
  { key: "checkin", href: "/checkin", permission: "checkin" },
  { key: "badges", href: "/admin/badges", permission: "attendees", message: "badges.navLabel" },
  { key: "users", href: "/admin/users", permission: "users" },
  { key: "audit", href: "/admin/audit", permission: "audit" },
  { key: "account", href: "/admin/account", permission: "self" },
];

/** The console's own navigation: only what the user's role may open. */
export async function ConsoleNav({ user, locale }: { user: ConsoleUser; locale: string }) {
  const t = await getTranslations("console.nav");
  const messages = await getTranslations();
  const items = ITEMS.filter((item) => item.permission === "self" || can(user.role, item.permission));
  return (
    <nav aria-label={t("label")} className="mb-6 flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 pb-3 text-sm">
      {items.map((item) => (
        <ConsoleLink key={item.key} href={item.href} exact={item.href === "/admin"}>
          {item.message ? messages(item.message as never) : t(item.key)}
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
