import { describe, expect, it } from "vitest";
import { attendeeEmailKinds as emailKinds, type AttendeeEmailKind as EmailKind } from "./kinds";
import { seededEdition as event } from "../test-fixtures/edition";
import { escapeHtml, renderEmail as render, type EmailData } from "./templates";

// Emails about the seeded edition.
const renderEmail = (kind: EmailKind, data: EmailData) => render(kind, data, event);

const locales = ["en", "zh-CN"] as const;

const base = (locale: EmailData["locale"]): EmailData => ({
  locale,
  fullName: locale === "en" ? "Ada Lovelace" : "王伟",
  code: "CAF-7K3M9QAB",
  manageUrl: "https://forum.example/en/registration/manage/Zx9_Qw-8aBcDeFgHiJkLmNoPqRsTuVwX",
  position: 17,
  sessionTitle: locale === "en" ? "Factory visit: SAIC Volkswagen" : "参观上汽大众工厂",
});

describe("renderEmail", () => {
  for (const locale of locales) {
    for (const kind of emailKinds) {
      it(`${kind} (${locale}) names the code and the manage link`, () => {
        const data = base(locale);
        const email = renderEmail(kind, data);
        expect(email.subject).toContain(data.code);
        expect(email.text).toContain(data.code);
        expect(email.html).toContain(data.code);
        expect(email.text).toContain(data.manageUrl);
        expect(email.html).toContain(`href="${data.manageUrl}"`);
        expect(email.text).toContain(data.fullName);
        expect(email.html).toContain(`<html lang="${locale}">`);
        // The manage link is a secret: it belongs in the body, never in a header.
        expect(email.subject).not.toContain(data.manageUrl);
      });
    }

    it(`writes ${locale} in its own language, with the forum's name, dates and venue`, () => {
      const email = renderEmail("confirmation", base(locale));
      const expected =
        locale === "en"
          ? ["2024 China Auto Forum", "11–13 July 2024", "Jiading District, Shanghai", "QR code"]
          : ["2024中国汽车论坛", "2024年7月11日至13日", "上海市嘉定区", "二维码"];
      for (const s of expected) {
        expect(email.text).toContain(s);
        expect(email.html).toContain(s);
      }
      expect(email.subject).toContain(expected[0]);
    });

    it(`gives the place on the waiting list (${locale})`, () => {
      const email = renderEmail("waiting", base(locale));
      const place = locale === "en" ? "position 17" : "第17位";
      expect(email.text).toContain(place);
      expect(email.html).toContain(place);
    });

    it(`leaves the place out when it is unknown (${locale})`, () => {
      const email = renderEmail("waiting", { ...base(locale), position: null });
      expect(email.text).not.toMatch(/position \d|第\d+位/);
      expect(email.text).not.toContain("null");
    });

    it(`names the session for a session promotion (${locale})`, () => {
      const data = base(locale);
      const email = renderEmail("session-promotion", data);
      expect(email.subject).toContain(data.sessionTitle);
      expect(email.text).toContain(data.sessionTitle);
      expect(email.html).toContain(data.sessionTitle);
    });
  }

  it("chooses the language by locale", () => {
    expect(renderEmail("promotion", base("en")).text).not.toMatch(/[\u4e00-\u9fff]/);
    expect(renderEmail("promotion", base("zh-CN")).text).toMatch(/候补/);
  });

  it("escapes every interpolated value in the HTML", () => {
    const email = renderEmail("session-promotion", {
      ...base("en"),
      fullName: "<script>alert(1)</script>",
      sessionTitle: `"><img src=x onerror=alert(2)>`,
      code: "CAF-<b>",
      manageUrl: `https://forum.example/m/abc?x=1&y="2"`,
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img");
    expect(email.html).not.toContain("<b>");
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.html).toContain("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
    expect(email.html).toContain(`href="https://forum.example/m/abc?x=1&amp;y=&quot;2&quot;"`);
    // The plain text is not HTML: it keeps the name as written.
    expect(email.text).toContain("<script>alert(1)</script>");
  });

  it("never puts a line break in a subject", () => {
    for (const locale of locales) {
      for (const kind of emailKinds) {
        const { subject } = renderEmail(kind, {
          ...base(locale),
          fullName: "Eve\r\nBcc: victim@example.com",
          code: "CAF-1\r\nX-Injected: 1",
          sessionTitle: "Talk\nBcc: someone@example.com\r",
        });
        expect(subject).not.toMatch(/[\r\n]/);
      }
    }
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter in text and attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    expect(escapeHtml("张三 & 李四")).toBe("张三 &amp; 李四");
  });
});
