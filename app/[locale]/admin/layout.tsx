import { setRequestLocale } from "next-intl/server";
import { currentUser } from "@/auth/guard";
import { ClientMessages } from "@/components/client-messages";
import { ConsoleNav } from "./_components/console-nav";
import { EditionSwitcher } from "./_components/edition-switcher";

/**
 * The console: rendered per request; each page checks the role itself, the layout only shows the
 * nav and the edition the console works on (with the switcher).
 */
export default async function ConsoleLayout({ children, params }: LayoutProps<"/[locale]/admin">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await currentUser();
  return (
    <ClientMessages area="all">
      <div>
        {user && <ConsoleNav user={user} locale={locale} />}
        {user && <EditionSwitcher locale={locale} />}
        {children}
      </div>
    </ClientMessages>
  );
}
