import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { listQuotes, listTopics } from "@/db/queries/quotes";
import { listSpeakers } from "@/db/queries/speakers";
import { pageMetadata } from "@/i18n/metadata";
import { QuoteArchive } from "@/components/quotes/quote-archive";

export async function generateMetadata({ params }: PageProps<"/[locale]/quotes">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "quotes" });
  return pageMetadata({ locale, path: "/quotes", title: t("title"), description: t("description") });
}

export default async function QuotesPage({ params }: PageProps<"/[locale]/quotes">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("quotes");
  const quotes = listQuotes();
  const data = {
    quotes,
    speakers: listSpeakers()
      .filter((s) => quotes.some((q) => q.speakerId === s.id))
      .map(({ slug, nameEn, nameZh }) => ({ slug, nameEn, nameZh })),
    topics: listTopics().map(({ slug, nameEn, nameZh }) => ({ slug, nameEn, nameZh })),
  };
  return (
    <div>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">{t("description")}</p>
      <QuoteArchive data={data} />
    </div>
  );
}
