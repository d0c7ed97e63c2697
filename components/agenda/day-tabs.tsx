"use client";

import { useTranslations } from "next-intl";
import { useRef, type KeyboardEvent } from "react";

type Props = {
  days: { date: string; label: string; longLabel: string }[];
  current: string;
  counts: Map<string, number>;
  filtering: boolean;
  onSelect: (day: string) => void;
};

/** One tab per forum day; arrow keys move between them as the ARIA tabs pattern expects. */
export function DayTabs({ days, current, counts, filtering, onSelect }: Props) {
  const t = useTranslations("agenda");
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
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
          <button
            key={d.date}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${d.date}`}
            aria-selected={selected}
            aria-controls="agenda-panel"
            tabIndex={selected ? 0 : -1}
            onClick={() => onSelect(d.date)}
            onKeyDown={(e) => onKeyDown(e, i)}
            className="-mb-px shrink-0 border-b-4 border-transparent px-3 py-2 text-sm sm:px-4 sm:text-base text-left font-semibold text-slate-700 hover:text-brand-800 aria-selected:border-brand-700 aria-selected:text-brand-900"
          >
            <span className="block">{d.label}</span>
            {filtering && <span className="block text-xs font-normal">({counts.get(d.date) ?? 0})</span>}
          </button>
        );
      })}
    </div>
  );
}
