import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { event } from "../db/seed/article";
import { openApiDocument } from "../lib/api/openapi";
import { openApiValidator } from "../lib/api/openapi-validator";
import { cancelledSlug } from "./support/site";

// The read-only API against the seeded forum. Every answer is checked against the OpenAPI document
// as it arrives; the last test checks that each documented answer of these endpoints occurs.

const validator = openApiValidator(JSON.parse(JSON.stringify(openApiDocument(event))));

type Body = Record<string, unknown>;
type Named = { slug: string };
type Session = Body & {
  slug: string;
  status: string;
  startsAt: string;
  speakers: (Named & { role: string })[];
};
type Quote = Body & { id: number; speaker: Named; topics: Named[]; session: Named | null };

const seen = new Set<string>();

/** Reads the answer, and checks it is JSON any origin may read, shaped as the document gives that status. */
async function documented(response: APIResponse, path: string): Promise<Body> {
  const status = response.status();
  seen.add(`get ${path} ${status}`);
  expect(status, "no answer of the API is a server error").toBeLessThan(500);
  const headers = response.headers();
  expect(headers["access-control-allow-origin"]).toBe("*");
  expect(headers["content-type"]).toMatch(/^application\/json/);
  if (status === 200) {
    expect(headers["cache-control"]).toBe("public, max-age=60");
    expect(headers["etag"]).toMatch(/^(W\/)?"[^"]+"$/);
  } else {
    expect(headers["cache-control"]).toBe("no-store");
  }
  const body = (await response.json()) as Body;
  expect(validator.response(path, "get", status, body), `GET ${response.url()} ${status}`).toEqual(
    [],
  );
  return body;
}

async function get(request: APIRequestContext, url: string, path: string) {
  const response = await request.get(url);
  return { status: response.status(), body: await documented(response, path), response };
}

const quotesAt = async (request: APIRequestContext, query: string) => {
  const { status, body } = await get(request, `/api/v1/quotes${query}`, "/api/v1/quotes");
  expect(status, query).toBe(200);
  return body as { data: Quote[]; nextCursor: string | null };
};

test.describe.configure({ mode: "serial" });

