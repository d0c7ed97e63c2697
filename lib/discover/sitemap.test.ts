import { describe, expect, it } from "vitest";
import { publicPaths, sitemapXml, type SitemapSource } from "./sitemap";

const source: SitemapSource = {
  editions: [
    { path: "2025", isCurrent: true, startDate: "2025-10-02", endDate: "2025-10-03", sessionSlugs: ["opening", "keynote"] },
    { path: "2024", isCurrent: false, startDate: "2024-07-11", endDate: "2024-07-13", sessionSlugs: ["opening", "farewell"] },
  ],
  speakerSlugs: ["ada-example"],
  quoteIds: [7],
};

/** The <url> elements: their <loc> and each alternate's language and address. */
function urls(xml: string) {
  return [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, body = ""]) => ({
    loc: /<loc>([^<]*)<\/loc>/.exec(body)?.[1],
    alternates: Object.fromEntries([...body.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map(([, lang, href]) => [lang, href])),
  }));
}

describe("publicPaths", () => {
  const paths = publicPaths(source);

  it("lists the home page, the current edition's agenda, each of its days, its sessions, speakers, quotes and the register page", () => {
    for (const path of ["", "/agenda", "/agenda/2025-10-02", "/agenda/2025-10-03", "/agenda/changes", "/sessions/opening", "/sessions/keynote", "/speakers", "/speakers/ada-example", "/quotes", "/quotes/7", "/register", "/privacy"]) {
      expect(paths).toContain(path);
    }
  });

  it("lists a past edition's archive at its own addresses, every day included", () => {
    for (const path of ["/2024/agenda", "/2024/agenda/2024-07-11", "/2024/agenda/2024-07-12", "/2024/agenda/2024-07-13", "/2024/agenda/changes", "/2024/quotes", "/2024/sessions/opening", "/2024/sessions/farewell"]) {
      expect(paths).toContain(path);
    }
  });

  it("lists no session it was not given, no day outside an edition, and no page twice", () => {
    expect(paths.filter((p) => p.includes("/sessions/"))).toEqual(["/sessions/opening", "/sessions/keynote", "/2024/sessions/opening", "/2024/sessions/farewell"]);
    expect(paths).not.toContain("/agenda/2025-10-04");
    expect(paths).not.toContain("/agenda/2024-07-11");
    // The current edition is at the unprefixed addresses only.
    expect(paths.some((p) => p.startsWith("/2025"))).toBe(false);
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe("sitemapXml", () => {
  const xml = sitemapXml("https://forum.example/", ["", "/agenda/2025-10-02"], ["en", "zh-CN"]);

  it("is a sitemaps.org urlset with the xhtml namespace", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">')).toBe(true);
    expect(xml.trimEnd().endsWith("</urlset>")).toBe(true);
  });

  it("has one <url> per page and language, each naming every language and x-default", () => {
    expect(urls(xml)).toEqual([
      { loc: "https://forum.example/en", alternates: { en: "https://forum.example/en", "zh-CN": "https://forum.example/zh-CN", "x-default": "https://forum.example/" } },
      { loc: "https://forum.example/zh-CN", alternates: { en: "https://forum.example/en", "zh-CN": "https://forum.example/zh-CN", "x-default": "https://forum.example/" } },
      {
        loc: "https://forum.example/en/agenda/2025-10-02",
        alternates: { en: "https://forum.example/en/agenda/2025-10-02", "zh-CN": "https://forum.example/zh-CN/agenda/2025-10-02", "x-default": "https://forum.example/agenda/2025-10-02" },
      },
      {
        loc: "https://forum.example/zh-CN/agenda/2025-10-02",
        alternates: { en: "https://forum.example/en/agenda/2025-10-02", "zh-CN": "https://forum.example/zh-CN/agenda/2025-10-02", "x-default": "https://forum.example/agenda/2025-10-02" },
      },
    ]);
  });

  it("escapes what XML reserves and percent-encodes what an address may not hold", () => {
    const odd = sitemapXml("https://forum.example?a=1&b=2", ["/speakers/ünïcode"], ["en"]);
    expect(odd).toContain("<loc>https://forum.example?a=1&amp;b=2/en/speakers/%C3%BCn%C3%AFcode</loc>");
    expect(odd).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });
});
