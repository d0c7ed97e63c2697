/** The console's reads and writes of quotes and their sources; every write leaves an audit row. */
import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import type { QuoteInput } from "../../lib/quotes-editor/input";
import { getDb, type Tx } from "../client";
import { events, quoteTopics, quotes, sessions, sources, speakers, topics, type Quote } from "../schema";
import { checkOffset } from "../../lib/materials/offset";
import { recordAudit } from "./audit";
import { recordingLengthOf } from "./materials";
import { getEvent } from "./event";
import { publicSpeakerIds } from "./public-speakers";

export function listQuotesForConsole() {
  return getDb()
    .query.quotes.findMany({
      with: { speaker: true, source: true },
      orderBy: [desc(quotes.id)],
    })
    .sync();
}

export type ConsoleQuote = ReturnType<typeof listQuotesForConsole>[number];

export function getQuoteForConsole(id: number) {
  const quote = getDb()
    .query.quotes.findFirst({ where: eq(quotes.id, id), with: { topics: true } })
    .sync();
  if (!quote) return undefined;
  const { topics: links, ...rest } = quote;
  return { ...rest, topicIds: links.map((l) => l.topicId) };
}

/** What the quote form offers to pick from. Draft sessions too: a quote may be filed ahead. */
export function quoteEditorOptions() {
  const db = getDb();
  return {
    speakers: db
      .select({ id: speakers.id, nameEn: speakers.nameEn, nameZh: speakers.nameZh })
      .from(speakers)
      .orderBy(asc(speakers.nameEn), asc(speakers.id))
      .all(),
    sessions: db
      .select({ id: sessions.id, titleEn: sessions.titleEn, titleZh: sessions.titleZh, status: sessions.status })
      .from(sessions)
      .orderBy(asc(sessions.startsAt), asc(sessions.id))
      .all(),
    sources: db.select().from(sources).orderBy(desc(sources.publishedOn), asc(sources.id)).all(),
    topics: db.select().from(topics).orderBy(asc(topics.nameEn)).all(),
  };
}

export type QuoteEditorOptions = ReturnType<typeof quoteEditorOptions>;

/** A field that names a row that is not there: "unknownSpeaker" etc., shown next to that field. */
export type QuoteSaveResult =
  | { ok: true; quote: Quote; sessionSlugs: string[]; speakerSlugs: string[]; editionPaths: string[] }
  | { ok: false; errors: Record<string, string> }
  | { ok: false; notFound: true };

function snapshot(quote: Quote, topicIds: number[]) {
  const { createdAt: _c, ...rest } = quote;
  return { ...rest, topicIds: [...topicIds].sort((a, b) => a - b) };
}

/** Every id the input names must exist; checked in the transaction that writes. */
function checkReferences(tx: Tx, input: QuoteInput): Record<string, string> {
  const errors: Record<string, string> = {};
  const speaker = tx.select({ id: speakers.id, sourceId: speakers.sourceId }).from(speakers).where(eq(speakers.id, input.speakerId)).get();
  if (!speaker) errors.speakerId = "unknownSpeaker";
  // A source does not say in which session its people spoke: their words name no session.
  else if (speaker.sourceId !== null && input.sessionId !== null) errors.sessionId = "realPersonSession";
  if (input.sessionId !== null && !tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, input.sessionId)).get()) {
    errors.sessionId = "unknownSession";
  }
  // The moment must fall within the recording, where its length is known.
  if (input.recordingOffset !== null && input.sessionId !== null && !errors.sessionId) {
    const problem = checkOffset(input.recordingOffset, recordingLengthOf(tx, input.sessionId).seconds);
    if (problem) errors.recordingOffset = problem;
  }
  if (input.topicIds.length > 0) {
    const found = tx.select({ id: topics.id }).from(topics).where(inArray(topics.id, input.topicIds)).all();
    if (found.length !== input.topicIds.length) errors.topicIds = "unknownTopic";
  }
  if (input.source.kind === "existing") {
    if (!tx.select({ id: sources.id }).from(sources).where(eq(sources.id, input.source.id)).get()) {
      errors.sourceId = "unknownSource";
    }
  }
  return errors;
}

function resolveSource(tx: Tx, input: QuoteInput, actor: string): number {
  if (input.source.kind === "existing") return input.source.id;
  const { kind: _k, ...fields } = input.source;
  const created = tx.insert(sources).values(fields).returning().get();
  recordAudit(tx, { actor, action: "source.create", entity: "source", entityId: created.id, after: created });
  return created.id;
}

function sessionSlugs(tx: Tx, ids: (number | null)[]): string[] {
  const present = ids.filter((id): id is number => id !== null);
  if (present.length === 0) return [];
  return tx.select({ slug: sessions.slug }).from(sessions).where(inArray(sessions.id, present)).all().map((r) => r.slug);
}

/** The address segments of the editions the quotes belong to: each shows its quotes and sessions there. */
function editionPaths(tx: Tx, ids: number[]): string[] {
  return tx.select({ path: events.path }).from(events).where(inArray(events.id, ids)).all().map((r) => r.path);
}

