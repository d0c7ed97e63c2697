import Link from "next/link";
import type { AgendaSession } from "@/db/queries/sessions";
import { pick } from "@/lib/localized";
import { formatTimeRange, offsetLabel } from "@/lib/time";

/**
 * `timeZone`: the edition's, from its row. `copy`: the "home" strings, translated by the page (the
 * edition's dates already in them).
 */
export type NowNextSession = Pick<AgendaSession, "id" | "slug" | "startsAt" | "endsAt" | "titleEn" | "titleZh"> & {
  room: { nameEn: string; nameZh: string } | null;
};
type Props = { sessions: NowNextSession[]; timeZone: string; locale: string; copy: NowNextCopy };
export type NowNextCopy = Record<"pastHeading" | "nextHeading" | "nowHeading" | "illustrative" | "afterForum" | "beforeForum" | "nothingNow", string>;

/**
 * What is on now and what comes next. The page is rendered ahead and the same for everyone, so it
 * cannot know the hour: every part is rendered hidden, and public/wake.js (showNowNext) shows the
 * parts that hold at the browser's hour (or at `?now=`, an instant with its offset), each minute.
 * Without scripts the box stays hidden: the agenda says the same.
 */
export function NowNext({ sessions, timeZone, locale, copy: t }: Props) {
  if (sessions.length === 0) return null;
  return (
    <section
      hidden
      data-now-next=""
      data-past={t.pastHeading}
      data-next={t.nextHeading}
      data-now={t.nowHeading}
      aria-labelledby="now-heading"
      className="rounded-xl border border-slate-200 bg-white p-5"
    >
      {/* Filled by the script; React never re-renders a server component's text. */}
      <h2 id="now-heading" className="text-2xl font-bold" suppressHydrationWarning>
        {t.nowHeading}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t.illustrative}</p>
      <Said part="after" text={t.afterForum} />
      <Said part="before" text={t.beforeForum} />
      <SessionList part="now-list" sessions={sessions} locale={locale} timeZone={timeZone} />
      <Said part="nothing" text={t.nothingNow} />
      <h3 hidden data-part="next-heading" className="mt-5 text-lg font-semibold">
        {t.nextHeading}
      </h3>
      <SessionList part="next-list" sessions={sessions} locale={locale} timeZone={timeZone} />
    </section>
  );
}

/** One of the box's sentences, shown by the script when it holds. */
function Said({ part, text }: { part: "after" | "before" | "nothing"; text: string }) {
  return (
    <p hidden data-part={part} className="mt-2 text-slate-700">
      {text}
    </p>
  );
}

function SessionList({ part, sessions, locale, timeZone }: { part: "now-list" | "next-list"; sessions: NowNextSession[]; locale: string; timeZone: string }) {
  const list = part === "now-list" ? { "data-now-list": "" } : { "data-next-list": "" };
  return (
    <ul hidden data-part={part} {...list} className="mt-3 divide-y divide-slate-100">
      {sessions.map((s) => (
        <li key={s.id} hidden data-id={s.id} data-starts={s.startsAt} data-ends={s.endsAt} className="py-2">
          <span className="font-mono text-sm text-slate-600">
            {formatTimeRange(s.startsAt, s.endsAt, locale, timeZone)} ({offsetLabel(s.startsAt, timeZone)})
          </span>{" "}
          <Link href={`/${locale}/sessions/${s.slug}`} prefetch={false} className="font-medium text-brand-700 underline">
            {pick(locale, s.titleEn, s.titleZh)}
          </Link>
          {s.room && <span className="text-sm text-slate-600"> · {pick(locale, s.room.nameEn, s.room.nameZh)}</span>}
        </li>
      ))}
    </ul>
  );
}
