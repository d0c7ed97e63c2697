import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { QuoteCard } from "@/components/quote-card";
import { getQuote, listQuoteIds } from "@/db/queries/quotes";
import { pageMetadata } from "@/i18n/metadata";
import { Link } from "@/i18n/navigation";
import type { QuoteKind } from "@/lib/quote-kinds";
import { pick } from "@/lib/localized";
import { quoteSummary } from "@/lib/quotes";

type Props = PageProps<"/[locale]/quotes/[id]">;

export function generateStaticParams() {
  return listQuoteIds().map((id) => ({ id: String(id) }));
}

/** A paraphrase is reported speech: its page is not headed as a quote. */
function heading(t: (key: "quoteBy" | "paraphraseBy", values: { name: string }) => string, kind: QuoteKind, name: string) {
  return t(kind === "direct" ? "quoteBy" : "paraphraseBy", { name });
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
  return pageMetadata({
    locale,
    path: `/quotes/${id}`,
    title: heading(t, quote.kind, name),
    description: quoteSummary(locale, quote, name, t("translationNotice")),
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
        {heading(t, quote.kind, pick(locale, quote.speaker.nameEn, quote.speaker.nameZh))}
      </h1>
      <div className="mt-6">
        <QuoteCard quote={quote} permalink={false} />
      </div>
    </div>
  );
}
