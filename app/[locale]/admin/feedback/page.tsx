import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { consoleEdition } from "@/auth/edition";
import { requirePageUser } from "@/auth/guard";
import { feedbackSummaries } from "@/db/queries/feedback";
import { Link } from "@/i18n/navigation";
import { parseSort, sortSummaries } from "@/lib/feedback/summary";
import { pick } from "@/lib/localized";
import { formatDay, formatTime, zonedDate } from "@/lib/time";
import { Distribution } from "./_components/distribution";
import { SortHeader } from "./_components/sort-header";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/feedback">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "feedbackAdmin" });
  return { title: t("title"), robots: { index: false } };
}

/** Per session of the console's edition: how many answered, the average and the spread of ratings. */
export default async function FeedbackAdminPage({ params, searchParams }: PageProps<"/[locale]/admin/feedback">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePageUser(locale, "attendees", "/admin/feedback");
  const t = await getTranslations("feedbackAdmin");
  const query = await searchParams;
  const sort = parseSort(query.sort, query.dir);
  const edition = await consoleEdition();
  const { timeZone } = edition;
  const rows = sortSummaries(
    feedbackSummaries(edition.id).map((s) => ({ ...s, title: pick(locale, s.titleEn, s.titleZh) })),
    sort.by,
    sort.direction,
  );
  const link = "font-medium text-brand-700 underline";
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <div>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro", { edition: pick(locale, edition.nameEn, edition.nameZh) })}</p>
      <div className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
        {/* Plain links: route handlers answer with a file, not a page to navigate to. */}
        <a href={`/${locale}/admin/feedback/export.csv`} download className={link}>{t("exportCsv")}</a>
        <a href={`/${locale}/admin/feedback/export.xlsx`} download className={link}>{t("exportXlsx")}</a>
      </div>
      {rows.length === 0 ? (
        <p className="mt-6 text-slate-700">{t("noSessions")}</p>
      ) : (
        <TableScroll className="mt-6">
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <SortHeader column="title" label={t("session")} sort={sort} />
              <SortHeader column="time" label={t("starts")} sort={sort} />
              <SortHeader column="answers" label={t("answers")} sort={sort} className="text-right" />
              <SortHeader column="average" label={t("average")} sort={sort} className="text-right" />
              <th scope="col" className="pb-2">{t("distribution")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} className="border-t border-slate-200 align-bottom">
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link href={`/admin/feedback/${s.id}`} className={link}>{s.title}</Link>
                </th>
                <td className="py-2 pr-3 whitespace-nowrap">
                  {formatDay(zonedDate(s.startsAt, timeZone), locale, "short")} {formatTime(s.startsAt, locale, timeZone)}
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">{s.count}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{s.average === null ? t("none") : number.format(s.average)}</td>
                <td className="py-2">{s.count > 0 && <Distribution counts={s.distribution} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </div>
  );
}
