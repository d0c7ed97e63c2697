"use client";

import { useTranslations } from "next-intl";
import type { ScheduleItem } from "@/lib/personal-agenda/schedule";
import { AgendaItem } from "./agenda-item";
import type { MyAgendaSession } from "./types";

type Props = { label: string; items: ScheduleItem<MyAgendaSession>[]; timeZone: string; offset: string; feedbackClosesAt: number };

export function AgendaDay({ label, items, timeZone, offset, feedbackClosesAt }: Props) {
  const t = useTranslations("myAgenda");
  const id = `day-${items[0]?.session.day}`;
  return (
    <section aria-labelledby={id}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 border-b border-slate-300 pb-1">
        <h2 id={id} className="text-xl font-bold">
          {label}
        </h2>
        <p className="text-sm text-slate-600">{t("sessions", { count: items.length })}</p>
      </div>
      <ol className="mt-3 space-y-3">
        {items.map((item) => (
          <li key={item.session.id}>
            <AgendaItem item={item} timeZone={timeZone} offset={offset} feedbackClosesAt={feedbackClosesAt} />
          </li>
        ))}
      </ol>
    </section>
  );
}
