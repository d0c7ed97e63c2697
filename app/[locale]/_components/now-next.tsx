"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import type { AgendaSession } from "@/db/queries/sessions";
import { pick } from "@/lib/localized";
import { formatTimeRange, offsetLabel } from "@/lib/time";

/**
 * `timeZone`: the edition's, from its row. `copy`: the "home" strings, translated by the page (the
 * edition's dates already in them), so that the home page sends no catalogue and no i18n runtime.
 */
export type NowNextSession = Pick<AgendaSession, "id" | "slug" | "startsAt" | "endsAt" | "titleEn" | "titleZh"> & {
  room: { nameEn: string; nameZh: string } | null;
};
type Props = { sessions: NowNextSession[]; timeZone: string; locale: string; copy: NowNextCopy };
export type NowNextCopy = Record<"pastHeading" | "nextHeading" | "nowHeading" | "illustrative" | "afterForum" | "beforeForum" | "nothingNow", string>;

/** `?now=` an instant with its offset (`2025-09-30T10:00:00%2B02:00`) shows the page as it looks then. */
function readNow(): number {
  const override = new URLSearchParams(window.location.search).get("now");
  const parsed = override ? Date.parse(override) : NaN;
  return Number.isNaN(parsed) ? Date.now() : parsed;
}

const subscribe = (onChange: () => void) => {
  const timer = window.setInterval(onChange, 60_000);
  return () => window.clearInterval(timer);
};

export function NowNext({ sessions, timeZone, locale, copy: t }: Props) {
  // Rounded to the minute so that the snapshot is stable between renders.
  const now = useSyncExternalStore(subscribe, () => Math.floor(readNow() / 60000) * 60000, () => null);
  if (now === null || sessions.length === 0) return null;

  const onNow = sessions.filter((s) => s.startsAt <= now && now < s.endsAt);
  const upcoming = sessions.filter((s) => s.startsAt > now);
  const nextStart = upcoming[0]?.startsAt;
  const next = upcoming.filter((s) => s.startsAt === nextStart);
  const before = now < (sessions[0]?.startsAt ?? 0);
  const after = upcoming.length === 0 && onNow.length === 0;

  return (
    <section aria-labelledby="now-heading" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="now-heading" className="text-2xl font-bold">
        {after ? t.pastHeading : before ? t.nextHeading : t.nowHeading}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t.illustrative}</p>
      {after ? (
        <p className="mt-2 text-slate-700">{t.afterForum}</p>
      ) : before ? (
        <>
          <p className="mt-2 text-slate-700">{t.beforeForum}</p>
          <SessionList sessions={next} locale={locale} timeZone={timeZone} />
        </>
      ) : (
        <>
          {onNow.length ? (
            <SessionList sessions={onNow} locale={locale} timeZone={timeZone} />
          ) : (
            <p className="mt-2 text-slate-700">{t.nothingNow}</p>
          )}
          {next.length > 0 && (
            <>
              <h3 className="mt-5 text-lg font-semibold">{t.nextHeading}</h3>
              <SessionList sessions={next} locale={locale} timeZone={timeZone} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function SessionList({ sessions, locale, timeZone }: { sessions: NowNextSession[]; locale: string; timeZone: string }) {
  return (
    <ul className="mt-3 divide-y divide-slate-100">
      {sessions.map((s) => (
        <li key={s.id} className="py-2">
          <span className="font-mono text-sm text-slate-600">
            {formatTimeRange(s.startsAt, s.endsAt, locale, timeZone)} ({offsetLabel(s.startsAt, timeZone)})
          </span>{" "}
          <Link href={`/${locale}/sessions/${s.slug}`} className="font-medium text-brand-700 underline">
            {pick(locale, s.titleEn, s.titleZh)}
          </Link>
          {s.room && <span className="text-sm text-slate-600"> · {pick(locale, s.room.nameEn, s.room.nameZh)}</span>}
        </li>
      ))}
    </ul>
  );
}
