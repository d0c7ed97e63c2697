"use client";

import { useLocale, useTranslations } from "next-intl";
import { FeedbackLink } from "@/components/feedback-link";
import { StarButton } from "@/components/star-button";
import { Link } from "@/i18n/navigation";
import { pick } from "@/lib/localized";
import type { ScheduleItem } from "@/lib/personal-agenda/schedule";
import { formatTimeRange } from "@/lib/time";
import type { MyAgendaSession } from "./types";

type Props = { item: ScheduleItem<MyAgendaSession>; timeZone: string; offset: string; feedbackClosesAt: number };

export function AgendaItem({ item: { session: s, booking, overlapsWith }, timeZone, offset, feedbackClosesAt }: Props) {
  const t = useTranslations("myAgenda");
  const agenda = useTranslations("agenda");
  const types = useTranslations("types");
  const stars = useTranslations("stars");
  const feedback = useTranslations("feedback");
  const locale = useLocale();
  const title = pick(locale, s.titleEn, s.titleZh);
  const cancelled = s.status === "cancelled";
  const clashes = new Intl.ListFormat(locale, { type: "conjunction" }).format(
    overlapsWith.map((o) => t("quoted", { title: pick(locale, o.titleEn, o.titleZh) })),
  );
  return (
    <article
      className={`flex gap-3 rounded-md border border-l-4 bg-white p-3 shadow-sm ${overlapsWith.length > 0 ? "border-amber-400" : "border-slate-200"}`}
      style={{ borderLeftColor: s.track?.color ?? "#475569" }}
    >
      <div className="min-w-0 flex-1">
        <p className="text-sm text-slate-700">
          <time dateTime={new Date(s.startsAt).toISOString()} className="font-semibold">
            {formatTimeRange(s.startsAt, s.endsAt, locale, timeZone)}
          </time>{" "}
          {offset} · {types(s.type)}
          {s.room && <> · {pick(locale, s.room.nameEn, s.room.nameZh)}</>}
        </p>
        <h3 className="mt-0.5 font-semibold leading-snug">
          <Link href={`/sessions/${s.slug}`} className={`text-brand-800 hover:underline ${cancelled ? "line-through" : ""}`}>
            {title}
          </Link>
        </h3>
        <div className="mt-1 flex flex-wrap gap-2 text-xs font-semibold empty:hidden">
          {cancelled && <p className="rounded bg-red-700 px-1.5 py-0.5 text-white">{agenda("cancelled")}</p>}
          {booking && (
            <p className="rounded bg-green-100 px-1.5 py-0.5 text-green-900">{booking === "booked" ? t("booked") : t("waiting")}</p>
          )}
        </div>
        {!cancelled && (
          <FeedbackLink sessionId={s.id} endsAt={s.endsAt} closesAt={feedbackClosesAt} localePrefix={`/${locale}`} label={feedback("rateLink", { title })} className="mt-1 inline-block text-sm" />
        )}
        {overlapsWith.length > 0 && (
          <p className="mt-1 flex gap-1.5 text-sm font-medium text-amber-900">
            <svg viewBox="0 0 20 20" aria-hidden="true" className="mt-0.5 size-4 shrink-0 fill-current">
              <path d="M10 2 1 18h18L10 2zm-1 6h2v5H9V8zm0 6h2v2H9v-2z" />
            </svg>
            {t("overlap", { titles: clashes })}
          </p>
        )}
      </div>
      <StarButton slug={s.slug} labels={{ name: stars("star", { title }), add: stars("add"), remove: stars("remove"), label: stars("label") }} />
    </article>
  );
}