function speakerSlugs(tx: Tx, ids: number[]): string[] {
  return tx.select({ slug: speakers.slug }).from(speakers).where(inArray(speakers.id, ids)).all().map((r) => r.slug);
}

/** A quote said in a session belongs to that session's edition; any other to `otherwise`. */
function editionOf(tx: Tx, input: QuoteInput, otherwise: number): number {
  if (input.sessionId == null) return otherwise;
  return tx.select({ eventId: sessions.eventId }).from(sessions).where(eq(sessions.id, input.sessionId)).get()?.eventId ?? otherwise;
}

function quoteValues(input: QuoteInput, sourceId: number) {
  return {
    speakerId: input.speakerId,
    sessionId: input.sessionId,
    sourceId,
    kind: input.kind,
    text: input.text,
    language: input.language,
    translation: input.translation,
    saidOn: input.saidOn,
    recordingOffset: input.recordingOffset,
  };
}

function setTopics(tx: Tx, quoteId: number, topicIds: number[]) {
  tx.delete(quoteTopics).where(eq(quoteTopics.quoteId, quoteId)).run();
  if (topicIds.length > 0) tx.insert(quoteTopics).values(topicIds.map((topicId) => ({ quoteId, topicId }))).run();
}

export function createQuote(input: QuoteInput, actor: string): QuoteSaveResult {
  return getDb().transaction(
    (tx) => {
      const errors = checkReferences(tx, input);
      if (Object.keys(errors).length > 0) return { ok: false as const, errors };
      const sourceId = resolveSource(tx, input, actor);
      const quote = tx.insert(quotes).values({ ...quoteValues(input, sourceId), eventId: editionOf(tx, input, getEvent().id) }).returning().get();
      setTopics(tx, quote.id, input.topicIds);
      recordAudit(tx, {
        actor,
        action: "quote.create",
        entity: "quote",
        entityId: quote.id,
        after: snapshot(quote, input.topicIds),
      });
      return { ok: true as const, quote, sessionSlugs: sessionSlugs(tx, [quote.sessionId]), speakerSlugs: speakerSlugs(tx, [quote.speakerId]), editionPaths: editionPaths(tx, [quote.eventId]) };
    },
    { behavior: "immediate" },
  );
}

export function updateQuote(id: number, input: QuoteInput, actor: string): QuoteSaveResult {
  return getDb().transaction(
    (tx) => {
      const before = tx.select().from(quotes).where(eq(quotes.id, id)).get();
      if (!before) return { ok: false as const, notFound: true as const };
      const errors = checkReferences(tx, input);
      if (Object.keys(errors).length > 0) return { ok: false as const, errors };
      const beforeTopics = tx.select({ id: quoteTopics.topicId }).from(quoteTopics).where(eq(quoteTopics.quoteId, id)).all().map((r) => r.id);
      const sourceId = resolveSource(tx, input, actor);
      const quote = tx.update(quotes).set({ ...quoteValues(input, sourceId), eventId: editionOf(tx, input, before.eventId) }).where(eq(quotes.id, id)).returning().get();
      setTopics(tx, id, input.topicIds);
      recordAudit(tx, {
        actor,
        action: "quote.update",
        entity: "quote",
        entityId: id,
        before: snapshot(before, beforeTopics),
        after: snapshot(quote, input.topicIds),
      });
      return {
        ok: true as const,
        quote,
        sessionSlugs: sessionSlugs(tx, [before.sessionId, quote.sessionId]),
        speakerSlugs: speakerSlugs(tx, [before.speakerId, quote.speakerId]),
        editionPaths: editionPaths(tx, [before.eventId, quote.eventId]),
      };
    },
    { behavior: "immediate" },
  );
}

export function deleteQuote(id: number, actor: string): { ok: true; sessionSlugs: string[]; speakerSlugs: string[]; editionPaths: string[] } | { ok: false } {
  return getDb().transaction(
    (tx) => {
      const before = tx.select().from(quotes).where(eq(quotes.id, id)).get();
      if (!before) return { ok: false as const };
      const beforeTopics = tx.select({ id: quoteTopics.topicId }).from(quoteTopics).where(eq(quoteTopics.quoteId, id)).all().map((r) => r.id);
      tx.delete(quotes).where(eq(quotes.id, id)).run();
      recordAudit(tx, { actor, action: "quote.delete", entity: "quote", entityId: id, before: snapshot(before, beforeTopics) });
      return { ok: true as const, sessionSlugs: sessionSlugs(tx, [before.sessionId]), speakerSlugs: speakerSlugs(tx, [before.speakerId]), editionPaths: editionPaths(tx, [before.eventId]) };
    },
    { behavior: "immediate" },
  );
}

/** Speakers whose quotes the public site shows; the console marks the others' quotes as private. */
export function publicSpeakerIdSet(): Set<number> {
  return new Set(publicSpeakerIds().all().map((r) => r.id));
}
