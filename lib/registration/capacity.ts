/**
 * Seats for the whole forum: the capacity set in the console (events.capacity) wins; until one is
 * set, FORUM_CAPACITY, and 250 without either.
 */
export function forumCapacity(stored?: number | null): number {
  if (typeof stored === "number" && Number.isInteger(stored) && stored >= 0) return stored;
  const value = Number(process.env.FORUM_CAPACITY ?? 250);
  return Number.isInteger(value) && value >= 0 ? value : 250;
}
