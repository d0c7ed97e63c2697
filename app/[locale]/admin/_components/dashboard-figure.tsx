import type { ReactNode } from "react";
import { TableScroll } from "@/components/ui/table-scroll";

type Props = { id: string; title: string; tableLabel: string; chart: ReactNode; table: ReactNode };

/** A chart with its data as a table one click away, for screen readers and for exact numbers. */
export function DashboardFigure({ id, title, tableLabel, chart, table }: Props) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      <div className="mt-3">{chart}</div>
      <details className="mt-3">
        <summary className="cursor-pointer font-medium text-brand-700">{tableLabel}</summary>
        <TableScroll className="mt-2">{table}</TableScroll>
      </details>
    </section>
  );
}
