/**
 * The read-only part of the OpenAPI document (lib/api/openapi.ts): sessions, speakers and quotes.
 * e2e/api-read.spec.ts checks every answer of these endpoints against it.
 */
import { quoteKinds, quoteLanguages } from "../quote-kinds";
import { sessionTypes, speakerRoles } from "../sessions/kinds";
import { VIDEO_HOSTS } from "../materials/recording";
import { MAX_QUERY_LENGTH } from "../search";
import { QUOTE_LIMIT } from "./quote-query";

const SLUG_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: object) => ({ anyOf: [schema, { type: "null" }] });
const string = { type: "string" };
const slug = { type: "string", pattern: SLUG_PATTERN };
const url = { type: "string", description: "An absolute address on the forum's site." };
const instant = { type: "string", format: "date-time", description: "UTC." };

const object = (properties: Record<string, object>, description?: string) => ({
  type: "object",
  ...(description ? { description } : {}),
  required: Object.keys(properties),
  properties,
  additionalProperties: false,
});

const jsonContent = (name: string) => ({ "application/json": { schema: ref(name) } });

const cacheHeaders = {
  ETag: {
    description:
      "A weak validator of the body: send it back as If-None-Match to get a 304 while nothing changed.",
    schema: { type: "string" },
  },
  "Cache-Control": { schema: { const: "public, max-age=60" } },
  "Access-Control-Allow-Origin": { schema: { const: "*" } },
};

const ifNoneMatch = {
  name: "If-None-Match",
  in: "header",
  required: false,
  description: "The ETag of an earlier answer.",
  schema: { type: "string" },
};

const ok = (description: string, schema: string) => ({
  description,
  headers: cacheHeaders,
  content: jsonContent(schema),
});
const notModified = {
  description: "Not modified: the ETag sent in If-None-Match is still current. No body.",
  headers: cacheHeaders,
};
const notFound = (what: string) => ({
  description: `No ${what} has this slug (drafts included).`,
  content: jsonContent("Error"),
});

const preflight = (operationId: string) => ({
  operationId,
  summary: "CORS preflight",
  description: "Any origin may read; only GET, HEAD and OPTIONS are allowed.",
  responses: {
    "204": {
      description: "Allowed methods and headers.",
      headers: {
        Allow: { schema: { const: "GET, HEAD, OPTIONS" } },
        "Access-Control-Allow-Origin": { schema: { const: "*" } },
        "Access-Control-Allow-Methods": { schema: { const: "GET, HEAD, OPTIONS" } },
      },
    },
  },
});

const slugParameter = (what: string) => ({
  name: "slug",
  in: "path",
  required: true,
  description: `The ${what}'s slug, as in its address on the site.`,
  schema: slug,
});

const query = (name: string, description: string, schema: object) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});

const editionQuery = (what: string) =>
  query("edition", `An edition's acronym (\`caf2024\`, see /api/v1/editions): ${what}.`, { type: "string" });
const unknownEdition = {
  description: "`edition` names no edition; `parameter` says so.",
  content: jsonContent("QueryError"),
};

