import "server-only";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { quotes, topics } from "../schema";
import { editionPrefix } from "../../lib/edition";
import { publicMaterials } from "../../lib/materials/public";
import { listEditions } from "./event";
import { publicSpeakerIds } from "./public-speakers";

/** Quotes of speakers the public may see: see publicSpeakerCondition. */
function findQuotes(where?: SQL) {
  const prefixes = new Map(listEditions().map((e) => [e.id, editionPrefix(e)]));
  return findQuoteRows(where).map(({ session, ...q }) => ({
    ...q,
    session: session && withoutMaterials(session),
    editionPrefix: prefixes.get(q.eventId) ?? "",
    /** The moment of the session's recording the words are said at, where a recording is published. */
    moment: session && publicMaterials(session.materials).recording ? q.recordingOffset : null,
  }));
}

function withoutMaterials<S extends { materials: unknown }>({ materials: _m, ...session }: S): Omit<S, "materials"> {
  return session;
}

function findQuoteRows(where?: SQL) {
  return getDb().query.quotes.findMany({
    where: and(inArray(quotes.speakerId, publicSpeakerIds()), where),
    with: {
      speaker: true,
      source: true,
      session: { with: { materials: true } },
      topics: { with: { topic: true } },
    },
    orderBy: [asc(quotes.id)],
  }).sync();
}

/** `editionPrefix`: where its edition's pages are ("" for the current edition, "/2024"), for the link to its session. */
export type QuoteWithDetails = ReturnType<typeof findQuotes>[number];

/** The archive spans editions; with an edition, only the quotes said at that one. */
export function listQuotes(eventId?: number): QuoteWithDetails[] {
  return findQuotes(eventId === undefined ? undefined : eq(quotes.eventId, eventId)).map(hideUnpublishedSession);
}

export function getQuote(id: number): QuoteWithDetails | undefined {
  const [quote] = findQuotes(eq(quotes.id, id));
  return quote && hideUnpublishedSession(quote);
}

export function listQuotesBySpeaker(speakerId: number): QuoteWithDetails[] {
  return findQuotes(eq(quotes.speakerId, speakerId)).map(hideUnpublishedSession);
}

export function listQuoteIds(): number[] {
  return getDb()
    .select({ id: quotes.id })
    .from(quotes)
    .where(inArray(quotes.speakerId, publicSpeakerIds()))
    .all()
    .map((r) => r.id);
}

export function listTopics() {
  return getDb().select().from(topics).orderBy(asc(topics.nameEn)).all();
}

/** A quote may name a session still in draft; the public must not learn of it through the quote. */
function hideUnpublishedSession(q: QuoteWithDetails): QuoteWithDetails {
  return q.session && q.session.status === "draft" ? { ...q, session: null, moment: null } : q;
}
