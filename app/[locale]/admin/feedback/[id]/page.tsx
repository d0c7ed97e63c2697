import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { consoleEdition } from "@/auth/edition";
import { requirePageUser } from "@/auth/guard";
import { feedbackSummaries, sessionAnswers } from "@/db/queries/feedback";
import { Link } from "@/i18n/navigation";
import { pick } from "@/lib/localized";
import { Distribution } from "../_components/distribution";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/feedback/[id]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "feedbackAdmin" });
  return { title: t("title"), robots: { index: false } };
}

/** One session's answers, the latest first, with who gave them (the console only). */
export default async function SessionFeedbackPage({ params }: PageProps<"/[locale]/admin/feedback/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requirePageUser(locale, "attendees", `/admin/feedback/${encodeURIComponent(id)}`);
  const t = await getTranslations("feedbackAdmin");
  const edition = await consoleEdition();
  // A session of another edition than the console's is not found here.
  const summary = /^[1-9][0-9]{0,9}$/.test(id) ? feedbackSummaries(edition.id).find((s) => s.id === Number(id)) : undefined;
  if (!summary) notFound();
  const answers = sessionAnswers(edition.id, summary.id);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: edition.timeZone });
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <div>
      <Link href="/admin/feedback" className="text-sm text-brand-700 underline">← {t("back")}</Link>
      <h1 className="mt-2 text-3xl font-bold">{pick(locale, summary.titleEn, summary.titleZh)}</h1>
      <dl className="mt-4 flex flex-wrap items-end gap-x-8 gap-y-2">
        <div>
          <dt className="text-sm text-slate-600">{t("answers")}</dt>
          <dd className="text-2xl font-bold tabular-nums">{summary.count}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">{t("average")}</dt>
          <dd className="text-2xl font-bold tabular-nums">{summary.average === null ? t("none") : number.format(summary.average)}</dd>
        </div>
        {summary.count > 0 && (
          <div>
            <dt className="text-sm text-slate-600">{t("distribution")}</dt>
            <dd><Distribution counts={summary.distribution} /></dd>
          </div>
        )}
      </dl>
      <h2 className="mt-8 text-xl font-bold">{t("comments")}</h2>
      {answers.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("noAnswers")}</p>
      ) : (
        <TableScroll className="mt-3">
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col" className="pr-3 pb-2">{t("person")}</th>
              <th scope="col" className="pr-3 pb-2 text-right">{t("rating")}</th>
              <th scope="col" className="pr-3 pb-2">{t("comment")}</th>
              <th scope="col" className="pb-2">{t("answeredAt")}</th>
            </tr>
          </thead>
          <tbody>
            {answers.map((a) => (
              <tr key={a.code} className="border-t border-slate-200 align-top">
                <td className="py-2 pr-3">{a.fullName} <span className="font-mono text-xs text-slate-600">{a.code}</span></td>
                <td className="py-2 pr-3 text-right tabular-nums">{a.rating}</td>
                <td className="py-2 pr-3 whitespace-pre-line">{a.comment}</td>
                <td className="py-2 whitespace-nowrap">{when.format(a.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </div>
  );
}
