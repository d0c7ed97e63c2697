import { describe, expect, it } from "vitest";
import { deferFrameworkScripts, wakesOnInteraction } from "./wake-on-interaction.mjs";

describe("wakesOnInteraction", () => {
  it("takes the public pages people read, in both languages and for an edition's own address", () => {
    for (const path of [
      "/en",
      "/zh-CN/",
      "/en/agenda",
      "/en/agenda/2031-05-06",
      "/zh-CN/agenda/changes",
      "/en/2031/agenda",
      "/en/2031/agenda/2031-05-07",
      "/en/2031/quotes",
      "/en/2031/sessions/opening-ceremony",
      "/en/sessions/opening-ceremony",
      "/en/speakers",
      "/zh-CN/speakers/wang-yao",
      "/en/quotes",
      "/en/quotes/12",
      "/en/privacy",
    ]) {
      expect(wakesOnInteraction(path), path).toBe(true);
    }
  });

  it("leaves every page a person works in to hydrate at load: forms, the console, tickets, the door", () => {
    for (const path of [
      "/en/register",
      "/en/my-agenda",
      "/en/ticket/abcdefabcdefabcdefabcdefabcdefab",
      "/en/ticket/abcdefabcdefabcdefabcdefabcdefab/feedback/3",
      "/en/sign-in",
      "/en/speaker",
      "/en/checkin",
      "/en/admin",
      "/en/admin/agenda",
      "/en/admin/quotes",
      "/en/admin/sessions/x",
      "/en/notices/abc",
      "/en/verify/abc",
      "/fr/agenda",
      "/en/speakers/a/b",
      "/en/quotes/not-a-number",
      "/api/v1/sessions",
    ]) {
      expect(wakesOnInteraction(path), path).toBe(false);
    }
  });
});

// The shape of the HTML Next 16 writes for a page rendered ahead (trimmed): e2e/wake.spec.ts checks
// a real build's pages against the same expectations.
const page = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/35xk.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/43u9.js"/>',
  '<script src="/_next/static/chunks/3jua.js" async=""></script>',
  '<script src="/_next/static/chunks/turbopack-077h.js" async=""></script>',
  '<script src="/_next/static/chunks/0cz1.js" noModule=""></script>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]})</script>',
  "</head><body><main>Text</main>",
  '<script id="forum-wake" src="/wake.js" defer="" data-service-worker=""></script>',
  '<script src="/_next/static/chunks/43u9.js" async=""></script>',
  "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
  '<script>self.__next_f.push([1,"data"])</script>',
  "</body></html>",
].join("");

describe("deferFrameworkScripts", () => {
  const out = deferFrameworkScripts(Buffer.from(page)).toString();

  it("takes Next's chunk scripts and their preload hints out of the page", () => {
    expect(out).not.toMatch(/<script src="\/_next\/static\/[^"]+" async="">/);
    expect(out).not.toContain('rel="preload" as="script"');
  });

  it("lists them, in their order, on the wake script for it to load", () => {
    expect(out).toContain(
      '<script id="forum-wake" src="/wake.js" data-chunks="/_next/static/chunks/3jua.js /_next/static/chunks/turbopack-077h.js /_next/static/chunks/43u9.js" defer=""',
    );
  });

  it("types the inline flight data so that it waits for the wake script, unchanged and in its order", () => {
    expect(out).toContain('<script type="forum/flight">(self.__next_f=self.__next_f||[]).push([0])</script><script type="forum/flight">self.__next_f.push([1,"data"])</script>');
    expect(out).not.toContain("<script>self.__next_f");
  });

  it("keeps Next's other inline scripts, the style sheet and the old browsers' fallback", () => {
    expect(out).toContain('<script id="_R_">');
    expect(out).toContain('rel="stylesheet"');
    expect(out).toContain('noModule=""');
    expect(out).toContain("<main>Text</main>");
  });

  it("returns a page without the wake script (an error page of Next's) as it was", () => {
    const other = page.replace('<script id="forum-wake" src="/wake.js" defer="" data-service-worker=""></script>', "");
    expect(deferFrameworkScripts(Buffer.from(other)).toString()).toBe(other);
  });

  it("keeps the page's text byte for byte, Chinese included", () => {
    const chinese = page.replace("Text", "中国汽车论坛");
    expect(deferFrameworkScripts(Buffer.from(chinese)).toString()).toContain("<main>中国汽车论坛</main>");
  });
});
