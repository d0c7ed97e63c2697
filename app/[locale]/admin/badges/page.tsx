import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/auth/guard";
import { listAttendees } from "@/db/queries/attendees";
import { consoleEdition } from "@/auth/edition";
import { daysOf } from "@/lib/edition";
import { badgeQuery, parseBadgeFilters } from "@/lib/badges/filters";
import { BadgeFilterForm } from "./_components/badge-filter-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/badges">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "badges" });
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function BadgesPage({ params, searchParams }: PageProps<"/[locale]/admin/badges">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePageUser(locale, "attendees", "/admin/badges");
  const t = await getTranslations("badges");
  const filters = parseBadgeFilters(await searchParams);
  const edition = await consoleEdition();
  const { total: count } = listAttendees(filters.list, edition.id);
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      <BadgeFilterForm filters={filters} locale={locale} days={daysOf(edition)} />
      <p className="mt-6 text-lg font-semibold" role="status">
        {t("count", { count })}
      </p>
      {count > 0 && (
        <a
          href={`/api/admin/badges${badgeQuery(filters)}`}
          download
          className="mt-3 inline-block rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white"
        >
          {t("download")}
        </a>
      )}
    </div>
  );
}
