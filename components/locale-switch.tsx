"use client";

import { useLocale } from "next-intl";
import type { MouseEvent, ReactNode } from "react";
import { usePathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

/** Links to the same page in the other language, carrying the current filters along. */
export function LocaleSwitch({ label, children }: { label: string; children: ReactNode }) {
  const locale = useLocale();
  const pathname = usePathname();
  const other = routing.locales.find((l) => l !== locale) ?? routing.defaultLocale;
  const href = `/${other}${pathname === "/" ? "" : pathname}`;
  const keepQuery = (event: MouseEvent<HTMLAnchorElement>) => {
    event.currentTarget.href = href + window.location.search;
    // Remembered for the next visit to "/" (the proxy reads it; it does not run on this page).
    document.cookie = `NEXT_LOCALE=${other}; path=/; max-age=31536000; samesite=lax`;
  };
  return (
    <a
      href={href}
      hrefLang={other}
      lang={other}
      aria-label={label}
      onClick={keepQuery}
      className="rounded border border-white/60 px-3 py-1.5 text-sm font-medium hover:bg-white hover:text-brand-900"
    >
      {children}
    </a>
  );
}
