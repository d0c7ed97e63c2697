import { getTranslations } from "next-intl/server";
import { speakerFeedback } from "@/db/queries/feedback";
import { pick } from "@/lib/localized";

/** What attendees answered about the speaker's own sessions: ratings and comments, never who gave them. */
export async function PortalFeedback({ speakerId, locale }: { speakerId: number; locale: string }) {
  const t = await getTranslations("speakerMaterials.feedback");
  const sessions = speakerFeedback(speakerId).filter((s) => s.summary.count > 0);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (
    <section aria-labelledby="portal-feedback" className="mt-8">
      <h2 id="portal-feedback" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("anonymous")}</p>
      {sessions.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("none")}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {sessions.map((s) => (
            <li key={s.sessionId} className="rounded-lg border border-slate-200 bg-white p-3">
              <h3 className="font-medium">{pick(locale, s.titleEn, s.titleZh)}</h3>
              <p className="text-sm text-slate-700">{t("summary", { count: s.summary.count, average: number.format(s.summary.average ?? 0) })}</p>
              <ul className="mt-2 space-y-1 text-sm">
                {s.answers
                  .filter((a) => a.comment.trim())
                  .map((a, i) => (
                    <li key={i}>
                      <span className="font-medium">{t("rating", { rating: a.rating })}</span> <q>{a.comment}</q>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
