/**
 * The OpenAPI 3.1 description of the API, served at /api/v1/openapi.json: registration here, the
 * read-only endpoints in ./openapi-read.ts. lib/api/openapi.test.ts checks its request schema
 * against the zod rules, and e2e/api-registration.spec.ts and e2e/api-read.spec.ts check every
 * documented answer against what the server sends.
 */
import { attendeeCategories } from "../registration/categories";
import { registrationStatuses } from "../registration/statuses";
import { pendingReasons } from "../registration/mode";
import { daysOf, editionValues, type EditionFacts } from "../edition";
import { MAX_TEXT } from "../registration/input";
import { locales } from "../localized";
import { fieldErrorCodes } from "./registration-request";
import { MAX_BODY_BYTES } from "./limits";
import { readPaths, readSchemas } from "./openapi-read";

const CODE_PATTERN = "^CAF-[2-9A-HJKMNP-Z]{8}$";
const TOKEN_PATTERN = "^[A-Za-z0-9_-]{32}$";
// At least one character that is not white space: the server trims every text.
const NOT_BLANK = "\\S";

const text = (maxLength: number, description: string) => ({
  type: "string",
  maxLength,
  description,
});
const requiredText = (maxLength: number, description: string) => ({
  type: "string",
  minLength: 1,
  maxLength,
  pattern: NOT_BLANK,
  description,
});

const error = { type: "string", description: "What went wrong, in English." };

const errorSchema = (description: string) => ({
  type: "object",
  description,
  required: ["error"],
  properties: { error },
  additionalProperties: false,
});

const jsonContent = (ref: string) => ({
  "application/json": { schema: { $ref: `#/components/schemas/${ref}` } },
});

const retryAfter = {
  "Retry-After": {
    description: "Seconds to wait before the next request.",
    schema: { type: "integer", minimum: 1 },
  },
};

const tooManyRequests = {
  description:
    "Too many requests from this client address (RATE_LIMIT_PER_MINUTE, default 600 a minute).",
  headers: retryAfter,
  content: jsonContent("Error"),
};

/** A waiting registration has a place on the list; any other has none. */
const positionRule = {
  if: { type: "object", properties: { status: { const: "waiting" } }, required: ["status"] },
  then: { type: "object", required: ["position"] },
  else: { type: "object", not: { type: "object", required: ["position"] } },
};

