"use client";

import { useLocale, useTranslations } from "next-intl";
import type { AgendaSession } from "@/db/queries/sessions";
import { gridFrame, gridRows, SLOT_MINUTES } from "@/lib/agenda";
import { pick } from "@/lib/localized";
import { SessionCard } from "./session-card";
import type { AgendaData } from "./types";

type Props = { sessions: AgendaSession[]; rooms: AgendaData["rooms"]; timeZone: string; offset: string; prefix: string; archive: boolean };

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** The day as a time grid, a column per room; shown on wide screens only. */
export function AgendaGrid({ sessions, rooms, timeZone, offset, prefix, archive }: Props) {
  const t = useTranslations("agenda");
  const locale = useLocale();
  const { firstMinute, lastMinute, slots } = gridFrame(sessions, timeZone);
  const columns = new Map(rooms.map((r, i) => [r.slug, i + 2]));
  const halfHours: number[] = [];
  for (let m = firstMinute; m < lastMinute; m += 30) halfHours.push(m);

  return (
    <div
      className="mt-3 hidden gap-x-2 md:grid"
      style={{
        gridTemplateColumns: `4.5rem repeat(${rooms.length}, minmax(0, 1fr))`,
        gridTemplateRows: `auto repeat(${slots}, 0.85rem)`,
      }}
    >
      <div className="sticky top-0 z-10 bg-slate-50 py-2 text-xs font-semibold text-slate-600">
        {t("time")} <span className="block font-normal">{offset}</span>
      </div>
      {rooms.map((r) => (
        <div key={r.slug} className="sticky top-0 z-10 bg-slate-50 py-2 text-sm font-semibold" style={{ gridColumn: columns.get(r.slug) }}>
          {pick(locale, r.nameEn, r.nameZh)}
        </div>
      ))}
      {halfHours.map((m) => (
        <div
          key={m}
          className="border-t border-slate-200 pr-2 text-xs text-slate-600"
          style={{ gridColumn: `1 / span ${rooms.length + 1}`, gridRow: `${2 + (m - firstMinute) / SLOT_MINUTES} / span ${30 / SLOT_MINUTES}` }}
          aria-hidden="true"
        >
          {m % 60 === 0 ? hhmm(m) : ""}
        </div>
      ))}
      {sessions.map((s) => {
        const column = s.room ? columns.get(s.room.slug) : undefined;
        if (!column) return null;
        const { rowStart, rowEnd } = gridRows(s, firstMinute, timeZone);
        return (
          <div key={s.id} className="relative z-[1] py-0.5" style={{ gridColumn: column, gridRow: `${rowStart} / ${rowEnd}` }}>
            <SessionCard session={s} timeZone={timeZone} offset={offset} prefix={prefix} archive={archive} compact={rowEnd - rowStart < 9} />
          </div>
        );
      })}
    </div>
  );
}
