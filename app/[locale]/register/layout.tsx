import { setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";

/** The translations this part's client components use, and no more (i18n/client-messages.ts). */
export default async function RegisterLayout({ children, params }: LayoutProps<"/[locale]/register">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <ClientMessages area="register">{children}</ClientMessages>;
}
