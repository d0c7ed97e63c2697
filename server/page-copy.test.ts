import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { tagCovers } from "./cache-tags.mjs";
import { createPageCopy, isFreshFromNext, pageCopyBytes } from "./page-copy.mjs";

type Invalidation = { tag: string; at: number };

/** The shared record, in memory: `revalidate` is what any process's revalidation writes. */
function fakeShared() {
  const rows: Invalidation[] = [];
  let seen = 0;
  const listeners = new Set<(i: Invalidation[]) => void>();
  return {
    revalidate: (tag: string, at: number) => rows.push({ tag, at }),
    shared: {
      poll() {
        const fresh = rows.slice(seen);
        seen = rows.length;
        if (fresh.length) for (const listener of listeners) listener(fresh);
        return fresh;
      },
      subscribe(listener: (i: Invalidation[]) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      latestWhere(covers: (tag: string) => boolean) {
        return Math.max(-Infinity, ...rows.slice(0, seen).filter((row) => covers(row.tag)).map((row) => row.at));
      },
    },
  };
}

const html = (text: string, size = 2_000) => Buffer.from(`<html>${text}${" ".repeat(size)}</html>`);
const page = (text: string, cache = "HIT", size?: number) => ({
  status: 200,
  headers: { "content-type": "text/html; charset=utf-8", "x-nextjs-cache": cache },
  body: html(text, size),
  scripts: [],
});

describe("the page copy", () => {
  it("keeps a fresh page with its gzip copy made once, and sends it again", () => {
    let t = 100;
    const { shared } = fakeShared();
    const copy = createPageCopy({ maxBytes: 1_000_000, now: () => t, shared });
    expect(copy.offer("/en/agenda", copy.begin(), page("agenda"))).toBe(true);
    t = 200;
    const entry = copy.lookup("/en/agenda");
    expect(entry?.body.toString()).toContain("agenda");
    expect(gunzipSync(entry!.gzip!).toString()).toBe(entry!.body.toString());
    expect(copy.lookup("/en/speakers")).toBeUndefined();
  });

  it("takes only what Next calls fresh: not STALE, not a page rendered per request, not an error", () => {
    const { shared } = fakeShared();
    const copy = createPageCopy({ maxBytes: 1_000_000, shared });
    expect(copy.offer("/a", 0, page("a", "STALE"))).toBe(false);
    expect(copy.offer("/b", 0, { ...page("b"), headers: { "content-type": "text/html" } })).toBe(false);
    expect(copy.offer("/c", 0, { ...page("c"), status: 404 })).toBe(false);
    expect(copy.offer("/d", 0, page("d", "MISS"))).toBe(true);
    expect(copy.size()).toBe(1);
    expect(isFreshFromNext("HIT")).toBe(true);
    expect(isFreshFromNext("REVALIDATED")).toBe(false);
  });

  it("forgets exactly the pages a revalidation in any process covers", () => {
    let t = 10;
    const { shared, revalidate } = fakeShared();
    const copy = createPageCopy({ maxBytes: 1_000_000, now: () => t, shared });
    for (const key of ["/en/speakers/wang-yao", "/en/speakers/li-na", "/zh-CN/speakers/wang-yao", "/en/agenda"]) copy.offer(key, copy.begin(), page(key));
    t = 20;
    revalidate("_N_T_/en/speakers/wang-yao", 20);
    expect(copy.lookup("/en/speakers/wang-yao")).toBeUndefined();
    expect(copy.lookup("/en/speakers/li-na")).toBeDefined();
    expect(copy.lookup("/zh-CN/speakers/wang-yao")).toBeDefined();
    revalidate("_N_T_/[locale]/layout", 21);
    expect(copy.lookup("/en/agenda")).toBeUndefined();
    expect(copy.size()).toBe(0);
    expect(copy.bytes()).toBe(0);
  });

  it("refuses a page whose render began before a revalidation that covers it", () => {
    let t = 10;
    const { shared, revalidate } = fakeShared();
    const copy = createPageCopy({ maxBytes: 1_000_000, now: () => t, shared });
    const startedAt = copy.begin();
    t = 15;
    revalidate("_N_T_/[locale]/agenda/page", 15);
    expect(copy.offer("/en/agenda", startedAt, page("old agenda"))).toBe(false);
    t = 16;
    expect(copy.offer("/en/agenda", copy.begin(), page("new agenda"))).toBe(true);
  });

  it("stays within its bytes, dropping the page sent least recently", () => {
    const { shared } = fakeShared();
    // Pages of ~20 kB that compress to almost nothing: the plain bytes decide.
    const copy = createPageCopy({ maxBytes: 100_000, shared });
    for (const key of ["/1", "/2", "/3", "/4"]) expect(copy.offer(key, 0, page(key, "HIT", 20_000))).toBe(true);
    copy.lookup("/1");
    copy.offer("/5", 0, page("/5", "HIT", 20_000));
    expect(copy.bytes()).toBeLessThanOrEqual(100_000);
    expect(copy.lookup("/1")).toBeDefined();
    expect(copy.lookup("/2")).toBeUndefined();
    expect(copy.offer("/huge", 0, page("huge", "HIT", 60_000))).toBe(false);
  });

  it("PAGE_COPY_BYTES: a number of bytes, 0 to turn it off, else 64 MiB", () => {
    expect(pageCopyBytes(undefined)).toBe(64 * 1024 * 1024);
    expect(pageCopyBytes("0")).toBe(0);
    expect(pageCopyBytes("1000")).toBe(1000);
    expect(pageCopyBytes("lots")).toBe(64 * 1024 * 1024);
    const { shared } = fakeShared();
    expect(createPageCopy({ maxBytes: 0, shared }).offer("/a", 0, page("a"))).toBe(false);
  });

  it("its covering rule is the tags' own", () => {
    expect(tagCovers("_N_T_/[locale]/quotes/[id]/page", "/en/quotes/3")).toBe(true);
  });
});
