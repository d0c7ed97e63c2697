/**
 * The steady rate of an announcement: each recipient's email is due one interval after the one
 * before, so the mail worker sends them at ANNOUNCEMENT_RATE_PER_MINUTE, not all at once.
 */

export const DEFAULT_RATE_PER_MINUTE = 60;

/** The configured rate; an unset, non-numeric or non-positive value is the default. */
export function ratePerMinute(value: string | undefined = process.env.ANNOUNCEMENT_RATE_PER_MINUTE): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== "" && Number.isFinite(n) && n > 0 ? Math.min(n, 60_000) : DEFAULT_RATE_PER_MINUTE;
}

/** Milliseconds between two emails at `rate` a minute. */
export function intervalMs(rate: number): number {
  return Math.max(1, Math.round(60_000 / rate));
}

/**
 * When each of `count` emails is due: the first at `start` (or right after the last email already
 * scheduled, `after`, so that two announcements sent together share the rate), then one per interval.
 */
export function dueTimes(count: number, start: number, rate: number, after: number | null = null): number[] {
  const step = intervalMs(rate);
  const first = after === null ? start : Math.max(start, after + step);
  return Array.from({ length: count }, (_, i) => first + i * step);
}
