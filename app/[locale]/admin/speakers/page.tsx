import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/auth/guard";
import { speakersAwaitingReview } from "@/db/queries/speaker-portal";
import { listSpeakersForConsole } from "@/db/queries/speakers-admin";
import { SpeakerForm } from "./_components/speaker-form";
import { SpeakerTable } from "./_components/speaker-table";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/speakers">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "speakersAdmin" });
  return { title: t("title"), robots: { index: false } };
}

const EMPTY = {
  nameEn: "",
  nameZh: "",
  titleEn: "",
  titleZh: "",
  organisationEn: "",
  organisationZh: "",
  bioEn: "",
  bioZh: "",
  listed: false,
};

export default async function SpeakersAdminPage({ params, searchParams }: PageProps<"/[locale]/admin/speakers">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePageUser(locale, "speakers");
  const { deleted } = await searchParams;
  const t = await getTranslations("speakersAdmin");
  return (
    <div>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("intro")}</p>
      {deleted && (
        <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          {t("deleted")}
        </p>
      )}
      <SpeakerTable speakers={listSpeakersForConsole()} locale={locale} awaiting={speakersAwaitingReview()} />
      <h2 className="mt-10 text-xl font-semibold">{t("newTitle")}</h2>
      <SpeakerForm locale={locale} initial={EMPTY} />
    </div>
  );
}
