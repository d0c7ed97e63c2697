import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/auth/guard";
import { listQuotesForConsole, publicSpeakerIdSet, quoteEditorOptions } from "@/db/queries/quotes-admin";
import { Link } from "@/i18n/navigation";
import { filterConsoleQuotes, parseConsoleQuoteQuery } from "@/lib/quotes-editor/filter";
import { QuoteFilters } from "./_components/quote-filters";
import { QuoteTable } from "./_components/quote-table";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/quotes">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "quotesAdmin" });
  return { title: t("title"), robots: { index: false } };
}

export default async function QuotesAdminPage({ params, searchParams }: PageProps<"/[locale]/admin/quotes">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePageUser(locale, "quotes");
  const search = await searchParams;
  const query = parseConsoleQuoteQuery(search);
  const t = await getTranslations("quotesAdmin");
  const quotes = filterConsoleQuotes(listQuotesForConsole(), query);
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <Link href="/admin/quotes/new" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
          {t("new")}
        </Link>
      </div>
      <p className="mt-2 max-w-3xl text-slate-700">{t("intro")}</p>
      {search.deleted && (
        <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          {t("deleted")}
        </p>
      )}
      <QuoteFilters locale={locale} query={query} speakers={quoteEditorOptions().speakers} />
      <QuoteTable quotes={quotes} locale={locale} publicSpeakers={publicSpeakerIdSet()} />
    </div>
  );
}
