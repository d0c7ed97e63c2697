import { useLocale, useTranslations } from "next-intl";
import { Link, localeHref } from "@/components/link";
import { routing } from "@/i18n/routing";
import { LocaleSwitch } from "./locale-switch";
import { NavLink } from "./nav-link";

/** `name`: the edition's, in the page's language, from its row. */
export function SiteHeader({ name }: { name: string }) {
  const t = useTranslations("nav");
  const myAgenda = useTranslations("myAgenda");
  const locale = useLocale();
  const other = routing.locales.find((l) => l !== locale) ?? routing.defaultLocale;
  const nav = (href: string) => localeHref(locale, href);
  return (
    <header className="border-b border-brand-900 bg-brand-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" prefetch={false} className="text-lg font-bold tracking-tight">
          {name}
        </Link>
        <nav aria-label={t("label")} className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="-mx-2 flex flex-wrap gap-1 text-sm">
            <NavLink href={nav("/agenda")}>{t("agenda")}</NavLink>
            <NavLink href={nav("/speakers")}>{t("speakers")}</NavLink>
            <NavLink href={nav("/quotes")}>{t("quotes")}</NavLink>
            <NavLink href={nav("/my-agenda")}>{myAgenda("nav")}</NavLink>
            <NavLink href={nav("/register")}>{t("register")}</NavLink>
          </ul>
        </nav>
        <div className="ml-auto">
          <LocaleSwitch locale={locale} other={other} label={t("switchToLabel")}>
            {t("switchTo")}
          </LocaleSwitch>
        </div>
      </div>
    </header>
  );
}
