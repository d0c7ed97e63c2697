import { useLocale, useTranslations } from "next-intl";
import type { QuoteWithDetails } from "@/db/queries/quotes";
import { Link } from "@/i18n/navigation";
import { isZh, pick } from "@/lib/localized";
import { formatOffset } from "@/lib/materials/offset";
import { formatDay } from "@/lib/time";
import { Citation } from "./citation";
import { PersonPosition } from "./person-position";

type Props = {
  quote: QuoteWithDetails;
  permalink?: boolean;
  /** On its session's page: the moment links to the player above, not to the page. */
  momentHere?: boolean;
};

/**
 * A direct quote stands in quotation marks; reported speech is labelled a paraphrase and never
 * quoted. A translation is always labelled as the site's, above it, never as the person's words.
 */
export function QuoteCard({ quote: q, permalink = true, momentHere = false }: Props) {
  const t = useTranslations("quotes");
  const locale = useLocale();
  const direct = q.kind === "direct";
  const originalIsReaders = isZh(locale) === (q.language === "zh");
  const main = originalIsReaders || !q.translation ? q.text : q.translation;
  const secondary = main === q.text ? null : q.text;
  const mark = (text: string) => (direct ? `“${text}”` : text);

  return (
    <figure id={`quote-${q.id}`} className="rounded-xl border border-slate-200 bg-white p-5">
      <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
        {direct ? t("direct") : t("paraphrase")}
      </p>
      {main !== q.text && <p className="mt-1 text-sm font-semibold text-amber-800">{t("translationNotice")}</p>}
      {direct ? (
        <blockquote className="mt-2 text-lg leading-relaxed text-slate-900" lang={main === q.text ? q.language : undefined}>
          <p>{mark(main)}</p>
        </blockquote>
      ) : (
        <p className="mt-2 text-lg leading-relaxed text-slate-900" lang={main === q.text ? q.language : undefined}>
          {main}
        </p>
      )}
      {secondary && (
        <p className="mt-2 text-sm text-slate-700">
          <span className="font-semibold">{t("original")}:</span>{" "}
          <span lang={q.language}>{mark(secondary)}</span>
        </p>
      )}
      <figcaption className="mt-4 space-y-1 text-sm text-slate-700">
        <p>
          —{" "}
          <Link href={`/speakers/${q.speaker.slug}`} className="font-semibold text-brand-700 underline">
            {pick(locale, q.speaker.nameEn, q.speaker.nameZh)}
          </Link>
          {isZh(locale) ? "，" : ", "}
          <PersonPosition person={q.speaker} />
        </p>
        <p>
          {q.saidOn
            ? t("saidOn", { date: formatDay(q.saidOn, locale, "date") })
            : t("reportedOn", { date: formatDay(q.source.publishedOn, locale, "date") })}
          {q.session && (
            <>
              {" · "}
              {t("inSession")}:{" "}
              <Link href={`${q.editionPrefix}/sessions/${q.session.slug}`} className="text-brand-700 underline">
                {pick(locale, q.session.titleEn, q.session.titleZh)}
              </Link>
            </>
          )}
        </p>
        {q.moment !== null && (momentHere || q.session) && (
          <p>
            {/* A plain link: the session page's player reads the moment from the address. */}
            <a
              href={momentHere ? `#t=${q.moment}` : `/${locale}${q.editionPrefix}/sessions/${q.session!.slug}#t=${q.moment}`}
              className="text-brand-700 underline"
            >
              {t("watchMoment", { time: formatOffset(q.moment) })}
            </a>
          </p>
        )}
        <p>
          <Citation source={q.source} />
        </p>
        {q.topics.length > 0 && (
          <p>
            <span className="sr-only">{t("topics")}: </span>
            {q.topics.map(({ topic }) => (
              <span key={topic.slug} className="mr-1 inline-block rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-900">
                {pick(locale, topic.nameEn, topic.nameZh)}
              </span>
            ))}
          </p>
        )}
        {permalink && (
          <p>
            <Link href={`/quotes/${q.id}`} className="text-brand-700 underline">
              {t("permalink")}
            </Link>
          </p>
        )}
      </figcaption>
    </figure>
  );
}
