/**
 * The JavaScript each kind of public page may load, in compressed KB, as measured by
 * e2e/js-budget.spec.ts against the production build; the README's table repeats these figures.
 * `atLoad`: what a visit fetches before the person does anything. These pages wake on interaction
 * (server/wake-on-interaction.mjs): public/wake.js alone, until the first touch, key or focus.
 * `woken`: everything fetched once React has taken the page over (framework, page chunks).
 * About 4 KB above what the pages loaded when they were set (2026-12-03; woken includes wake.js, 4.9 KB): a change that adds a
 * library to a page fails; keep the README's table in step when you change one.
 */
export const JS_BUDGET_KB = {
  atLoad: { text: 6, home: 6, agenda: 6, quotes: 6 },
  woken: {
    /** Speaker, session, quote and privacy pages: text, a star button at most. */
    text: 150,
    /** The home page: text (its now-and-next box is wake.js's). */
    home: 146,
    /** The agenda: filters, day tabs, stars, with next-intl for its island. */
    agenda: 166,
    /** The quote archive: search and filters, with next-intl for its island. */
    quotes: 164,
  },
} as const;

export type PageKind = keyof typeof JS_BUDGET_KB.woken;