export const readPaths = {
  "/api/v1/editions": {
    get: {
      operationId: "listEditions",
      summary: "Every edition of the forum",
      description:
        "The latest first. An edition's `acronym` is the `edition` parameter of the other endpoints and the " +
        "conference acronym of its schedule exports; exactly one is `current`: the one the site's unprefixed " +
        "addresses and exports show.",
      parameters: [ifNoneMatch],
      responses: { "200": ok("The editions.", "EditionList"), "304": notModified },
    },
    options: preflight("preflightEditions"),
  },
  "/api/v1/sessions": {
    get: {
      operationId: "listSessions",
      summary: "One edition's public sessions",
      description:
        "Published sessions and cancelled ones (status `cancelled`), never drafts, in order of start then room; " +
        "of the current edition unless `edition` names another.",
      parameters: [editionQuery("its sessions instead of the current edition's"), ifNoneMatch],
      responses: { "200": ok("The sessions.", "SessionList"), "304": notModified, "400": unknownEdition },
    },
    options: preflight("preflightSessions"),
  },
  "/api/v1/sessions/{slug}": {
    parameters: [slugParameter("session")],
    get: {
      operationId: "getSession",
      summary: "One public session",
      description: "A slug names a session within an edition: the current one unless `edition` names another.",
      parameters: [editionQuery("the edition the slug is of"), ifNoneMatch],
      responses: {
        "200": ok("The session, with the quotes said in it.", "SessionDetail"),
        "304": notModified,
        "400": unknownEdition,
        "404": notFound("public session"),
      },
    },
    options: preflight("preflightSession"),
  },
  "/api/v1/speakers": {
    get: {
      operationId: "listSpeakers",
      summary: "Every person: the program's speakers, and the real people a source quotes",
      description: "People are the same across editions; `edition` keeps those on its sessions or quoted at it.",
      parameters: [editionQuery("only the people of that edition"), ifNoneMatch],
      responses: {
        "200": ok(
          "The people, by name. A real person named in a source carries it in `quotedIn` and is never on a session.",
          "SpeakerList",
        ),
        "304": notModified,
        "400": unknownEdition,
      },
    },
    options: preflight("preflightSpeakers"),
  },
  "/api/v1/speakers/{slug}": {
    parameters: [slugParameter("speaker")],
    get: {
      operationId: "getSpeaker",
      summary: "One speaker",
      parameters: [ifNoneMatch],
      responses: {
        "200": ok(
          "The person, their public sessions with their role in each (none for a real person), and their quotes.",
          "SpeakerDetail",
        ),
        "304": notModified,
        "404": notFound("speaker"),
      },
    },
    options: preflight("preflightSpeaker"),
  },
  "/api/v1/quotes": {
    get: {
      operationId: "listQuotes",
      summary: "The quote archive, a page at a time",
      description:
        "Filtered as the site's archive filters: `q` finds quotes whose words, translation, speaker, session " +
        "or topics hold every term (case, width and accents folded; English and Chinese alike). An unknown " +
        "speaker, topic or edition is a 400. The archive spans every edition unless `edition` names one. " +
        "Pages follow the quotes' ids; follow `nextCursor` until it is null.",
      parameters: [
        editionQuery("only the quotes of that edition"),
        query("q", "Search terms.", { type: "string", maxLength: MAX_QUERY_LENGTH }),
        query("speaker", "A speaker's slug.", string),
        query("topic", "A topic's slug.", string),
        query("limit", `Quotes per page, 1 to ${QUOTE_LIMIT.max}.`, {
          type: "integer",
          minimum: 1,
          maximum: QUOTE_LIMIT.max,
          default: QUOTE_LIMIT.default,
        }),
        query("cursor", "The `nextCursor` of the previous page, unchanged.", string),
        ifNoneMatch,
      ],
      responses: {
        "200": ok("One page of quotes.", "QuotePage"),
        "304": notModified,
        "400": {
          description: "`limit`, `cursor` or `q` is malformed, or `speaker`, `topic` or `edition` names nothing; `parameter` names which.",
          content: jsonContent("QueryError"),
        },
      },
    },
    options: preflight("preflightQuotes"),
  },
} as const;

const localized = object({ en: string, zh: string }, "The text in English and in Chinese.");
const localizedName = object(
  { en: string, zh: { type: ["string", "null"] } },
  "The name in English, and in Chinese where a source gives it.",
);
const speakerRef = { slug, name: ref("LocalizedName"), url };
const quoteSummary = {
  id: { type: "integer", minimum: 1 },
  url,
  kind: {
    enum: [...quoteKinds],
    description: "direct: the words as said; paraphrase: reported speech.",
  },
  text: { type: "string", description: "In the source's language." },
  language: { enum: [...quoteLanguages] },
};
const acronym = { type: "string", description: "The acronym of the session's or quote's edition (`caf2024`)." };
const session = {
  id: { type: "integer", minimum: 1 },
  slug,
  edition: acronym,
  url,
  type: { enum: [...sessionTypes] },
  status: { enum: ["published", "cancelled"] },
  startsAt: instant,
  endsAt: instant,
  timeZone: {
    type: "string",
    description: "The IANA zone of the session's edition, in which the forum shows every time.",
  },
  day: {
    type: "string",
    pattern: "^\\d{4}-\\d{2}-\\d{2}$",
    description: "The forum day, in its zone.",
  },
  title: ref("Localized"),
  abstract: ref("Localized"),
  room: nullable(object({ slug, name: ref("Localized") })),
  track: nullable(
    object({
      slug,
      name: ref("Localized"),
      color: { type: "string", pattern: "^#[0-9a-fA-F]{6}$" },
    }),
  ),
  seatLimit: { type: ["integer", "null"], description: "Seats that can be booked, where limited." },
  speakers: { type: "array", items: object({ ...speakerRef, role: { enum: [...speakerRoles] } }) },
  materials: object(
    {
      slides: nullable(
        object({
          url: { type: "string", description: "The PDF, at an address that never changes what it holds." },
          bytes: { type: "integer", minimum: 0 },
          pages: { type: ["integer", "null"] },
          previewUrl: { type: ["string", "null"], description: "The first page as a WebP image." },
        }),
      ),
      recording: nullable(
        object({
          url: { type: "string", description: "The video's page on its host, or the video file on the forum's site." },
          host: { enum: [...VIDEO_HOSTS, null], description: "The video host; null for a file on the forum's site." },
          seconds: { type: ["integer", "null"], description: "Its length, where known." },
        }),
      ),
    },
    "What the session produced, as far as its speakers agreed to publish it.",
  ),
};
const source = object({
  title: string,
  publisher: { type: ["string", "null"] },
  publishedOn: string,
  url: { type: ["string", "null"] },
});
const speaker = {
  ...speakerRef,
  jobTitle: ref("Localized"),
  organisation: ref("Localized"),
  bio: ref("Localized"),
  photoUrl: { type: ["string", "null"] },
  quotedIn: {
    ...nullable(source),
    description:
      "Set for a real person: the source that names them and reports what they said. A real person is never " +
      "a speaker, moderator or panellist of a session. Null for the people of the (illustrative) program.",
  },
};

