"use client";

import { useCallback, useEffect, useState } from "react";

const POLL_MS = 5_000;

type Counts = { checkedIn: number; expected: number };

async function fetchCounts(day: string): Promise<Counts | null> {
  try {
    const response = await fetch(`/api/checkin?day=${encodeURIComponent(day)}`, { cache: "no-store" });
    return response.ok ? ((await response.json()) as Counts) : null;
  } catch {
    return null; // offline for a moment: the next poll tries again
  }
}

/** The day's counts, polled while the page is open so that several doors see each other's work. */
export function useDayCounts(day: string) {
  const [counts, setCounts] = useState<(Counts & { day: string }) | null>(null);
  const refresh = useCallback(() => {
    void fetchCounts(day).then((c) => c && setCounts({ ...c, day }));
  }, [day]);
  useEffect(() => {
    const timer = setInterval(refresh, POLL_MS);
    const first = setTimeout(refresh, 0);
    return () => {
      clearInterval(timer);
      clearTimeout(first);
    };
  }, [refresh]);
  // Counts of the day shown before a change are not this day's.
  return { counts: counts?.day === day ? { checkedIn: counts.checkedIn, expected: counts.expected } : null, refresh };
}
