import { dictionary } from "@zxcvbn-ts/language-common";

/** The 1,000 most common passwords (zxcvbn's list, ranked by frequency in leaked sets). */
const COMMON = new Set(
  ((dictionary as Record<string, string[]>)["passwords-common"] ?? []).slice(0, 1000),
);

if (COMMON.size < 900) throw new Error("The common-password list did not load");

export function isCommonPassword(lowerCased: string): boolean {
  return COMMON.has(lowerCased);
}
