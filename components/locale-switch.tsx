"use client";

import { usePathname } from "next/navigation";
import type { MouseEvent, ReactNode } from "react";

type Props = { locale: string; other: string; label: string; children: ReactNode };

/** Links to the same page in the other language, carrying the current filters along. */
export function LocaleSwitch({ locale, other, label, children }: Props) {
  const pathname = usePathname();
  const rest = pathname.slice(`/${locale}`.length);
  const href = `/${other}${rest === "/" ? "" : rest}`;
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
