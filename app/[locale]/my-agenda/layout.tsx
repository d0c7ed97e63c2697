import { setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";

/** The translations this part's client components use, and no more (i18n/client-messages.ts). */
export default async function MyAgendaLayout({ children, params }: LayoutProps<"/[locale]/my-agenda">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <ClientMessages area="myAgenda">{children}</ClientMessages>;
}
