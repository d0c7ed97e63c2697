"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** `href` already carries the locale; next/navigation's pathname does too. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <li>
      {/* No prefetch: five pages fetched on every visit cost a phone on the venue's network more than they save. */}
      <Link
        href={href}
        prefetch={false}
        aria-current={current ? "page" : undefined}
        className="block rounded px-2 py-1.5 hover:bg-brand-700 aria-[current=page]:bg-white aria-[current=page]:text-brand-900"
      >
        {children}
      </Link>
    </li>
  );
}
