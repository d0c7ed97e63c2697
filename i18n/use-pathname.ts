import { useLocale } from "next-intl";
import { usePathname as useNextPathname } from "next/navigation";

/** The current pathname without its locale prefix ("/admin/users"), for client components. */
export function usePathname(): string {
  const locale = useLocale();
  const rest = useNextPathname().slice(`/${locale}`.length);
  return rest === "" ? "/" : rest;
}