const localizedOf = (description: string) => ({ ...localized, description });

export const readSchemas = () => {
  return {
    Edition: object({
      acronym: { type: "string", description: "The `edition` parameter of the other endpoints, and the conference acronym of its exports." },
      path: { type: "string", description: "Its segment in the site's addresses: /en/<path>/agenda." },
      current: { type: "boolean", description: "The edition the unprefixed addresses and exports show; exactly one is." },
      name: localizedOf("The edition's name."),
      venue: localizedOf("Where it takes place."),
      timeZone: { type: "string", description: "IANA zone of its times." },
      startDate: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "First day, in its zone." },
      endDate: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Last day, in its zone." },
      url: url,
      schedule: object({ json: url, xml: url, ics: url }, "Its schedule exports (schedule.json, schedule.xml) and iCalendar feed."),
    }),
    EditionList: object({ data: { type: "array", items: ref("Edition") } }),
    Localized: localized,
    LocalizedName: localizedName,
    Session: object(session, "A published or cancelled session."),
    SessionDetail: object({
      ...session,
      quotes: {
        type: "array",
        items: object({
          ...quoteSummary,
          moment: { type: ["integer", "null"], description: "Seconds into the session's published recording where the words are said." },
        }),
      },
    }),
    SessionList: object({ data: { type: "array", items: ref("Session") } }),
    Speaker: object(speaker),
    SpeakerDetail: object({
      ...speaker,
      sessions: {
        type: "array",
        items: object({
          slug,
          edition: acronym,
          url,
          title: ref("Localized"),
          status: { enum: ["published", "cancelled"] },
          startsAt: instant,
          endsAt: instant,
          role: { enum: [...speakerRoles] },
        }),
      },
      quotes: { type: "array", items: object(quoteSummary) },
    }),
    SpeakerList: object({ data: { type: "array", items: ref("Speaker") } }),
    Quote: object({
      ...quoteSummary,
      edition: acronym,
      translation: nullable(
        object(
          {
            language: { enum: [...quoteLanguages] },
            text: string,
            translatedBy: { const: "site" },
            label: {
              type: "string",
              description:
                "Says, in the translation's language, that it is the site's translation.",
            },
          },
          "The site's translation, never the person's own words: show it with its label.",
        ),
      ),
      saidOn: {
        type: ["string", "null"],
        description: "The day the words were said (YYYY-MM-DD), where known.",
      },
      speaker: object(speakerRef),
      source,
      session: nullable(object({ slug, url, title: ref("Localized") })),
      topics: { type: "array", items: object({ slug, name: ref("Localized") }) },
    }),
    QuotePage: object({
      data: { type: "array", items: ref("Quote") },
      nextCursor: {
        type: ["string", "null"],
        description: "Send as `cursor` for the next page; null on the last.",
      },
    }),
    QueryError: object({
      error: { type: "string", description: "What went wrong, in English." },
      parameter: { enum: ["limit", "cursor", "q", "speaker", "topic", "edition"] },
    }),
  } as const;
};
