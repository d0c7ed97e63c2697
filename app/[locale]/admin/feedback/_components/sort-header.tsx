import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { SortDirection, SummarySort } from "@/lib/feedback/summary";

type Props = { column: SummarySort; label: string; sort: { by: SummarySort; direction: SortDirection }; className?: string };

/** A column heading that sorts by it, and by it the other way round once it is the sort. */
export async function SortHeader({ column, label, sort, className = "" }: Props) {
  const t = await getTranslations("feedbackAdmin");
  const current = sort.by === column;
  // Figures are most useful highest first; words and times in reading order.
  const first: SortDirection = column === "answers" || column === "average" ? "desc" : "asc";
  const dir = current ? (sort.direction === "asc" ? "desc" : "asc") : first;
  return (
    <th scope="col" className={`pr-3 pb-2 ${className}`} aria-sort={current ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={`/admin/feedback?sort=${column}&dir=${dir}`} className="text-brand-700 underline">
        {label}
        {current && <span aria-hidden="true">{sort.direction === "asc" ? " ▲" : " ▼"}</span>}
        <span className="sr-only">{t(dir === "asc" ? "sortAsc" : "sortDesc")}</span>
      </Link>
    </th>
  );
}
