import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

export const { redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
// The site's Link: next/link with the locale prefix, cheaper for pages that are otherwise text.
export { Link } from "@/components/link";
