import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { QuoteCard } from "@/components/quote-card";
import { getQuote, listQuoteIds } from "@/db/queries/quotes";
import { pageMetadata } from "@/i18n/metadata";
import { Link } from "@/i18n/navigation";
import { isZh, pick } from "@/lib/localized";

type Props = PageProps<"/[locale]/quotes/[id]">;

export function generateStaticParams() {
  return listQuoteIds().map((id) => ({ id: String(id) }));
}

function load(id: string) {
  return /^[1-9]\d{0,9}$/.test(id) ? getQuote(Number(id)) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const quote = load(id);
  if (!quote) return {};
  const t = await getTranslations({ locale, namespace: "quotes" });
  const name = pick(locale, quote.speaker.nameEn, quote.speaker.nameZh);
  const words = isZh(locale) && quote.translation ? quote.translation : quote.text;
  return pageMetadata({
    locale,
    path: `/quotes/${id}`,
    title: t("quoteBy", { name }),
    description: quote.kind === "direct" ? `“${words}” — ${name}` : words,
    type: "article",
  });
}

export default async function QuotePage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const quote = load(id);
  if (!quote) notFound();
  const t = await getTranslations("quotes");
  return (
    <div className="mx-auto max-w-3xl">
      <Link href="/quotes" className="text-sm text-brand-700 underline">
        ← {t("allQuotes")}
      </Link>
      <h1 className="mt-3 text-3xl font-bold">
        {t("quoteBy", { name: pick(locale, quote.speaker.nameEn, quote.speaker.nameZh) })}
      </h1>
      <div className="mt-6">
        <QuoteCard quote={quote} permalink={false} />
      </div>
    </div>
  );
}
