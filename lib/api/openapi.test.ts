import { describe, expect, it } from "vitest";
import { manageToken, registrationCode } from "../registration/codes";
import { seededEdition as event } from "../test-fixtures/edition";
import { daysOf } from "../edition";
import { openApiDocument as documentFor } from "./openapi";
import { openApiValidator } from "./openapi-validator";
import { MAX_TEXT } from "../registration/input";
import { parseRegistration } from "./registration-request";

// The seeded edition: the document of its days and zone.
const openApiDocument = documentFor(event);
const days = daysOf(event);
const doc = JSON.parse(JSON.stringify(openApiDocument)) as Record<string, unknown>;
const validator = openApiValidator(doc);

const valid = {
  fullName: "Li Wei",
  email: "li.wei@example.com",
  organisation: "Example Motors",
  jobTitle: "Head of Strategy",
  category: "industry",
  days: ["2024-07-11"],
  consent: true,
};

const accepted: Record<string, Record<string, unknown>> = {
  "the minimum": valid,
  "every field": {
    ...valid,
    phone: "+86 (21) 5555-0100",
    days: ["2024-07-13", "2024-07-11", "2024-07-12"],
    dietary: "vegetarian",
    accessibility: "",
    newsConsent: true,
    locale: "zh-CN",
  },
  "an empty phone": { ...valid, phone: "" },
  "each text at its longest": Object.fromEntries(
    Object.entries({ ...valid, phone: undefined, dietary: "", accessibility: "" }).map(([k, v]) => {
      const max = MAX_TEXT[k as keyof typeof MAX_TEXT];
      if (k === "email") return [k, `${"a".repeat(max - 13)}@example.test`];
      if (k === "phone") return [k, "1".repeat(max)];
      return [k, max && typeof v === "string" ? "x".repeat(max) : v];
    }),
  ),
};

const rejected: Record<string, Record<string, unknown>> = {
  "no body fields": {},
  "a missing name": { ...valid, fullName: undefined },
  "a blank name": { ...valid, fullName: "   " },
  "a name too long": { ...valid, fullName: "x".repeat(MAX_TEXT.fullName + 1) },
  "a number for a name": { ...valid, fullName: 7 },
  "an invalid email": { ...valid, email: "li.wei" },
  "an email too long": { ...valid, email: `${"a".repeat(MAX_TEXT.email)}@example.test` },
  "an organisation too long": { ...valid, organisation: "x".repeat(MAX_TEXT.organisation + 1) },
  "a job title too long": { ...valid, jobTitle: "x".repeat(MAX_TEXT.jobTitle + 1) },
  "a phone with letters": { ...valid, phone: "call me" },
  "a phone too long": { ...valid, phone: "1".repeat(MAX_TEXT.phone + 1) },
  "a null phone": { ...valid, phone: null },
  "an unknown category": { ...valid, category: "press" },
  "days as a string": { ...valid, days: "2024-07-11" },
  "no days": { ...valid, days: [] },
  "a day outside the forum": { ...valid, days: ["2024-07-14"] },
  "dietary too long": { ...valid, dietary: "x".repeat(MAX_TEXT.dietary + 1) },
  "accessibility too long": { ...valid, accessibility: "x".repeat(MAX_TEXT.accessibility + 1) },
  "news consent as a string": { ...valid, newsConsent: "yes" },
  "consent false": { ...valid, consent: false },
  "consent missing": { ...valid, consent: undefined },
  "an unknown locale": { ...valid, locale: "fr" },
  "an extra field": { ...valid, status: "confirmed" },
};

const strip = (body: Record<string, unknown>) =>
  JSON.parse(JSON.stringify(body)) as Record<string, unknown>;

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and every operation documents its answers", () => {
    expect(openApiDocument.openapi).toBe("3.1.0");
    const operations = validator.operations();
    expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual([
      "delete /api/v1/registrations/{code}",
      "get /api/v1/editions",
      "get /api/v1/openapi.json",
      "get /api/v1/quotes",
      "get /api/v1/registrations/{code}",
      "get /api/v1/sessions",
      "get /api/v1/sessions/{slug}",
      "get /api/v1/speakers",
      "get /api/v1/speakers/{slug}",
      "post /api/v1/registrations",
    ]);
    for (const operation of operations) expect(operation.statuses.length).toBeGreaterThan(0);
  });

  it("compiles every schema under strict JSON Schema 2020-12", () => {
    for (const name of Object.keys(openApiDocument.components.schemas)) {
      expect(() => validator.schema(name, {})).not.toThrow();
    }
    for (const operation of validator.operations()) {
      // A 304 has no body, so no schema.
      for (const status of operation.statuses.filter((s) => s !== "304")) {
        expect(() =>
          validator.response(operation.path, operation.method, Number(status), {}),
        ).not.toThrow();
      }
    }
  });

  for (const [name, body] of Object.entries(accepted)) {
    it(`request schema and server both accept ${name}`, () => {
      const json = strip(body);
      expect(validator.schema("RegistrationRequest", json)).toEqual([]);
      expect(parseRegistration(json, days)).toMatchObject({ ok: true });
    });
  }

  for (const [name, body] of Object.entries(rejected)) {
    it(`request schema and server both reject ${name}`, () => {
      const json = strip(body);
      expect(validator.schema("RegistrationRequest", json)).not.toEqual([]);
      const parsed = parseRegistration(json, days);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok)
        expect(
          validator.response("/api/v1/registrations", "post", 400, {
            error: "x",
            fields: parsed.fields,
            messages: {},
          }),
        ).toEqual([]);
    });
  }

  it("describes a waiting registration with its position, and only then", () => {
    const created = {
      code: registrationCode(),
      status: "waiting",
      position: 3,
      manageToken: manageToken(),
    };
    expect(validator.schema("RegistrationCreated", created)).toEqual([]);
    expect(
      validator.schema("RegistrationCreated", { ...created, position: undefined }),
    ).not.toEqual([]);
    expect(
      validator.schema("RegistrationCreated", { ...created, status: "confirmed" }),
    ).not.toEqual([]);
    const { position: _, ...confirmed } = { ...created, status: "confirmed" };
    expect(validator.schema("RegistrationCreated", confirmed)).toEqual([]);
    expect(validator.schema("RegistrationCreated", { ...confirmed, secret: 1 })).not.toEqual([]);
  });

  it("documents the pending answer, which names no code, token or earlier status", () => {
    expect(validator.schema("RegistrationReceived", { status: "pending", awaiting: "email", message: "x" })).toEqual([]);
    expect(validator.schema("RegistrationReceived", { status: "pending", awaiting: "approval", message: "x" })).toEqual([]);
    expect(
      validator.schema("RegistrationReceived", { status: "pending", awaiting: "email", message: "x", code: registrationCode() }),
    ).not.toEqual([]);
    expect(validator.schema("Duplicate", { error: "x", status: "confirmed" })).not.toEqual([]);
  });
});
