import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/auth/guard";
import { quoteEditorOptions } from "@/db/queries/quotes-admin";
import { Link } from "@/i18n/navigation";
import { QuoteForm } from "../_components/quote-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/quotes/new">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "quotesAdmin" });
  return { title: t("newTitle"), robots: { index: false } };
}

export default async function NewQuotePage({ params, searchParams }: PageProps<"/[locale]/admin/quotes/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePageUser(locale, "quotes");
  const { speaker } = await searchParams;
  const t = await getTranslations("quotesAdmin");
  const initial = {
    speakerId: typeof speaker === "string" ? speaker : "",
    kind: "direct",
    language: locale === "zh-CN" ? "zh" : "en",
    text: "",
    translation: "",
    saidOn: "",
    sessionId: "",
    recordingOffset: "",
    topicIds: [],
    sourceMode: "existing",
    sourceId: "",
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
      <h1 className="mt-3 text-3xl font-bold">{t("newTitle")}</h1>
      <QuoteForm locale={locale} initial={initial} options={quoteEditorOptions()} />
    </div>
  );
}
