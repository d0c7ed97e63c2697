/** Where each badge goes: A6 sheets one badge each, or A4 sheets cut into four A6 badges. */
import type { BadgeLayout } from "./filters";

// PDF points (1/72 inch).
export const A6 = { width: 297.64, height: 419.53 } as const;
export const A4 = { width: 595.28, height: 841.89 } as const;

export type Slot = { page: number; x: number; y: number; width: number; height: number };

export function pageSize(layout: BadgeLayout) {
  return layout === "a6" ? A6 : A4;
}

export function perPage(layout: BadgeLayout): number {
  return layout === "a6" ? 1 : 4;
}

/** The n-th badge's page (from 0) and rectangle: on A4, left to right, then top to bottom. */
export function slot(layout: BadgeLayout, index: number): Slot {
  const n = perPage(layout);
  const page = Math.floor(index / n);
  const i = index % n;
  const width = A4.width / 2;
  const height = A4.height / 2;
  if (layout === "a6") return { page, x: 0, y: 0, ...A6 };
  return { page, x: (i % 2) * width, y: Math.floor(i / 2) * height, width, height };
}

/**
 * The category's band colour, each dark enough for white text (contrast 4.5:1 or more); the band
 * also prints the category's name, so nothing depends on telling colours apart.
 */
export const CATEGORY_COLORS: Record<string, string> = {
  industry: "#1d4ed8",
  media: "#b45309",
  government: "#b91c1c",
  academia: "#047857",
  other: "#475569",
};

/** The largest font size, from `max` down to `min`, at which `measure` says the text fits. */
export function fitSize(measure: (size: number) => number, available: number, max: number, min: number): number {
  for (let size = max; size > min; size -= 1) if (measure(size) <= available) return size;
  return min;
}
