/** What the console shows per session: the number of answers, the average and the distribution. */

export type RatingSummary = {
  count: number;
  /** Null without answers; rounded to two decimals. */
  average: number | null;
  /** How many answers gave 1, 2, 3, 4 and 5, in that order. */
  distribution: [number, number, number, number, number];
};

export function summarise(ratings: readonly number[]): RatingSummary {
  const distribution: RatingSummary["distribution"] = [0, 0, 0, 0, 0];
  let total = 0;
  for (const rating of ratings) {
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) continue;
    distribution[rating - 1]! += 1;
    total += rating;
  }
  const count = distribution.reduce((a, b) => a + b, 0);
  return { count, average: count === 0 ? null : Math.round((total / count) * 100) / 100, distribution };
}

export const SUMMARY_SORTS = ["time", "title", "answers", "average"] as const;
export type SummarySort = (typeof SUMMARY_SORTS)[number];
export type SortDirection = "asc" | "desc";

export type SortableSummary = RatingSummary & { startsAt: Date; title: string };

/** Sessions without answers go last whichever way the average is sorted: they have none. */
export function sortSummaries<T extends SortableSummary>(rows: readonly T[], by: SummarySort, direction: SortDirection): T[] {
  const sign = direction === "asc" ? 1 : -1;
  const key = (row: T): number | string | null =>
    by === "time" ? row.startsAt.getTime() : by === "title" ? row.title : by === "answers" ? row.count : row.average;
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === kb ? a.startsAt.getTime() - b.startsAt.getTime() : ka === null ? 1 : -1;
    const order = typeof ka === "string" ? ka.localeCompare(kb as string) : ka - (kb as number);
    return order !== 0 ? sign * order : a.startsAt.getTime() - b.startsAt.getTime();
  });
}

/** The sort named in the console's query string, or the default (by time, earliest first). */
export function parseSort(by: unknown, direction: unknown): { by: SummarySort; direction: SortDirection } {
  const sort = (SUMMARY_SORTS as readonly unknown[]).includes(by) ? (by as SummarySort) : "time";
  return { by: sort, direction: direction === "desc" ? "desc" : "asc" };
}
