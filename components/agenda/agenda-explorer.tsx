"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { useLocation } from "@/components/use-location-search";
import { agendaDayPath, agendaQueryString, dayOfPath, filterAgenda, filterQueryString, parseAgendaQuery, type AgendaQuery } from "@/lib/agenda";
import { AgendaFilters } from "./agenda-filters";
import { AgendaGrid } from "./agenda-grid";
import { AgendaList } from "./agenda-list";
import { DayTabs } from "./day-tabs";
import type { AgendaData } from "./types";

/**
 * Day tabs, filters and the sessions: a grid on wide screens, a list on phones. At /agenda the day
 * is in the query string (?day=); at a day's own address (/agenda/<day>) it is in the path,
 * and another tab replaces the path, so that the address always reloads the same view.
 */
export function AgendaExplorer({ data }: { data: AgendaData }) {
  const t = useTranslations("agenda");
  const locale = useLocale();
  const [location, replace] = useLocation();
  const options = useMemo(
    () => ({
      days: data.days.map((d) => d.date),
      tracks: data.tracks.map((x) => x.slug),
      types: data.types,
      rooms: data.rooms.map((x) => x.slug),
    }),
    [data],
  );
  const parsed = parseAgendaQuery(new URLSearchParams(location?.search ?? ""), options);
  const query = data.pageDay ? { ...parsed, day: dayOfPath(location?.pathname ?? "", options.days) ?? data.pageDay } : parsed;
  const dayHref = (day: string) => `/${locale}${agendaDayPath(data.prefix, day)}`;
  const matching = useMemo(
    () => filterAgenda(data.sessions, query),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the query's fields are what matter
    [data.sessions, query.track, query.type, query.room, query.q],
  );
  const counts = new Map(options.days.map((d) => [d, matching.filter((s) => s.day === d).length]));
  const shown = matching.filter((s) => s.day === query.day);
  const rooms = query.room ? data.rooms.filter((r) => r.slug === query.room) : data.rooms;

  // The change applies to the address as it is now, not as of the last render: two quick changes
  // in a row (a tab, then a keystroke) must both stay.
  const update = (change: Partial<AgendaQuery>) => {
    const current = parseAgendaQuery(new URLSearchParams(window.location.search), options);
    if (data.pageDay) {
      const day = change.day ?? dayOfPath(window.location.pathname, options.days) ?? data.pageDay;
      // The day replaces the last segment, so the address stays the one visited (/2024/agenda/… or /agenda/…).
      const agenda = window.location.pathname.replace(/\/[^/]*\/?$/, "");
      replace(`${agenda}/${day}${filterQueryString({ ...current, ...change })}`);
    } else {
      replace(`${window.location.pathname}${agendaQueryString({ ...current, ...change }, options)}`);
    }
  };
  const filtering = Boolean(query.track || query.type || query.room || query.q.trim());
  const day = data.days.find((d) => d.date === query.day);

  return (
    <div className="mt-6">
      <AgendaFilters data={data} query={query} onChange={update} filtering={filtering} />
      <DayTabs days={data.days} current={query.day} counts={counts} filtering={filtering} hrefOf={dayHref} onSelect={(d) => update({ day: d })} />
      <section id="agenda-panel" role="tabpanel" aria-label={day?.longLabel} className="mt-4">
        <h2 className="text-xl font-bold">{day?.longLabel}</h2>
        <p className="text-sm text-slate-700" aria-live="polite">
          {t("results", { count: shown.length })}
        </p>
        {shown.length === 0 ? (
          <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
            {t("noResults")}
          </p>
        ) : (
          <>
            <AgendaGrid sessions={shown} rooms={rooms} timeZone={data.timeZone} offset={data.offset} prefix={data.prefix} archive={data.archive} />
            <AgendaList sessions={shown} timeZone={data.timeZone} offset={data.offset} prefix={data.prefix} archive={data.archive} />
          </>
        )}
      </section>
    </div>
  );
}
