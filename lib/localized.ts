export const locales = ["en", "zh-CN"] as const;
export type Locale = (typeof locales)[number];

export function isZh(locale: string): boolean {
  return locale.startsWith("zh");
}

/** The text in the reader's language, falling back to English where no Chinese is recorded. */
export function pick(locale: string, en: string, zh: string | null | undefined): string {
  return isZh(locale) && zh ? zh : en;
}
