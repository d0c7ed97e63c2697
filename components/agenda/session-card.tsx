"use client";

import { useLocale, useTranslations } from "next-intl";
import { StarButton } from "@/components/star-button";
import type { AgendaSession } from "@/db/queries/sessions";
import { Link } from "@/i18n/navigation";
import { pick } from "@/lib/localized";
import { formatTimeRange } from "@/lib/time";

type Props = { session: AgendaSession; timeZone: string; offset: string; prefix: string; archive: boolean; showRoom?: boolean; compact?: boolean };

export function SessionCard({ session: s, timeZone, offset, prefix, archive, showRoom, compact }: Props) {
  const t = useTranslations("agenda");
  const types = useTranslations("types");
  const stars = useTranslations("stars");
  const locale = useLocale();
  const cancelled = s.status === "cancelled";
  const color = s.track?.color ?? "#475569";
  const title = pick(locale, s.titleEn, s.titleZh);
  return (
    <article
      className={`relative flex h-full flex-col overflow-hidden rounded-md border border-slate-200 border-l-4 bg-white p-2 text-sm shadow-sm ${cancelled ? "opacity-75" : ""}`}
      style={{ borderLeftColor: color }}
    >
      <p className="pr-7 text-xs text-slate-600">
        <time dateTime={new Date(s.startsAt).toISOString()}>
          {formatTimeRange(s.startsAt, s.endsAt, locale, timeZone)}
        </time>{" "}
        <span className="sr-only">{offset}</span>
        {" · "}
        {types(s.type)}
        {showRoom && s.room && <> · {pick(locale, s.room.nameEn, s.room.nameZh)}</>}
      </p>
      <h3 className={`mt-0.5 pr-7 font-semibold leading-snug ${compact ? "line-clamp-2" : ""}`}>
        <Link href={`${prefix}/sessions/${s.slug}`} className={`text-brand-800 hover:underline ${cancelled ? "line-through" : ""}`}>
          {title}
        </Link>
      </h3>
      {/* After the title in reading and tab order; shown in the corner. */}
      {!archive && (
        <StarButton slug={s.slug} labels={{ name: stars("star", { title }), add: stars("add"), remove: stars("remove"), label: stars("label") }} className="absolute top-1 right-1" />
      )}
      {cancelled && (
        <p className="mt-1 w-fit rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white">{t("cancelled")}</p>
      )}
      {!compact && s.speakers.length > 0 && (
        <p className="mt-1 text-slate-700">{s.speakers.map((sp) => pick(locale, sp.nameEn, sp.nameZh)).join(", ")}</p>
      )}
      {(s.track || s.seatLimit) && (
        <p className="mt-auto flex flex-wrap gap-x-2 pt-1 text-xs text-slate-600">
          {s.track && <span>{pick(locale, s.track.nameEn, s.track.nameZh)}</span>}
          {s.seatLimit && <span>{t("seats", { count: s.seatLimit })}</span>}
        </p>
      )}
    </article>
  );
}
