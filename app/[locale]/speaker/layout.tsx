import { setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";

/** The speaker portal: per request, private, with its own copy for its forms. */
export default async function SpeakerLayout({ children, params }: LayoutProps<"/[locale]/speaker">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <ClientMessages area="speaker">{children}</ClientMessages>;
}