test.describe("GET /api/v1/sessions", () => {
  test("lists the 30 public sessions in both languages, cancelled marked, drafts absent", async ({
    request,
  }) => {
    const { status, body } = await get(request, "/api/v1/sessions", "/api/v1/sessions");
    expect(status).toBe(200);
    const sessions = (body as { data: Session[] }).data;
    expect(sessions).toHaveLength(30);
    expect(sessions.map((s) => s.slug)).not.toContain("farewell-reception");
    expect(sessions.find((s) => s.slug === cancelledSlug)?.status).toBe("cancelled");
    expect(sessions.filter((s) => s.status === "published")).toHaveLength(29);
    expect(sessions[0]).toMatchObject({
      slug: "opening-ceremony",
      type: "ceremony",
      status: "published",
      startsAt: "2024-07-11T01:00:00.000Z",
      endsAt: "2024-07-11T01:30:00.000Z",
      timeZone: "Asia/Shanghai",
      day: "2024-07-11",
      title: { en: "Opening Ceremony", zh: "开幕式" },
      room: { slug: "main-hall", name: { en: "Main Hall", zh: "主会场" } },
      track: { slug: "plenary", name: { en: "Opening & Keynotes", zh: "开幕与主旨演讲" } },
    });
  });

  test("answers 304 to If-None-Match with the current ETag, and 200 to another", async ({
    request,
  }) => {
    const first = await request.get("/api/v1/sessions");
    await documented(first, "/api/v1/sessions");
    const etag = first.headers()["etag"]!;
    const again = await request.get("/api/v1/sessions", { headers: { "if-none-match": etag } });
    expect(again.status()).toBe(304);
    seen.add("get /api/v1/sessions 304");
    expect(again.headers()["etag"]).toBe(etag);
    expect(again.headers()["access-control-allow-origin"]).toBe("*");
    expect(again.headers()["cache-control"]).toBe("public, max-age=60");
    expect(await again.body()).toHaveLength(0);
    const other = await request.get("/api/v1/sessions", {
      headers: { "if-none-match": 'W/"stale"' },
    });
    expect(other.status()).toBe(200);
    expect(other.headers()["etag"]).toBe(etag);
  });

  test("answers a CORS preflight: any origin may read, nothing else", async ({ request }) => {
    for (const path of [
      "/api/v1/sessions",
      "/api/v1/sessions/opening-ceremony",
      "/api/v1/speakers",
      "/api/v1/speakers/wang-yao",
      "/api/v1/quotes",
    ]) {
      const response = await request.fetch(path, {
        method: "OPTIONS",
        headers: {
          origin: "https://app.example",
          "access-control-request-method": "GET",
          "access-control-request-headers": "if-none-match",
        },
      });
      expect(response.status(), path).toBe(204);
      const headers = response.headers();
      expect(headers["allow"]).toBe("GET, HEAD, OPTIONS");
      expect(headers["access-control-allow-origin"]).toBe("*");
      expect(headers["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS");
      expect(headers["access-control-allow-headers"]).toBe("if-none-match");
    }
    const head = await request.head("/api/v1/sessions");
    expect(head.status()).toBe(200);
    expect(head.headers()["access-control-allow-origin"]).toBe("*");
    const write = await request.post("/api/v1/sessions", { data: {} });
    expect(write.status()).toBe(405);
  });
});

test.describe("GET /api/v1/sessions/{slug}", () => {
  const ITEM = "/api/v1/sessions/{slug}";

  test("answers 200 with the session, its speakers and their roles", async ({ request }) => {
    const { status, body } = await get(request, "/api/v1/sessions/panel-nev-market-growth", ITEM);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      slug: "panel-nev-market-growth",
      startsAt: "2024-07-11T03:30:00.000Z",
      speakers: [{ slug: "moderator", name: { en: "Moderator", zh: "主持人" }, role: "moderator" }],
      quotes: [],
    });
    // No real person the article quotes is the speaker of an invented session.
    const keynote = await get(request, "/api/v1/sessions/keynote-intelligent-connected-nev", ITEM);
    expect(keynote.body).toMatchObject({ startsAt: "2024-07-11T01:30:00.000Z", speakers: [], quotes: [] });
    const cancelled = await get(request, `/api/v1/sessions/${cancelledSlug}`, ITEM);
    expect(cancelled.body.status).toBe("cancelled");
  });

  test("answers 404 in JSON for a draft, an unknown slug and slugs of any malformed shape", async ({
    request,
  }) => {
    const slugs = [
      "farewell-reception",
      "no-such-session",
      "Opening-Ceremony",
      "opening_ceremony",
      "-opening",
      "%E5%BC%80%E5%B9%95%E5%BC%8F",
      "a".repeat(300),
      "..%2F..%2Fetc%2Fpasswd",
      "%00",
      "opening-ceremony%20",
      "1e9",
    ];
    for (const slug of slugs) {
      const { status, body } = await get(request, `/api/v1/sessions/${slug}`, ITEM);
      expect(status, slug).toBe(404);
      expect(body.error).toEqual(expect.any(String));
    }
  });
});

test.describe("GET /api/v1/speakers", () => {
  test("lists the speakers in both languages, the article's people marked as quoted in it", async ({ request }) => {
    const { status, body } = await get(request, "/api/v1/speakers", "/api/v1/speakers");
    expect(status).toBe(200);
    const speakers = (body as { data: (Named & { quotedIn: { title: string } | null })[] }).data;
    expect(speakers.map((s) => s.slug)).toEqual([
      "liu-jining",
      "lu-fangzhou",
      "moderator",
      "carmaker-representative",
      "jiading-chip-company-representative",
      "wang-yao",
    ]);
    expect(speakers[0]).toMatchObject({
      jobTitle: { en: "Chief financial officer", zh: "首席财务官" },
      organisation: { en: "Ji Yue Auto", zh: "极越汽车" },
      quotedIn: { title: "Industry experts address auto sector's sustainability", publishedOn: "2024-07-25" },
    });
    const quoted = speakers.filter((s) => s.quotedIn !== null).map((s) => s.slug);
    expect(quoted).toEqual(["liu-jining", "lu-fangzhou", "wang-yao"]);
  });

  test("gives one speaker with their public sessions, roles and quotes, and 404 otherwise", async ({
    request,
  }) => {
    const ITEM = "/api/v1/speakers/{slug}";
    const { status, body } = await get(request, "/api/v1/speakers/carmaker-representative", ITEM);
    expect(status).toBe(200);
    expect(body).toMatchObject({ quotedIn: null, quotes: [] });
    expect(body.sessions).toEqual([
      expect.objectContaining({
        slug: "talk-exporting-software-intelligence",
        role: "speaker",
        status: "published",
      }),
    ]);
    // A real person: the source that quotes them, their words, and no session.
    const liu = await get(request, "/api/v1/speakers/liu-jining", ITEM);
    expect(liu.body).toMatchObject({ sessions: [], quotedIn: { publishedOn: "2024-07-25" } });
    expect((liu.body.quotes as unknown[]).length).toBe(3);
    for (const slug of ["nobody", "Liu-Jining", "liu jining", "x".repeat(200)]) {
      const missing = await get(request, `/api/v1/speakers/${encodeURIComponent(slug)}`, ITEM);
      expect(missing.status, slug).toBe(404);
    }
  });
});

