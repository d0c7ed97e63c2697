import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { forbidden, notFound } from "next/navigation";
import { feedbackPage } from "@/db/queries/feedback";
import { findRegistrationByManageToken } from "@/db/queries/registrations";
import { Link } from "@/i18n/navigation";
import { pick } from "@/lib/localized";
import { isManageToken } from "@/lib/registration/codes";
import { formatDay, formatTimeRange, offsetLabel, zonedDate } from "@/lib/time";
import { feedbackAction } from "./actions";
import { FeedbackForm } from "./_components/feedback-form";

type Props = PageProps<"/[locale]/ticket/[token]/feedback/[session]">;

// One person's page, read afresh on every request: never rendered ahead or kept.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "feedback" });
  // A private page: never indexed, and its address never sent onwards as a referrer.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * The person's answer about one session, reached from the session page, their agenda or their
 * ticket: a forged or replaced link is not found, a session they did not register for forbidden.
 */
export default async function FeedbackPage({ params }: Props) {
  const { locale, token, session: sessionParam } = await params;
  setRequestLocale(locale);
  const reg = isManageToken(token) ? findRegistrationByManageToken(token) : undefined;
  const sessionId = /^[1-9][0-9]{0,9}$/.test(sessionParam) ? Number(sessionParam) : null;
  if (!reg || reg.erasedAt || sessionId === null) notFound();
  const page = feedbackPage(reg, sessionId);
  if (!page.found) notFound();
  if (page.refusal === "notRegistered") forbidden();
  const t = await getTranslations("feedback");
  const { session, edition, refusal, answer } = page;
  const { timeZone } = edition;
  const closes = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }).format(page.closesAt);

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <Link href={`/ticket/${token}`} className="text-sm text-brand-700 underline">
        ← {t("backToTicket")}
      </Link>
      <div>
        <p className="text-sm font-semibold text-brand-700">{t("title")}</p>
        <h1 className="mt-1 text-3xl font-bold">{pick(locale, session.titleEn, session.titleZh)}</h1>
        <p className="mt-2 text-slate-700">
          {t("when", {
            date: formatDay(zonedDate(session.startsAt, timeZone), locale),
            time: formatTimeRange(session.startsAt, session.endsAt, locale, timeZone),
            offset: offsetLabel(session.startsAt, timeZone),
          })}
        </p>
      </div>
      {refusal === "notEnded" && <p className="rounded-md bg-slate-100 px-4 py-3 text-slate-800">{t("notEnded")}</p>}
      {refusal === "closed" && <p className="rounded-md bg-slate-100 px-4 py-3 text-slate-800">{t("closed", { closes })}</p>}
      {refusal === null && (
        <>
          <p className="text-slate-700">{answer ? t("editable", { rating: answer.rating, closes }) : t("intro")}</p>
          <FeedbackForm action={feedbackAction.bind(null, token, session.id)} answer={answer && { rating: answer.rating, comment: answer.comment }} closes={closes} />
        </>
      )}
    </div>
  );
}