/** The document for an edition: its name, dates, venue, days and zone come from its row. */
export function openApiDocument(edition: EditionFacts) {
  const days = daysOf(edition);
  const forum = editionValues(edition, "en");
  return {
    openapi: "3.1.0",
    info: {
      title: `${forum.name}: registration and program API`,
      version: "1.0.0",
      description:
        `Register for the forum (${forum.dates}, ${forum.venue}), then read or cancel the ` +
        "registration with the private manage token that registering returns. While seats are left a " +
        "registration is confirmed; after that it joins the waiting list, and a cancelled seat goes to " +
        "the first person waiting. The organizers choose a registration mode: `open` confirms at once and " +
        "answers with the manage token; `confirm` (the default) holds a seat until the person opens the link " +
        "emailed to them, and `approval` waits for an organizer's decision; in both the registration is " +
        "`pending` until then, and the token travels only by email. " +
        "Every answer of the registration endpoints carries Cache-Control: no-store. " +
        "The program (sessions, speakers, quotes) is public and read-only: any origin may read it (CORS), " +
        "answers may be cached for a minute, and each carries an ETag for conditional requests.",
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/v1/registrations": {
        post: {
          operationId: "createRegistration",
          summary: "Register to attend",
          description:
            "One registration per email address (compared trimmed and lower-cased). The body is JSON of at " +
            `most ${MAX_BODY_BYTES} bytes. In \`open\` mode the answer carries the manage token, the only way to ` +
            "read or cancel the registration through the API: keep it secret. In the `confirm` and `approval` " +
            "modes the answer is 202 and the same whether or not the address was registered before: the " +
            "private link goes only to the address's inbox. At most REGISTRATIONS_PER_HOUR (default 20) " +
            "registrations an hour are accepted from one client address (IPv6 counted by /64), unless the " +
            "body carries an invitation code.",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/RegistrationRequest" },
                example: {
                  fullName: "Li Wei",
                  email: "li.wei@example.com",
                  organisation: "Example Motors",
                  jobTitle: "Head of Strategy",
                  category: "industry",
                  days: days.slice(0, 2),
                  consent: true,
                  locale: "en",
                },
              },
            },
          },
          responses: {
            "201": {
              description:
                "Open mode: registered, confirmed while seats are left, otherwise on the waiting list.",
              headers: {
                Location: {
                  description: "The registration's address in this API.",
                  schema: { type: "string" },
                },
              },
              content: jsonContent("RegistrationCreated"),
            },
            "202": {
              description:
                "Confirm and approval modes: received. The registration is `pending` until the person opens " +
                "the emailed link (`awaiting: email`, a seat held for the minutes the email names) or an " +
                "organizer approves it (`awaiting: approval`). The same answer is given for an address that is " +
                "already registered, whose inbox then receives its existing link again.",
              content: jsonContent("RegistrationReceived"),
            },
            "400": {
              description:
                "The body is not a JSON object, or a field is invalid: `fields` then names each invalid field " +
                "with an error code (and `messages` explains it). Nothing was saved.",
              content: jsonContent("BadRequest"),
            },
            "403": {
              description:
                "Registration is not open: before the opening or after the closing time set by the organizers. " +
                "`opensAt` and `closesAt` give the window (ISO 8601, null where unbounded). Nothing was saved.",
              content: jsonContent("RegistrationClosed"),
            },
            "409": {
              description:
                "Open mode only: a registration already exists for this email address. Its private link has " +
                "been emailed to that address again; its code, token and status are not disclosed here.",
              content: jsonContent("Duplicate"),
            },
            "413": {
              description: `The body is larger than ${MAX_BODY_BYTES} bytes.`,
              content: jsonContent("Error"),
            },
            "415": {
              description: "The body is not sent as application/json.",
              content: jsonContent("Error"),
            },
            "429": {
              description:
                "Too many requests from this client address (RATE_LIMIT_PER_MINUTE), or too many new " +
                "registrations from it within the hour (REGISTRATIONS_PER_HOUR, default 20; IPv6 addresses " +
                "counted by /64). Nothing was saved. A group registers with an invitation code instead.",
              headers: retryAfter,
              content: jsonContent("Error"),
            },
          },
        },
      },
      "/api/v1/registrations/{code}": {
        parameters: [
          {
            name: "code",
            in: "path",
            required: true,
            description: "The registration code, as returned on registering.",
            schema: { type: "string", examples: ["CAF-7K3M9QX2"] },
          },
        ],
        get: {
          operationId: "getRegistration",
          summary: "Read a registration",
          security: [{ manageToken: [] }],
          responses: {
            "200": { description: "The registration.", content: jsonContent("Registration") },
            "401": {
              description: "No Authorization header, or one that is not `Bearer <manage token>`.",
              headers: { "WWW-Authenticate": { schema: { type: "string" } } },
              content: jsonContent("Error"),
            },
            "404": {
              description:
                "No registration has this code, or the token is not this registration's.",
              content: jsonContent("Error"),
            },
            "429": tooManyRequests,
          },
        },
        delete: {
          operationId: "cancelRegistration",
          summary: "Cancel a registration",
          description: "A confirmed seat goes at once to the first person on the waiting list.",
          security: [{ manageToken: [] }],
          responses: {
            "200": { description: "Cancelled.", content: jsonContent("Cancelled") },
            "401": {
              description: "No Authorization header, or one that is not `Bearer <manage token>`.",
              headers: { "WWW-Authenticate": { schema: { type: "string" } } },
              content: jsonContent("Error"),
            },
            "404": {
              description:
                "No registration has this code, or the token is not this registration's.",
              content: jsonContent("Error"),
            },
            "409": {
              description: "The registration was already cancelled.",
              content: jsonContent("AlreadyCancelled"),
            },
            "429": tooManyRequests,
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This description",
          responses: {
            "200": {
              description: "The OpenAPI 3.1 document.",
              content: {
                "application/json": { schema: { type: "object", required: ["openapi", "paths"] } },
              },
            },
          },
        },
      },
      ...readPaths,
    },
    components: {
      securitySchemes: {
        manageToken: {
          type: "http",
          scheme: "bearer",
          description: "The manageToken returned when registering.",
        },
      },
      schemas: {
        RegistrationRequest: {
          type: "object",
          required: [
            "fullName",
            "email",
            "organisation",
            "jobTitle",
            "category",
            "days",
            "consent",
          ],
          properties: {
            fullName: requiredText(MAX_TEXT.fullName, "Trimmed."),
            email: {
              type: "string",
              minLength: 3,
              maxLength: MAX_TEXT.email,
              pattern: "^\\s*[^\\s@]+@[^\\s@]+\\.[^\\s@]+\\s*$",
              description: "One registration per address, compared trimmed and lower-cased.",
            },
            organisation: requiredText(MAX_TEXT.organisation, "Trimmed."),
            jobTitle: requiredText(MAX_TEXT.jobTitle, "Trimmed."),
            phone: {
              type: "string",
              maxLength: MAX_TEXT.phone,
              pattern: "^\\s*(\\+?[0-9 ()-]{5,32})?\\s*$",
              description:
                "Optional; digits, spaces, brackets and dashes, optionally starting with +.",
            },
            category: { enum: [...attendeeCategories] },
            days: {
              type: "array",
              minItems: 1,
              maxItems: days.length,
              items: { enum: [...days] },
              description: "The forum days attended.",
            },
            dietary: text(MAX_TEXT.dietary, "Optional."),
            accessibility: text(MAX_TEXT.accessibility, "Optional."),
            newsConsent: {
              type: "boolean",
              default: false,
              description: "News about future forums.",
            },
            consent: { const: true, description: "Agreement to the privacy notice; required." },
            locale: {
              enum: [...locales],
              default: "en",
              description: "Language of the emails.",
            },
            invitationCode: {
              type: "string",
              maxLength: 40,
              description:
                "Optional: a code from the organizers (INV- and eight characters) that admits a set number of " +
                "people. It lifts the hourly limit per address, and in approval mode stands for the organizers' approval.",
            },
          },
          additionalProperties: false,
        },
        RegistrationReceived: {
          type: "object",
          required: ["status", "awaiting", "message"],
          properties: {
            status: { const: "pending" },
            awaiting: {
              enum: [...pendingReasons],
              description: "What the registration waits for: the emailed link, or an organizer.",
            },
            message: { type: "string" },
          },
          additionalProperties: false,
        },
        RegistrationCreated: {
          type: "object",
          required: ["code", "status", "manageToken"],
          properties: {
            code: { type: "string", pattern: CODE_PATTERN },
            status: { enum: ["confirmed", "waiting"] },
            position: {
              type: "integer",
              minimum: 1,
              description: "Place on the waiting list, when waiting.",
            },
            manageToken: {
              type: "string",
              pattern: TOKEN_PATTERN,
              description: "Secret: send it as `Authorization: Bearer <token>` to read or cancel.",
            },
          },
          additionalProperties: false,
          ...positionRule,
        },
        Registration: {
          type: "object",
          required: [
            "code",
            "status",
            "fullName",
            "email",
            "organisation",
            "jobTitle",
            "phone",
            "category",
            "days",
            "dietary",
            "accessibility",
            "newsConsent",
            "locale",
            "createdAt",
          ],
          properties: {
            code: { type: "string", pattern: CODE_PATTERN },
            status: {
              enum: [...registrationStatuses],
              description:
                "`pending`: not yet confirmed by the emailed link, or waiting for an organizer's approval (see `awaiting`).",
            },
            position: {
              type: "integer",
              minimum: 1,
              description: "Place on the waiting list, when waiting.",
            },
            awaiting: {
              enum: [...pendingReasons],
              description: "When pending: what the registration waits for.",
            },
            pendingUntil: {
              type: "string",
              format: "date-time",
              description:
                "When pending confirmation: the registration lapses at this instant unless confirmed.",
            },
            fullName: { type: "string" },
            email: { type: "string" },
            organisation: { type: "string" },
            jobTitle: { type: "string" },
            phone: { type: ["string", "null"] },
            category: { enum: [...attendeeCategories] },
            days: { type: "array", items: { enum: [...days] } },
            dietary: { type: "string" },
            accessibility: { type: "string" },
            newsConsent: { type: "boolean" },
            locale: { enum: [...locales] },
            createdAt: { type: "string", format: "date-time" },
          },
          additionalProperties: false,
          ...positionRule,
        },
        Cancelled: {
          type: "object",
          required: ["code", "status"],
          properties: {
            code: { type: "string", pattern: CODE_PATTERN },
            status: { const: "cancelled" },
          },
          additionalProperties: false,
        },
        BadRequest: {
          type: "object",
          required: ["error"],
          properties: {
            error,
            fields: {
              type: "object",
              description: "Error code by field name; present when the body was a JSON object.",
              minProperties: 1,
              additionalProperties: { enum: [...fieldErrorCodes] },
            },
            messages: {
              type: "object",
              description: "The same errors in English, by field name.",
              additionalProperties: { type: "string" },
            },
          },
          dependentRequired: { fields: ["messages"] },
          additionalProperties: false,
        },
        Duplicate: {
          type: "object",
          required: ["error"],
          properties: { error },
          additionalProperties: false,
        },
        AlreadyCancelled: {
          type: "object",
          required: ["error", "status"],
          properties: { error, status: { const: "cancelled" } },
          additionalProperties: false,
        },
        RegistrationClosed: {
          type: "object",
          required: ["error", "opensAt", "closesAt"],
          properties: {
            error,
            opensAt: { type: ["string", "null"], format: "date-time" },
            closesAt: { type: ["string", "null"], format: "date-time" },
          },
          additionalProperties: false,
        },
        Error: errorSchema("Any other error."),
        ...readSchemas(),
      },
    },
  } as const;
}
