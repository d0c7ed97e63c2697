/** The console's quote list: a search over the words, the speaker and the source, and a speaker filter. */
import { matches, queryTerms, searchText } from "../search";

export type ConsoleQuoteItem = {
  speakerId: number;
  text: string;
  translation: string | null;
  speaker: { nameEn: string; nameZh: string | null };
  source: { title: string; publisher: string | null };
};

export type ConsoleQuoteQuery = { q: string; speakerId: number | null };

type Params = Record<string, string | string[] | undefined>;

export function parseConsoleQuoteQuery(params: Params): ConsoleQuoteQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const speaker = first(params.speaker);
  return {
    q: first(params.q).slice(0, 200),
    speakerId: /^[1-9]\d{0,9}$/.test(speaker) ? Number(speaker) : null,
  };
}

export function filterConsoleQuotes<T extends ConsoleQuoteItem>(items: readonly T[], query: ConsoleQuoteQuery): T[] {
  const terms = queryTerms(query.q);
  return items.filter(
    (item) =>
      (query.speakerId === null || item.speakerId === query.speakerId) &&
      (terms.length === 0 ||
        matches(
          searchText([
            item.text,
            item.translation,
            item.speaker.nameEn,
            item.speaker.nameZh,
            item.source.title,
            item.source.publisher,
          ]),
          terms,
        )),
  );
}
