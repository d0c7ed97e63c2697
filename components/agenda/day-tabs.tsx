"use client";

import { useTranslations } from "next-intl";
import { useRef, useSyncExternalStore, type KeyboardEvent, type MouseEvent } from "react";

type Props = {
  days: { date: string; label: string; longLabel: string }[];
  current: string;
  counts: Map<string, number>;
  filtering: boolean;
  /** The day's own address, rendered ahead: without a script, the tab is a plain link to it. */
  hrefOf: (day: string) => string;
  onSelect: (day: string) => void;
};

/** A click the browser should handle itself: a new tab or window, a download. */
const opensElsewhere = (event: MouseEvent) => event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;

const noChange = () => () => {};

/** False in the served HTML and during hydration, true once the script runs. */
const useScripted = () => useSyncExternalStore(noChange, () => true, () => false);

/**
 * One tab per forum day; arrow keys move between them as the ARIA tabs pattern expects. Each tab is
 * a link to the day's address, so that every day is reachable from the served HTML; with the
 * script running, a plain click shows the day in place and keeps the filters.
 */
export function DayTabs({ days, current, counts, filtering, hrefOf, onSelect }: Props) {
  const t = useTranslations("agenda");
  const refs = useRef<(HTMLAnchorElement | null)[]>([]);
  // Arrow keys move between tabs only with the script: until then every day's link is in the tab order.
  const scripted = useScripted();
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + days.length) % days.length;
    const day = days[next];
    if (!day) return;
    onSelect(day.date);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={t("days")} className="mt-6 flex gap-2 overflow-x-auto border-b border-slate-300">
      {days.map((d, i) => {
        const selected = d.date === current;
        return (
          <a
            key={d.date}
            ref={(el) => {
              refs.current[i] = el;
            }}
            href={hrefOf(d.date)}
            role="tab"
            id={`tab-${d.date}`}
            aria-selected={selected}
            aria-controls="agenda-panel"
            tabIndex={selected || !scripted ? 0 : -1}
            onClick={(event) => {
              if (opensElsewhere(event)) return;
              event.preventDefault();
              onSelect(d.date);
            }}
            onKeyDown={(e) => onKeyDown(e, i)}
            className="-mb-px shrink-0 border-b-4 border-transparent px-3 py-2 text-sm sm:px-4 sm:text-base text-left font-semibold text-slate-700 hover:text-brand-800 aria-selected:border-brand-700 aria-selected:text-brand-900"
          >
            <span className="block">{d.label}</span>
            {filtering && <span className="block text-xs font-normal">({counts.get(d.date) ?? 0})</span>}
          </a>
        );
      })}
    </div>
  );
}
