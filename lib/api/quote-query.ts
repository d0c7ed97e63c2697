/** The query string of GET /api/v1/quotes: filters as on the site, and cursor pagination. */
import { z } from "zod";
import type { QuoteQuery } from "../quotes";
import { MAX_QUERY_LENGTH } from "../search";

export const QUOTE_LIMIT = { default: 20, max: 100 } as const;

export type QuoteListQuery = QuoteQuery & {
  limit: number;
  /** Items after this id; null for the first page. */
  after: number | null;
};

export type QuoteQueryParameter = "limit" | "cursor" | "q";
export type ParsedQuoteQuery =
  | { ok: true; query: QuoteListQuery }
  | { ok: false; parameter: QuoteQueryParameter; error: string };

const ID = /^[1-9]\d{0,9}$/;

/** The opaque cursor: base64url of the last id a page held. */
export function encodeCursor(id: number): string {
  return Buffer.from(String(id), "utf8").toString("base64url");
}

/** The id a cursor stands for, or null when it is not one this API wrote. */
export function decodeCursor(cursor: string): number | null {
  if (!/^[A-Za-z0-9_-]{1,16}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!ID.test(text)) return null;
  const id = Number(text);
  // Only the one spelling this API writes: other strings that happen to decode are refused too.
  return encodeCursor(id) === cursor ? id : null;
}

const optional = (params: URLSearchParams, name: string) => params.get(name) ?? undefined;

const schema = z.object({
  limit: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(QUOTE_LIMIT.max))
    .default(QUOTE_LIMIT.default),
  cursor: z
    .string()
    .transform(
      (c, ctx) =>
        decodeCursor(c) ?? (ctx.addIssue({ code: "custom", message: "bad cursor" }), z.NEVER),
    )
    .optional(),
  q: z.string().max(MAX_QUERY_LENGTH).default(""),
  speaker: z.string().optional(),
  topic: z.string().optional(),
});

const messages: Record<QuoteQueryParameter, string> = {
  limit: `limit must be a whole number from 1 to ${QUOTE_LIMIT.max}.`,
  cursor: "cursor is not valid: send back the nextCursor of an earlier answer unchanged.",
  q: `q must be at most ${MAX_QUERY_LENGTH} characters.`,
};

/**
 * A malformed limit or cursor is an error, so that a client never walks the wrong pages without
 * knowing; the route answers unknown speakers and topics with a 400 too, once it has the names.
 */
export function parseQuoteListQuery(params: URLSearchParams): ParsedQuoteQuery {
  const parsed = schema.safeParse({
    limit: optional(params, "limit"),
    cursor: optional(params, "cursor"),
    q: optional(params, "q"),
    speaker: optional(params, "speaker"),
    topic: optional(params, "topic"),
  });
  if (!parsed.success) {
    const parameter = String(parsed.error.issues[0]?.path[0] ?? "limit") as QuoteQueryParameter;
    return { ok: false, parameter, error: messages[parameter] ?? messages.limit };
  }
  const { limit, cursor, q, speaker, topic } = parsed.data;
  return {
    ok: true,
    query: { limit, after: cursor ?? null, q, speaker: speaker ?? null, topic: topic ?? null },
  };
}

/** One page of items in id order, and the cursor of the next page when there is one. */
export function paginate<T extends { id: number }>(
  items: readonly T[],
  after: number | null,
  limit: number,
): { page: T[]; nextCursor: string | null } {
  const rest = items
    .filter((item) => after === null || item.id > after)
    .toSorted((a, b) => a.id - b.id);
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rest.length > limit && last ? encodeCursor(last.id) : null };
}
