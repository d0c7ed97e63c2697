/**
 * The JavaScript each kind of public page may load: compressed bytes of every script the browser
 * fetches for it (framework, page chunks, and what the page then prefetches), as measured by
 * e2e/js-budget.spec.ts against the production build. The README's table repeats these figures.
 * About 4 KB above what the pages loaded when they were set (2026-12-02): a change that adds a
 * library to a page fails (the spec checks the catalogue apart); keep the README's table in step when you change one.
 */
export const JS_BUDGET_KB = {
  /** Speaker, session, quote and privacy pages: text, a star button at most. */
  text: 142,
  /** The home page: text and the now-and-next island. */
  home: 144,
  /** The agenda: filters, day tabs, stars, with next-intl for its island. */
  agenda: 162,
  /** The quote archive: search and filters, with next-intl for its island. */
  quotes: 159,
} as const;

export type PageKind = keyof typeof JS_BUDGET_KB;
