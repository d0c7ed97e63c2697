"use client";

import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

type Props = { locale: string; other: string; label: string; children: ReactNode };

/**
 * Links to the same page in the other language. public/wake.js carries the current filters along
 * when it is followed, and remembers the choice for the next visit to "/" (`data-locale-switch`).
 */
export function LocaleSwitch({ locale, other, label, children }: Props) {
  const pathname = usePathname();
  const rest = pathname.slice(`/${locale}`.length);
  const href = `/${other}${rest === "/" ? "" : rest}`;
  return (
    <a
      href={href}
      hrefLang={other}
      lang={other}
      aria-label={label}
      data-locale-switch={other}
      className="rounded border border-white/60 px-3 py-1.5 text-sm font-medium hover:bg-white hover:text-brand-900"
    >
      {children}
    </a>
  );
}
