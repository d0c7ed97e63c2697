import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { formatOffset } from "@/lib/materials/offset";
import { requirePageUser } from "@/auth/guard";
import { getQuoteForConsole, publicSpeakerIdSet, quoteEditorOptions } from "@/db/queries/quotes-admin";
import { Link } from "@/i18n/navigation";
import { DeleteQuoteForm } from "../_components/delete-quote-form";
import { QuoteForm } from "../_components/quote-form";

type Props = PageProps<"/[locale]/admin/quotes/[id]">;

const load = (id: string) => (/^[1-9]\d{0,9}$/.test(id) ? getQuoteForConsole(Number(id)) : undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "quotesAdmin" });
  return { title: t("editTitle"), robots: { index: false } };
}

export default async function EditQuotePage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requirePageUser(locale, "quotes");
  const quote = load(id);
  if (!quote) notFound();
  const { created } = await searchParams;
  const t = await getTranslations("quotesAdmin");
  const initial = {
    speakerId: String(quote.speakerId),
    kind: quote.kind,
    language: quote.language,
    text: quote.text,
    translation: quote.translation ?? "",
    saidOn: quote.saidOn ?? "",
    sessionId: quote.sessionId ? String(quote.sessionId) : "",
    recordingOffset: quote.recordingOffset !== null ? formatOffset(quote.recordingOffset) : "",
    topicIds: quote.topicIds.map(String),
    sourceMode: "existing",
    sourceId: String(quote.sourceId),
    sourcePublisher: "",
    sourceTitle: "",
    sourcePublishedOn: "",
    sourceUrl: "",
  };
  return (
    <div className="max-w-4xl">
      <Link href="/admin/quotes" className="text-sm text-brand-700 underline">
        ← {t("back")}
      </Link>
      <h1 className="mt-3 text-3xl font-bold">{t("editTitle")}</h1>
      {publicSpeakerIdSet().has(quote.speakerId) ? (
        <Link href={`/quotes/${quote.id}`} className="mt-2 inline-block text-sm text-brand-700 underline">
          {t("viewPublic")}
        </Link>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t("privateHint")}</p>
      )}
      <QuoteForm locale={locale} id={quote.id} initial={initial} options={quoteEditorOptions()} created={Boolean(created)} />
      <DeleteQuoteForm locale={locale} id={quote.id} />
    </div>
  );
}
