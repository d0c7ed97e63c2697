import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { consoleEdition } from "@/auth/edition";
import { requirePageUser } from "@/auth/guard";
import { listEditions } from "@/db/queries/event";
import { timeZoneChoices } from "@/lib/editions/edition-input";
import { editionName, formatEditionDates } from "@/lib/edition";
import { EditionForm } from "./_components/edition-form";
import { EditionTable } from "./_components/edition-table";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/editions">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "editionsAdmin" });
  return { title: t("title"), robots: { index: false } };
}

export default async function EditionsPage({ params }: PageProps<"/[locale]/admin/editions">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePageUser(locale, "editions", "/admin/editions");
  const t = await getTranslations("editionsAdmin");
  const editions = listEditions();
  const working = await consoleEdition();
  const rows = editions.map((e) => ({
    id: e.id,
    name: editionName(e, locale),
    slug: e.slug,
    path: e.path,
    dates: formatEditionDates(e.startDate, e.endDate, locale),
    timeZone: e.timeZone,
    isCurrent: e.isCurrent,
    isArchived: e.archivedAt !== null,
    isConsole: e.id === working.id,
  }));
  return (
    <div className="max-w-4xl">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      <EditionTable rows={rows} />
      <section aria-labelledby="new-edition" className="mt-10">
        <h2 id="new-edition" className="text-2xl font-bold">{t("newTitle")}</h2>
        <p className="mt-2 text-slate-700">{t("newIntro")}</p>
        <EditionForm
          zones={timeZoneChoices()}
          sources={editions.map((e) => ({ value: e.id, label: editionName(e, locale) }))}
        />
      </section>
    </div>
  );
}
