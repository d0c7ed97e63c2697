"use client";

import type { ReactNode } from "react";
import { Link, usePathname } from "@/i18n/navigation";

export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <li>
      <Link
        href={href}
        aria-current={current ? "page" : undefined}
        className="block rounded px-2 py-1.5 hover:bg-brand-700 aria-[current=page]:bg-white aria-[current=page]:text-brand-900"
      >
        {children}
      </Link>
    </li>
  );
}
