import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/auth/guard";
import { listAttendees } from "@/db/queries/attendees";
import { consoleEdition } from "@/auth/edition";
import { Link } from "@/i18n/navigation";
import { attendeeQuery, PAGE_SIZE, parseAttendeeFilters } from "@/lib/attendees/filters";
import { daysBetween } from "@/lib/time";
import { AttendeeFilterForm } from "./_components/attendee-filter-form";
import { AttendeeTable } from "./_components/attendee-table";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/attendees">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "attendeesAdmin" });
  return { title: t("title"), robots: { index: false } };
}

export default async function AttendeesPage({ params, searchParams }: PageProps<"/[locale]/admin/attendees">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePageUser(locale, "attendees");
  const t = await getTranslations("attendeesAdmin");
  const filters = parseAttendeeFilters(await searchParams);
  const event = await consoleEdition();
  const { rows, total } = listAttendees(filters, event.id);
  const days = daysBetween(event.startDate, event.endDate);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const exportQuery = attendeeQuery(filters, { page: 1 });
  const link = "font-medium text-brand-700 underline";
  return (
    <div>
      <div className="flex flex-wrap items-baseline gap-x-6 gap-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <Link href="/admin/attendees/new" className={link}>{t("add")}</Link>
        <Link href="/admin/settings" className={link}>{t("settings")}</Link>
      </div>
      <AttendeeFilterForm filters={filters} days={days} locale={locale} />
      <div className="mt-4 flex flex-wrap items-baseline gap-x-6 gap-y-2">
        <p role="status" className="text-slate-700">{t("count", { total })}</p>
        {/* Plain links: route handlers answer with a file, not a page to navigate to. */}
        <a href={`/${locale}/admin/attendees/export.csv${exportQuery}`} download className={link}>{t("exportCsv")}</a>
        <a href={`/${locale}/admin/attendees/export.xlsx${exportQuery}`} download className={link}>{t("exportXlsx")}</a>
      </div>
      {rows.length === 0 ? (
        <p className="mt-6 text-slate-700">{t("empty")}</p>
      ) : (
        <AttendeeTable rows={rows} filters={filters} locale={locale} timeZone={event.timeZone} />
      )}
      <nav aria-label={t("pages")} className="mt-4 flex items-baseline gap-4">
        {filters.page > 1 && (
          <Link href={`/admin/attendees${attendeeQuery(filters, { page: filters.page - 1 })}`} className={link}>{t("previous")}</Link>
        )}
        <span className="text-slate-700">{t("pageOf", { page: filters.page, pages })}</span>
        {filters.page < pages && (
          <Link href={`/admin/attendees${attendeeQuery(filters, { page: filters.page + 1 })}`} className={link}>{t("next")}</Link>
        )}
      </nav>
    </div>
  );
}
