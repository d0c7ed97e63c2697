import type { Metadata, Viewport } from "next";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { ErrorCopyProvider } from "@/components/error-copy";
import { OfflineNotice } from "@/components/offline-notice";
import { HydrationSignal } from "@/components/hydration-signal";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { WakeScript } from "@/components/wake-script";
import { getEvent } from "@/db/queries/event";
import { pageMetadata } from "@/i18n/metadata";
import { editionName } from "@/lib/edition";
import { routing } from "@/i18n/routing";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  return pageMetadata({ locale, path: "" });
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0a3a78" };

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("nav");
  const offline = await getTranslations("offline");
  const error = await getTranslations("error");
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skip")}
        </a>
        {/* No catalogue here: the islands of a page take theirs (components/client-messages.tsx). */}
        <ErrorCopyProvider copy={{ title: error("title"), body: error("body"), retry: error("retry") }}>
          <HydrationSignal />
          <OfflineNotice locale={locale} offline={offline("offline")} savedCopy={offline.raw("savedCopy") as string} />
          <SiteHeader name={editionName(getEvent(), locale)} />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-8">
            {children}
          </main>
          <SiteFooter />
        </ErrorCopyProvider>
        <WakeScript />
      </body>
    </html>
  );
}
