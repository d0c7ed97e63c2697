"use client";

import { useLocale } from "next-intl";
import type { AgendaSession } from "@/db/queries/sessions";
import { formatTime } from "@/lib/time";
import { SessionCard } from "./session-card";

type Props = { sessions: AgendaSession[]; timeZone: string; offset: string; prefix: string; archive: boolean };

/** The day as a list grouped by start time; shown on phones only. */
export function AgendaList({ sessions, timeZone, offset, prefix, archive }: Props) {
  const locale = useLocale();
  const groups = new Map<number, AgendaSession[]>();
  for (const s of sessions) groups.set(s.startsAt, [...(groups.get(s.startsAt) ?? []), s]);
  return (
    <ol className="mt-3 space-y-4 md:hidden">
      {[...groups].map(([start, group]) => (
        <li key={start}>
          <h3 className="text-sm font-bold text-slate-700">
            {formatTime(start, locale, timeZone)} <span className="font-normal">{offset}</span>
          </h3>
          <ul className="mt-1 space-y-2">
            {group.map((s) => (
              <li key={s.id}>
                <SessionCard session={s} timeZone={timeZone} offset={offset} prefix={prefix} archive={archive} showRoom />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
