import { getTranslations } from "next-intl/server";
import type { RateableSession } from "@/db/queries/feedback";
import { Link } from "@/i18n/navigation";
import { pick } from "@/lib/localized";
import { formatDay, formatTimeRange, zonedDate } from "@/lib/time";

type Props = { token: string; sessions: RateableSession[]; locale: string; timeZone: string; closes: string };

/** The ended sessions the person registered for, each with their rating or a way to give one. */
export async function FeedbackPanel({ token, sessions, locale, timeZone, closes }: Props) {
  const t = await getTranslations("feedback");
  return (
    <section aria-labelledby="feedback-heading" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="feedback-heading" className="text-xl font-bold">
        {t("panelHeading")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("panelHelp", { closes })}</p>
      <ul className="mt-3 divide-y divide-slate-200">
        {sessions.map((s) => {
          const title = pick(locale, s.titleEn, s.titleZh);
          return (
            <li key={s.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
              <div>
                <p className="font-medium">{title}</p>
                <p className="text-sm text-slate-600">
                  {formatDay(zonedDate(s.startsAt, timeZone), locale, "short")} {formatTimeRange(s.startsAt, s.endsAt, locale, timeZone)} ·{" "}
                  {s.answer ? t("yourRating", { rating: s.answer.rating }) : t("notRated")}
                </p>
              </div>
              <Link
                href={`/ticket/${token}/feedback/${s.id}`}
                aria-label={s.answer ? t("editLink", { title }) : t("rateLink", { title })}
                className="font-semibold text-brand-700 underline"
              >
                {s.answer ? t("edit") : t("rate")}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
