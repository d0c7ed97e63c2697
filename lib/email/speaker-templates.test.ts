import { describe, expect, it } from "vitest";
import { seededEdition as event } from "../test-fixtures/edition";
import { speakerEmailKinds } from "./kinds";
import { renderSpeakerEmail } from "./speaker-templates";

const url = "https://forum.example/en/speaker/link/Zx9_Qw-8aBcDeFgHiJkLmNoPqRsTuVwX";

describe("renderSpeakerEmail", () => {
  for (const locale of ["en", "zh-CN"] as const) {
    for (const kind of speakerEmailKinds) {
      it(`${kind} (${locale}) greets the speaker and carries the portal's address in both bodies`, () => {
        const email = renderSpeakerEmail(kind, { locale, name: "Invented Speaker", url, validUntil: "17 December 2026", note: "Shorter, please." }, event);
        expect(email.text).toContain(url);
        expect(email.html).toContain(`href="${url}"`);
        expect(email.text).toContain("Invented Speaker");
        expect(email.html).toContain(`<html lang="${locale}">`);
        if (locale === "zh-CN") expect(email.subject).toMatch(/[\u4e00-\u9fff]/);
        else expect(email.subject).not.toMatch(/[\u4e00-\u9fff]/);
      });
    }
  }

  it("says how long an invitation works, and that nothing is published unapproved", () => {
    const en = renderSpeakerEmail("speaker-invitation", { locale: "en", name: "A", url, validUntil: "17 December 2026 09:30 (UTC+8)" }, event);
    expect(en.text).toContain("until 17 December 2026 09:30 (UTC+8)");
    expect(en.text).toContain("Nothing you change is published until the organisers have approved it.");
    const zh = renderSpeakerEmail("speaker-invitation", { locale: "zh-CN", name: "A", url, validUntil: "2026年12月17日" }, event);
    expect(zh.text).toContain("有效期至2026年12月17日");
  });

  it("gives the organizer's note when a change is sent back, escaped in HTML and on one line", () => {
    const email = renderSpeakerEmail("speaker-returned", { locale: "en", name: "A", url, note: "<b>Shorter</b>\r\nBcc: x@evil.example" }, event);
    expect(email.html).toContain("&lt;b&gt;Shorter&lt;/b&gt; Bcc: x@evil.example");
    expect(email.html).not.toContain("<b>Shorter</b>");
    expect(email.text).not.toContain("\r\nBcc");
  });

  it("keeps a speaker's name from starting new mail headers", () => {
    const email = renderSpeakerEmail("speaker-approved", { locale: "en", name: "A\r\nBcc: x@evil.example", url }, event);
    expect(email.text).toContain("Dear A Bcc: x@evil.example,");
  });
});

describe("the emails about a session's materials", () => {
  it("name the session and, when sent back, carry the organizer's note, in either language", () => {
    const en = renderSpeakerEmail("speaker-materials-returned", { locale: "en", name: "A", url, session: "Invented talk", note: "Full recording, please." }, event);
    expect(en.subject).toContain("Invented talk");
    expect(en.text).toContain("Full recording, please.");
    expect(en.text).toContain("The session page has not changed.");
    const zh = renderSpeakerEmail("speaker-materials-approved", { locale: "zh-CN", name: "甲", url, session: "虚构演讲" }, event);
    expect(zh.subject).toContain("虚构演讲");
    expect(zh.text).toContain("审核通过");
  });
});