test.describe("GET /api/v1/quotes", () => {
  test("walks all 6 quotes one page at a time, then gives no cursor", async ({ request }) => {
    const ids: number[] = [];
    let query = "?limit=1";
    for (let page = 0; page < 10; page++) {
      const body = await quotesAt(request, query);
      expect(body.data).toHaveLength(1);
      ids.push(...body.data.map((q) => q.id));
      if (!body.nextCursor) break;
      query = `?limit=1&cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    expect(ids).toHaveLength(6);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const all = await quotesAt(request, "");
    expect(all.data.map((q) => q.id)).toEqual(ids);
    expect(all.nextCursor).toBeNull();
    expect(all.data[0]).toMatchObject({
      kind: "paraphrase",
      language: "en",
      translation: { language: "zh", text: expect.any(String), translatedBy: "site", label: "本站译文，非本人原话" },
      speaker: { slug: "wang-yao" },
      source: {
        title: "Industry experts address auto sector's sustainability",
        publisher: null,
        url: null,
      },
      session: null,
    });
  });

  test("filters by speaker, topic and search as the site does", async ({
    request,
  }) => {
    const liu = await quotesAt(request, "?speaker=liu-jining");
    expect(liu.data.map((q) => q.speaker.slug)).toEqual(["liu-jining", "liu-jining", "liu-jining"]);
    const software = await quotesAt(request, "?topic=software");
    expect(software.data).toHaveLength(1);
    expect(software.data[0]!.topics.map((t) => t.slug)).toContain("software");
    // The site's search reads translations too: "软件" stands only in the translation of Liu
    // Jining's words on software, "核心区" only in that of Lu Fangzhou's reported words.
    const zh = await quotesAt(request, `?q=${encodeURIComponent("软件")}`);
    expect(zh.data.map((q) => q.speaker.slug)).toEqual(["liu-jining"]);
    const core = await quotesAt(request, `?q=${encodeURIComponent("核心区")}`);
    expect(core.data.map((q) => q.speaker.slug)).toEqual(["lu-fangzhou"]);
    const both = await quotesAt(request, `?q=${encodeURIComponent("软件")}&topic=software`);
    expect(both.data).toHaveLength(1);
    expect((await quotesAt(request, "?q=apollo+JIADING")).data).toHaveLength(1);
    expect((await quotesAt(request, "?q=farewell")).data).toEqual([]);
  });

  test("answers 400 in JSON for a malformed cursor, limit or q, or an unknown filter", async ({ request }) => {
    const cases: [string, string][] = [
      ["?speaker=nobody", "speaker"],
      ["?topic=%3Cscript%3E", "topic"],
      ["?cursor=not-a-cursor!", "cursor"],
      ["?cursor=", "cursor"],
      ["?cursor=YWJj", "cursor"],
      ["?limit=0", "limit"],
      ["?limit=101", "limit"],
      ["?limit=ten", "limit"],
      ["?limit=2.5", "limit"],
      [`?q=${"x".repeat(201)}`, "q"],
    ];
    for (const [query, parameter] of cases) {
      const { status, body } = await get(request, `/api/v1/quotes${query}`, "/api/v1/quotes");
      expect(status, query).toBe(400);
      expect(body.parameter, query).toBe(parameter);
    }
  });

  test("answers 304 to If-None-Match per page", async ({ request }) => {
    const first = await request.get("/api/v1/quotes?limit=2");
    await documented(first, "/api/v1/quotes");
    const etag = first.headers()["etag"]!;
    const again = await request.get("/api/v1/quotes?limit=2", {
      headers: { "if-none-match": etag },
    });
    expect(again.status()).toBe(304);
    seen.add("get /api/v1/quotes 304");
    const other = await request.get("/api/v1/quotes?limit=3", {
      headers: { "if-none-match": etag },
    });
    expect(other.status()).toBe(200);
  });

  test("never shows a draft session, through quotes or speakers", async ({ request }) => {
    const all = await quotesAt(request, "?limit=100");
    for (const quote of all.data) expect(quote.session?.slug).not.toBe("farewell-reception");
    for (const slug of ["wang-yao", "liu-jining", "lu-fangzhou"]) {
      const { body } = await get(request, `/api/v1/speakers/${slug}`, "/api/v1/speakers/{slug}");
      expect(JSON.stringify(body)).not.toContain("farewell-reception");
    }
  });
});

test.describe("editions", () => {
  test("GET /api/v1/editions lists the seeded edition as the current one, with its exports", async ({ request }) => {
    const { status, body, response } = await get(request, "/api/v1/editions", "/api/v1/editions");
    expect(status).toBe(200);
    // Other specs may add earlier editions: the seeded one is there, and current.
    const seeded = (body.data as { acronym: string; current: boolean; schedule: { json: string } }[]).find((e) => e.acronym === event.slug);
    expect(seeded?.current).toBe(true);
    expect(seeded?.schedule.json).toMatch(new RegExp(`/editions/${event.path}/schedule\\.json$`));
    const again = await request.get("/api/v1/editions", { headers: { "if-none-match": response.headers()["etag"]! } });
    expect(again.status()).toBe(304);
    seen.add("get /api/v1/editions 304");
  });

  test("sessions, speakers and quotes take an edition by acronym; one that does not exist is a 400", async ({ request }) => {
    const unfiltered = await get(request, "/api/v1/sessions", "/api/v1/sessions");
    const filtered = await get(request, `/api/v1/sessions?edition=${event.slug}`, "/api/v1/sessions");
    expect(filtered.body).toEqual(unfiltered.body);
    expect((filtered.body.data as Session[]).every((s) => s.edition === event.slug)).toBe(true);
    const one = await get(request, `/api/v1/sessions/opening-ceremony?edition=${event.slug}`, "/api/v1/sessions/{slug}");
    expect(one.status).toBe(200);
    expect((await get(request, `/api/v1/speakers?edition=${event.slug}`, "/api/v1/speakers")).status).toBe(200);
    expect((await quotesAt(request, `?edition=${event.slug}&limit=100`)).data.every((q) => q.edition === event.slug)).toBe(true);
    for (const [url, path] of [
      ["/api/v1/sessions?edition=caf1999", "/api/v1/sessions"],
      ["/api/v1/sessions/opening-ceremony?edition=caf1999", "/api/v1/sessions/{slug}"],
      ["/api/v1/speakers?edition=caf1999", "/api/v1/speakers"],
      ["/api/v1/quotes?edition=caf1999", "/api/v1/quotes"],
      ["/api/v1/sessions?edition=%3Cscript%3E", "/api/v1/sessions"],
    ] as const) {
      const { status, body } = await get(request, url, path);
      expect(status, url).toBe(400);
      expect(body.parameter, url).toBe("edition");
    }
  });
});

test("every documented answer of the read-only API occurs", async ({ request }) => {
  // The 304s of the item paths, for completeness.
  for (const [url, path] of [
    ["/api/v1/sessions/opening-ceremony", "/api/v1/sessions/{slug}"],
    ["/api/v1/speakers", "/api/v1/speakers"],
    ["/api/v1/speakers/wang-yao", "/api/v1/speakers/{slug}"],
  ] as const) {
    const first = await request.get(url);
    await documented(first, path);
    const again = await request.get(url, {
      headers: { "if-none-match": first.headers()["etag"]! },
    });
    expect(again.status()).toBe(304);
    seen.add(`get ${path} 304`);
  }
  const readPaths = [
    "/api/v1/editions",
    "/api/v1/sessions",
    "/api/v1/sessions/{slug}",
    "/api/v1/speakers",
    "/api/v1/speakers/{slug}",
    "/api/v1/quotes",
  ];
  const expected = validator
    .operations()
    .filter((o) => readPaths.includes(o.path))
    .flatMap((o) => o.statuses.map((s) => `${o.method} ${o.path} ${s}`));
  expect([...seen].sort()).toEqual(expected.sort());
});
