import { getTranslations } from "next-intl/server";
import { SessionMaterials } from "@/components/materials/session-materials";
import { QuoteCard } from "@/components/quote-card";
import { FeedbackLink } from "@/components/feedback-link";
import { StarButton } from "@/components/star-button";
import { SessionJsonLd } from "./session-json-ld";
import type { Event } from "@/db/schema";
import type { getPublicSession } from "@/db/queries/sessions";
import { Link } from "@/i18n/navigation";
import { agendaDayPath } from "@/lib/agenda";
import { editionPrefix } from "@/lib/edition";
import { feedbackClosesAt } from "@/lib/feedback/rules";
import { pick } from "@/lib/localized";
import { formatDay, formatTimeRange, offsetLabel, zonedDate } from "@/lib/time";

type Props = {
  edition: Event;
  session: NonNullable<ReturnType<typeof getPublicSession>>;
  locale: string;
};

/**
 * A session of one edition: at /sessions/<slug> for the current edition, at /<path>/sessions/<slug>
 * for any. A past edition's session is an archive: nothing to star.
 */
export async function SessionBody({ edition, session, locale }: Props) {
  const t = await getTranslations("session");
  const types = await getTranslations("types");
  const roles = await getTranslations("roles");
  const stars = await getTranslations("stars");
  const feedback = await getTranslations("feedback");
  const { timeZone } = edition;
  const prefix = editionPrefix(edition);
  const cancelled = session.status === "cancelled";

  return (
    <article className="mx-auto max-w-3xl">
      <SessionJsonLd edition={edition} session={session} locale={locale} />
      <Link href={agendaDayPath(prefix, session.day)} className="text-sm text-brand-700 underline">
        ← {t("backToAgenda")}
      </Link>
      <div className="mt-3 flex flex-wrap items-start justify-between gap-3">
        <h1 className={`text-3xl font-bold ${cancelled ? "line-through" : ""}`}>
          {pick(locale, session.titleEn, session.titleZh)}
        </h1>
        {edition.isCurrent && (
          <StarButton
            slug={session.slug}
            labels={{ name: stars("star", { title: pick(locale, session.titleEn, session.titleZh) }), add: stars("add"), remove: stars("remove"), label: stars("label") }}
            labelled
          />
        )}
      </div>
      {cancelled && (
        <p role="status" className="mt-3 rounded-md bg-red-50 px-3 py-2 font-semibold text-red-800">
          {t("cancelledNotice")}
        </p>
      )}
      <dl className="mt-5 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white p-5">
        <dt className="font-semibold text-slate-700">{t("when")}</dt>
        <dd>
          <time dateTime={new Date(session.startsAt).toISOString()}>
            {t("dateTime", {
              date: formatDay(zonedDate(session.startsAt, timeZone), locale),
              time: formatTimeRange(session.startsAt, session.endsAt, locale, timeZone),
              offset: offsetLabel(session.startsAt, timeZone),
            })}
          </time>
        </dd>
        {session.room && (
          <>
            <dt className="font-semibold text-slate-700">{t("room")}</dt>
            <dd>{pick(locale, session.room.nameEn, session.room.nameZh)}</dd>
          </>
        )}
        {session.track && (
          <>
            <dt className="font-semibold text-slate-700">{t("track")}</dt>
            <dd>
              <span aria-hidden="true" className="mr-2 inline-block size-3 rounded-full" style={{ backgroundColor: session.track.color }} />
              {pick(locale, session.track.nameEn, session.track.nameZh)}
            </dd>
          </>
        )}
        <dt className="font-semibold text-slate-700">{t("type")}</dt>
        <dd>
          {types(session.type)}
          {session.seatLimit ? ` · ${t("seatLimit", { count: session.seatLimit })}` : ""}
        </dd>
      </dl>
      {!cancelled && (
        <p className="mt-3 empty:hidden">
          <FeedbackLink sessionId={session.id} endsAt={session.endsAt} closesAt={feedbackClosesAt(edition).getTime()} localePrefix={`/${locale}`} label={feedback("rate")} />
        </p>
      )}

      <section className="mt-8">
        <h2 className="text-xl font-bold">{t("about")}</h2>
        <p className="mt-2 leading-relaxed whitespace-pre-line text-slate-800">
          {pick(locale, session.abstractEn, session.abstractZh)}
        </p>
        <p className="mt-3 text-sm text-slate-600">{t("illustrative")}</p>
      </section>

      <section className="mt-8">
        <h2 className="text-xl font-bold">{t("speakers")}</h2>
        {session.speakers.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("noSpeakers")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {session.speakers.map((sp) => (
              <li key={sp.slug}>
                <Link href={`/speakers/${sp.slug}`} className="font-medium text-brand-700 underline">
                  {pick(locale, sp.nameEn, sp.nameZh)}
                </Link>{" "}
                <span className="text-slate-700">· {roles(sp.role)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <SessionMaterials materials={session.materials} title={pick(locale, session.titleEn, session.titleZh)} locale={locale} />

      {session.quotes.length > 0 && (
        <section className="mt-8">
          <h2 className="text-xl font-bold">{t("quotes")}</h2>
          <ul className="mt-3 space-y-4">
            {session.quotes.map((q) => (
              <li key={q.id}>
                <QuoteCard quote={{ ...q, session: null, topics: [], editionPrefix: prefix, moment: session.materials.recording ? q.recordingOffset : null }} momentHere />
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
