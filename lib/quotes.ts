/** Filtering the quote archive; shared by the server render and the browser. */
import { isZh } from "./localized";
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

type Summarised = { kind: "direct" | "paraphrase"; text: string; language: "en" | "zh"; translation: string | null };

/**
 * One line for a link preview or a feed: the words in the reader's language. A translation is
 * the site's, never the person's words, and says so before it; only a direct quote is in marks.
 */
export function quoteSummary(locale: string, q: Summarised, name: string, translationLabel: string): string {
  const zh = isZh(locale);
  const translated = zh !== (q.language === "zh") && q.translation !== null;
  const words = translated ? q.translation! : q.text;
  const shown = q.kind === "direct" ? `“${words}”` : words;
  const line = `${shown} — ${name}`;
  return translated ? `${translationLabel}${zh ? "：" : ": "}${line}` : line;
}
