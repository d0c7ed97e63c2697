/** What a quote may contain, and its source: the console's one set of rules for create and edit. */
import { z } from "zod";
import { quoteKinds, quoteLanguages } from "../quote-kinds";
import { parseOffset } from "../materials/offset";
import { isCalendarDate } from "../time";

/** Error codes, each with a message under "quotesAdmin.errors" in messages/*.json. */
export type QuoteFieldError =
  | "required"
  | "tooLong"
  | "invalidType"
  | "invalidId"
  | "invalidDate"
  | "invalidUrl"
  | "quoteMarks"
  | "sourceRequired"
  | "tooManyTopics"
  | "offsetInvalid"
  | "offsetNegative"
  | "offsetNeedsSession";

export const QUOTE_LIMITS = {
  text: 2000,
  publisher: 200,
  title: 300,
  url: 2000,
  topics: 20,
} as const;

/** A form string: trimmed at the ends only, so a direct quote keeps every word and mark inside. */
const trimmed = z.string({ error: "invalidType" }).transform((s) => s.trim());

const text = (max: number) =>
  trimmed.pipe(z.string().min(1, { error: "required" }).max(max, { error: "tooLong" }));

const optionalText = (max: number) =>
  trimmed.pipe(z.string().max(max, { error: "tooLong" })).transform((s) => s || null);

const id = trimmed.pipe(
  z
    .string()
    .min(1, { error: "required" })
    .regex(/^[1-9]\d{0,9}$/, { error: "invalidId" })
    .transform(Number),
);

const optionalId = trimmed.pipe(
  z
    .string()
    .regex(/^$|^[1-9]\d{0,9}$/, { error: "invalidId" })
    .transform((s) => (s ? Number(s) : null)),
);

export { isCalendarDate };

const date = (required: boolean) =>
  trimmed
    .pipe(
      z
        .string()
        .refine((s) => !required || s.length > 0, { error: "required" })
        .refine((s) => s.length === 0 || isCalendarDate(s), { error: "invalidDate" }),
    )
    .transform((s) => s || null);

/**
 * A moment in the session's recording, as typed ("12:34", "1:02:03", seconds): whole seconds or
 * null. Absent reads as empty: a form made before the field existed still saves.
 */
const offset = z.string({ error: "invalidType" }).optional().transform((s = "", ctx) => {
  const parsed = parseOffset(s);
  if (parsed.ok) return parsed.seconds;
  ctx.addIssue({ code: "custom", message: parsed.error });
  return z.NEVER;
});

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Wrapped whole in quotation marks: the site adds its own around a direct quote. */
const WRAPPED = /^["“”「『'‘].*["“”」』'’]$/su;

export const quoteSchema = z
  .strictObject(
    {
      speakerId: id,
      kind: z.enum(quoteKinds, { error: "invalidType" }),
      language: z.enum(quoteLanguages, { error: "invalidType" }),
      text: text(QUOTE_LIMITS.text),
      translation: optionalText(QUOTE_LIMITS.text),
      saidOn: date(false),
      sessionId: optionalId,
      recordingOffset: offset,
      topicIds: z
        .array(id, { error: "invalidType" })
        .max(QUOTE_LIMITS.topics, { error: "tooManyTopics" })
        .transform((ids) => [...new Set(ids)]),
      sourceMode: z.enum(["existing", "new"], { error: "sourceRequired" }),
      sourceId: optionalId,
      sourcePublisher: optionalText(QUOTE_LIMITS.publisher),
      sourceTitle: optionalText(QUOTE_LIMITS.title),
      sourcePublishedOn: date(false),
      sourceUrl: optionalText(QUOTE_LIMITS.url),
    },
    { error: () => "invalidType" },
  )
  .superRefine((q, ctx) => {
    // The moment is in a session's recording: without a session it points nowhere.
    if (q.recordingOffset !== null && q.sessionId === null) {
      ctx.addIssue({ code: "custom", path: ["recordingOffset"], message: "offsetNeedsSession" });
    }
    if (q.kind === "direct" && WRAPPED.test(q.text)) {
      ctx.addIssue({ code: "custom", path: ["text"], message: "quoteMarks" });
    }
    if (q.sourceMode === "existing") {
      if (q.sourceId === null) ctx.addIssue({ code: "custom", path: ["sourceId"], message: "sourceRequired" });
      return;
    }
    if (!q.sourceTitle) ctx.addIssue({ code: "custom", path: ["sourceTitle"], message: "required" });
    if (!q.sourcePublishedOn) ctx.addIssue({ code: "custom", path: ["sourcePublishedOn"], message: "required" });
    if (q.sourceUrl && !isHttpUrl(q.sourceUrl)) {
      ctx.addIssue({ code: "custom", path: ["sourceUrl"], message: "invalidUrl" });
    }
  })
  .transform(({ sourceMode, sourceId, sourcePublisher, sourceTitle, sourcePublishedOn, sourceUrl, ...quote }) => ({
    ...quote,
    source:
      sourceMode === "existing"
        ? { kind: "existing" as const, id: sourceId as number }
        : {
            kind: "new" as const,
            publisher: sourcePublisher,
            title: sourceTitle as string,
            publishedOn: sourcePublishedOn as string,
            url: sourceUrl,
          },
  }));

export type QuoteInput = z.output<typeof quoteSchema>;

const FIELDS = [
  "speakerId",
  "kind",
  "language",
  "text",
  "translation",
  "saidOn",
  "sessionId",
  "recordingOffset",
  "sourceMode",
  "sourceId",
  "sourcePublisher",
  "sourceTitle",
  "sourcePublishedOn",
  "sourceUrl",
] as const;

export type QuoteFormValues = Record<(typeof FIELDS)[number], string> & { topicIds: string[] };

type FormLike = { get(name: string): unknown; getAll(name: string): unknown[] };

/** The form as typed, to validate and to give back with its errors. A missing field reads as empty. */
export function readQuoteForm(form: FormLike): QuoteFormValues {
  const values = {
    topicIds: form.getAll("topicIds").filter((v): v is string => typeof v === "string"),
  } as QuoteFormValues;
  for (const field of FIELDS) {
    const value = form.get(field);
    values[field] = typeof value === "string" ? value : "";
  }
  return values;
}

/** First error per field, keyed by field name. */
export function quoteErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "form")] ??= issue.message;
  return out;
}
