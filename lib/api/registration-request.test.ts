import { describe, expect, it } from "vitest";
import { seededEdition as event } from "../test-fixtures/edition";
import { daysOf } from "../edition";
import {
  fieldErrorCodes,
  fieldErrorMessages,
  fieldMessages,
  parseRegistration,
} from "./registration-request";
import { MAX_TEXT } from "../registration/input";

const days = daysOf(event);

const valid = {
  fullName: "Li Wei",
  email: "  Li.Wei@Example.com ",
  organisation: "Example Motors",
  jobTitle: "Head of Strategy",
  category: "media",
  days: ["2024-07-12", "2024-07-11", "2024-07-12"],
  consent: true,
};

describe("parseRegistration", () => {
  it("accepts a registration, trimmed, with the days in forum order", () => {
    const parsed = parseRegistration(valid, days);
    expect(parsed).toMatchObject({
      ok: true,
      input: { email: "Li.Wei@Example.com", days: ["2024-07-11", "2024-07-12"], locale: "en" },
    });
  });

  it("names each wrong field with a stable code", () => {
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ ...valid, fullName: undefined }, { fullName: "required" }],
      [{ ...valid, fullName: "" }, { fullName: "required" }],
      [{ ...valid, fullName: ["x"] }, { fullName: "invalidType" }],
      [
        { ...valid, organisation: "x".repeat(MAX_TEXT.organisation + 1) },
        { organisation: "tooLong" },
      ],
      [{ ...valid, email: "x@" }, { email: "invalidEmail" }],
      [{ ...valid, days: ["2024-07-10"] }, { days: "invalidDay" }],
      [{ ...valid, consent: "yes" }, { consent: "consentRequired" }],
      [{ ...valid, consent: undefined }, { consent: "consentRequired" }],
      [{ ...valid, locale: "de" }, { locale: "invalid" }],
      [{ ...valid, admin: true }, { admin: "unknownField" }],
    ];
    for (const [body, fields] of cases) {
      expect(parseRegistration(JSON.parse(JSON.stringify(body)), days)).toEqual({ ok: false, fields });
    }
  });

  it("treats an own __proto__ key as the unknown field it is", () => {
    const body = JSON.parse(`{"__proto__": {"consent": true}, ${JSON.stringify(valid).slice(1)}`);
    expect(parseRegistration(body, days)).toEqual({ ok: false, fields: { __proto__: "unknownField" } });
  });

  it("has an English message for every code", () => {
    for (const code of fieldErrorCodes) expect(fieldErrorMessages(days)[code]).toMatch(/\.$/);
    expect(fieldMessages({ email: "invalidEmail" }, days)).toEqual({
      email: fieldErrorMessages(days).invalidEmail,
    });
  });
});
