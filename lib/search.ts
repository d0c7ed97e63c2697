/** Search that works the same in English and Chinese, on the server and in the browser. */

export const MAX_QUERY_LENGTH = 200;

/**
 * Folds case, width (full-width Latin, NFKC), accents and typographic quotes so that a query
 * typed on any keyboard finds the text. Chinese characters pass through unchanged.
 */
export function normalize(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\s\u3000]+/g, " ")
    .trim();
}

/** The words of a query, each to be found somewhere in the text; quotes and punctuation dropped. */
export function queryTerms(query: string): string[] {
  const cleaned = normalize(query.slice(0, MAX_QUERY_LENGTH * 4))
    .slice(0, MAX_QUERY_LENGTH)
    .replace(/["'“”‘’`]/g, " ")
    .replace(/[\p{P}\p{S}]+/gu, " ");
  return [...new Set(cleaned.split(" ").filter(Boolean))];
}

/** Builds the text a record is searched by, from all its fields in both languages. */
export function searchText(fields: readonly (string | null | undefined)[]): string {
  return normalize(fields.filter(Boolean).join(" \u0000 "))
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/ +/g, " ");
}

/** True when every term of the query occurs in the record's search text. */
export function matches(haystack: string, terms: readonly string[]): boolean {
  return terms.every((term) => haystack.includes(term));
}
