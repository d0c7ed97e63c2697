/** Filtering the quote archive; shared by the server render and the browser. */
import { matches, queryTerms, searchText } from "./search";

type Named = { slug: string; nameEn: string; nameZh: string | null };

export type QuoteItem = {
  text: string;
  translation: string | null;
  speaker: Named;
  topics: { topic: Named }[];
  session: { titleEn: string; titleZh: string } | null;
};

export type QuoteQuery = { speaker: string | null; topic: string | null; q: string };

type Params = { get(name: string): string | null };

export function parseQuoteQuery(
  params: Params,
  options: { speakers: readonly string[]; topics: readonly string[] },
): QuoteQuery {
  const speaker = params.get("speaker");
  const topic = params.get("topic");
  return {
    speaker: speaker && options.speakers.includes(speaker) ? speaker : null,
    topic: topic && options.topics.includes(topic) ? topic : null,
    q: (params.get("q") ?? "").slice(0, 200),
  };
}

export function quoteQueryString(query: QuoteQuery): string {
  const params = new URLSearchParams();
  if (query.speaker) params.set("speaker", query.speaker);
  if (query.topic) params.set("topic", query.topic);
  if (query.q.trim()) params.set("q", query.q);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function quoteSearchText(item: QuoteItem): string {
  return searchText([
    item.text,
    item.translation,
    item.speaker.nameEn,
    item.speaker.nameZh,
    item.session?.titleEn,
    item.session?.titleZh,
    ...item.topics.flatMap(({ topic }) => [topic.nameEn, topic.nameZh]),
  ]);
}

export function filterQuotes<T extends QuoteItem>(items: readonly T[], query: QuoteQuery): T[] {
  const terms = queryTerms(query.q);
  return items.filter(
    (item) =>
      (!query.speaker || item.speaker.slug === query.speaker) &&
      (!query.topic || item.topics.some(({ topic }) => topic.slug === query.topic)) &&
      (terms.length === 0 || matches(quoteSearchText(item), terms)),
  );
}
