import { setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";

/** The translations this part's client components use, and no more (i18n/client-messages.ts). */
export default async function SignInLayout({ children, params }: LayoutProps<"/[locale]/sign-in">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <ClientMessages area="signIn">{children}</ClientMessages>;
}
