/** How a quote renders its speaker's words, and the language it was said in; db/schema.ts stores these. */
export const quoteKinds = ["direct", "paraphrase"] as const;
export type QuoteKind = (typeof quoteKinds)[number];

export const quoteLanguages = ["en", "zh"] as const;
