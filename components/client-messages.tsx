import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { clientNamespaces, pickMessages, type ClientArea } from "@/i18n/client-messages";

/**
 * Translations for the client components below it: only the namespaces of `area`, or the whole
 * catalogue for the console (`area` "all"), whose forms change too often to keep a list.
 */
export async function ClientMessages({ area, children }: { area: ClientArea | "all"; children: ReactNode }) {
  if (area === "all") return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, clientNamespaces[area])}>{children}</NextIntlClientProvider>;
}
