import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { CANCELLED_PREFIX } from "../lib/schedule/model";
import { openDatabase } from "./fixtures/content-db";
import { expectHydrated } from "./support/hydration";
import { site } from "./support/site";

// Issue 14, "found without running a script": every session of every day is reachable by plain
// links from /en/agenda, each day at an address of its own; /sitemap.xml lists every public page
// in both languages; a session page carries its schema.org Event.

type ScheduleEvent = { date: string; end: string; url: string; title: string; persons: { public_name: string }[] };
type Schedule = { schedule: { conference: { days: { date: string; rooms: Record<string, ScheduleEvent[]> }[] } } };

/** The current edition's days and public sessions (published and cancelled), as schedule.json lists them. */
async function program(request: APIRequestContext) {
  const response = await request.get("/schedule.json");
  expect(response.status()).toBe(200);
  const { schedule } = (await response.json()) as Schedule;
  const days = schedule.conference.days.map((d) => d.date);
  const events = schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
  // schedule.json links each session's permanent address (/en/2024/sessions/…); the current
  // edition's pages are also at the unprefixed ones, which its agenda and the sitemap give.
  const unprefixed = (url: string) => new URL(url).pathname.replace(/^\/(en|zh-CN)\/[^/]+\/sessions\//, "/$1/sessions/");
  return { days, events, paths: new Set(events.map((e) => unprefixed(e.url))) };
}

/** schedule.json marks a cancelled session in its title, as frab's players show it. */
function isCancelled(event: ScheduleEvent): boolean {
  return event.title.startsWith(CANCELLED_PREFIX.en);
}

/** The session links in the day's panel of the page, as served. */
const sessionLinks = (page: Page) =>
  page.locator('#agenda-panel a[href*="/sessions/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));

// The same past edition e2e/editions-public.spec.ts adds (the same statements, so either may run first).
const PAST = { slug: "caf2023", path: "2023", session: "keynote-intelligent-connected-nev", title: "Opening of the 2023 forum" };

test.beforeAll(() => {
  const db = openDatabase();
  try {
    db.transaction(() => {
      const event = db
        .prepare(
          `insert into events (slug, path, is_current, name_en, name_zh, venue_en, venue_zh, time_zone, start_date, end_date)
           values (?, ?, 0, 'China Auto Forum 2023', '2023中国汽车论坛', 'Expo Centre', '会展中心', 'Europe/Berlin', '2023-06-01', '2023-06-02')
           on conflict(slug) do update set path = excluded.path returning id`,
        )
        .get(PAST.slug, PAST.path) as { id: number };
      const room = db
        .prepare("insert into rooms (event_id, slug, name_en, name_zh) values (?, 'expo-hall', 'Expo Hall', '展厅') on conflict(event_id, slug) do update set name_en = excluded.name_en returning id")
        .get(event.id) as { id: number };
      db.prepare(
        `insert into sessions (event_id, slug, type, status, starts_at, ends_at, room_id, title_en, title_zh)
         values (?, ?, 'ceremony', 'published', ?, ?, ?, ?, '2023年论坛开幕') on conflict do nothing`,
      ).run(event.id, PAST.session, Date.parse("2023-06-01T07:00:00Z"), Date.parse("2023-06-01T07:30:00Z"), room.id, PAST.title);
    })();
  } finally {
    db.close();
  }
});

test.describe("with scripts disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("from /en/agenda, the day tabs and the session links reach every public session of every day", async ({ page, request }) => {
    const { days, paths } = await program(request);
    expect(days.length).toBe(3);
    await page.goto("/en/agenda");
    const tabs = page.getByRole("tab");
    await expect(tabs).toHaveCount(days.length);

    const reached = new Set<string>();
    for (const [i, day] of days.entries()) {
      // Each tab is a link to the day's own address, followed from whichever day is shown.
      await expect(tabs.nth(i)).toHaveAttribute("href", `/en/agenda/${day}`);
      await tabs.nth(i).click();
      await expect(page).toHaveURL(new RegExp(`/en/agenda/${day}$`));
      await expect(tabs.nth(i)).toHaveAttribute("aria-selected", "true");
      await expect(page.getByRole("tabpanel")).toHaveAccessibleName(site.en.dayLong[i]!);
      const links = await sessionLinks(page);
      expect(links.length, day).toBeGreaterThan(0);
      for (const href of links) reached.add(href);
    }
    expect([...reached].sort()).toEqual([...paths].sort());

    // Every link opens its page.
    for (const href of reached) expect((await request.get(href)).status(), href).toBe(200);
  });

  test("every day is reachable in Chinese and in a past edition's archive, whose sessions keep their own addresses", async ({ page }) => {
    await page.goto("/zh-CN/agenda");
    await page.getByRole("tab").nth(2).click();
    await expect(page).toHaveURL(/\/zh-CN\/agenda\/\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByRole("tabpanel")).toHaveAccessibleName(site["zh-CN"].dayLong[2]!);

    await page.goto(`/en/${PAST.path}/agenda`);
    await expect(page.getByRole("tab")).toHaveCount(2);
    await page.getByRole("tab").nth(1).click();
    await expect(page).toHaveURL(`/en/${PAST.path}/agenda/2023-06-02`);
    await expect(page.getByRole("tab").nth(1)).toHaveAttribute("aria-selected", "true");
    await page.getByRole("tab").nth(0).click();
    await page.locator("#agenda-panel").getByRole("link", { name: PAST.title }).first().click();
    await expect(page).toHaveURL(`/en/${PAST.path}/sessions/${PAST.session}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PAST.title);
  });

  test("a session links back to its day's own address", async ({ page, request }) => {
    const { events } = await program(request);
    const last = events.at(-1)!;
    await page.goto(new URL(last.url).pathname);
    await page.getByRole("link", { name: "Back to the agenda" }).click();
    await expect(page).toHaveURL(new RegExp(`/en/agenda/${last.date.slice(0, 10)}$`));
    await expect(page.getByRole("tab").nth(2)).toHaveAttribute("aria-selected", "true");
  });
});

test("a day that is not one of the edition's is not found", async ({ request }) => {
  for (const path of ["/en/agenda/2024-07-14", "/en/agenda/not-a-day", "/zh-CN/agenda/2024-02-30", `/en/${PAST.path}/agenda/2024-07-12`, "/en/1999/agenda/2024-07-12"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  // Control: the days themselves are there.
  for (const path of ["/en/agenda/2024-07-12", "/zh-CN/2024/agenda/2024-07-13", `/en/${PAST.path}/agenda/2023-06-01`]) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
});

test("with the script, a day's address keeps its tabs and filters working in place", async ({ page }) => {
  await page.goto("/en/agenda/2024-07-12");
  await expectHydrated(page.getByRole("searchbox", { name: site.en.search, exact: true }));
  await expect(page.getByRole("tab", { name: site.en.days[1] })).toHaveAttribute("aria-selected", "true");
  await page.getByRole("combobox", { name: site.en.type, exact: true }).selectOption("keynote");
  await expect(page).toHaveURL(/\/en\/agenda\/2024-07-12\?type=keynote$/);
  await page.getByRole("tab", { name: site.en.days[2] }).click();
  // Another day replaces the path and keeps the filter; the page is not reloaded.
  await expect(page).toHaveURL(/\/en\/agenda\/2024-07-13\?type=keynote$/);
  await expect(page.getByRole("tabpanel")).toHaveAccessibleName(site.en.dayLong[2]!);
  await expect(page.getByRole("tab", { name: site.en.days[2] })).toHaveAttribute("aria-selected", "true");
  await page.reload();
  await expect(page.getByRole("combobox", { name: site.en.type, exact: true })).toHaveValue("keynote");
  await expect(page.getByRole("tabpanel")).toHaveAccessibleName(site.en.dayLong[2]!);
});

test.describe("the sitemap", () => {
  test("robots.txt points to /sitemap.xml by its full address", async ({ request }) => {
    const response = await request.get("/robots.txt");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/^Sitemap: https?:\/\/[^\s/]+\/sitemap\.xml$/m);
  });

  test("/sitemap.xml is valid XML listing every public page in both languages with its alternates", async ({ page, request }) => {
    const response = await request.get("/sitemap.xml");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/xml/);
    const xml = await response.text();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      const SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
      const XHTML = "http://www.w3.org/1999/xhtml";
      return {
        errors: doc.getElementsByTagName("parsererror").length,
        root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
        urls: [...doc.getElementsByTagNameNS(SITEMAP, "url")].map((url) => ({
          loc: url.getElementsByTagNameNS(SITEMAP, "loc")[0]?.textContent ?? "",
          alternates: Object.fromEntries(
            [...url.getElementsByTagNameNS(XHTML, "link")].map((link) => [link.getAttribute("hreflang"), link.getAttribute("href")]),
          ) as Record<string, string>,
        })),
      };
    }, xml);
    expect(parsed.errors).toBe(0);
    expect(parsed.root).toBe("http://www.sitemaps.org/schemas/sitemap/0.9 urlset");

    const pathOf = (address: string) => new URL(address).pathname;
    const locs = parsed.urls.map((u) => pathOf(u.loc));
    for (const { loc, alternates } of parsed.urls) {
      const path = pathOf(loc);
      const rest = path.replace(/^\/(en|zh-CN)/, "");
      expect(path, loc).toMatch(/^\/(en|zh-CN)(\/|$)/);
      expect(Object.keys(alternates).sort(), loc).toEqual(["en", "x-default", "zh-CN"]);
      expect(pathOf(alternates.en!)).toBe(`/en${rest}`);
      expect(pathOf(alternates["zh-CN"]!)).toBe(`/zh-CN${rest}`);
      expect(pathOf(alternates["x-default"]!)).toBe(rest || "/");
      expect(alternates[path.startsWith("/en") ? "en" : "zh-CN"]).toBe(loc);
    }
    expect(new Set(locs).size).toBe(locs.length);

    // Every public session of the current edition in both languages, and nothing else under /sessions/.
    const { days, paths } = await program(request);
    const sessions = locs.filter((p) => /^\/(en|zh-CN)\/sessions\//.test(p)).sort();
    expect(sessions).toEqual([...paths].flatMap((p) => [p, p.replace(/^\/en/, "/zh-CN")]).sort());
    for (const locale of ["en", "zh-CN"]) {
      for (const page of ["", "/agenda", "/speakers", "/quotes", "/register", ...days.map((d) => `/agenda/${d}`), `/${PAST.path}/agenda`, `/${PAST.path}/agenda/2023-06-01`, `/${PAST.path}/sessions/${PAST.session}`]) {
        expect(locs).toContain(`/${locale}${page}`);
      }
    }
    expect(locs.filter((p) => p.startsWith("/en/speakers/")).length).toBeGreaterThan(3);
    expect(locs.filter((p) => p.startsWith("/zh-CN/quotes/")).length).toBeGreaterThan(3);
    // Every address it lists is a page.
    for (const path of locs.filter((p) => p.startsWith("/zh-CN/"))) expect((await request.get(path)).status(), path).toBe(200);
  });
});

test("a session page's JSON-LD is a schema.org Event with its times' offset, the venue and the performers, allowed by a strict CSP", async ({ page, request }) => {
  const { events } = await program(request);
  const talk = events.find((e) => !isCancelled(e) && e.persons.length > 0)!;
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto(new URL(talk.url).pathname);
  const policy = response?.headers()["content-security-policy"] ?? "";
  const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/^\s*script-src 'self'/);
  expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval|\*/);

  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(blocks).toHaveLength(1);
  const data = JSON.parse(blocks[0]!) as Record<string, unknown> & { performer: { "@type": string; name: string; url: string }[]; location: { "@type": string; address: string } };
  expect(data["@context"]).toBe("https://schema.org");
  expect(data["@type"]).toBe("Event");
  // Forum time with its offset (Shanghai, UTC+8), the same instants as schedule.json's.
  expect(data.startDate).toBe(talk.date);
  expect(data.endDate).toBe(talk.end);
  expect(data.startDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  expect(data.eventStatus).toBe("https://schema.org/EventScheduled");
  expect(data.location["@type"]).toBe("Place");
  expect(data.location.address).toBe(site.en.venue);
  expect(data.performer.map((p) => p["@type"])).toEqual(talk.persons.map(() => "Person"));
  expect(data.performer.map((p) => p.name)).toEqual(talk.persons.map((p) => p.public_name));
  expect(new URL(data.url as string).pathname).toBe(new URL(talk.url).pathname);

  // The cancelled session says so.
  const cancelled = events.find(isCancelled)!;
  await page.goto(new URL(cancelled.url).pathname);
  const other = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as { eventStatus: string };
  expect(other.eventStatus).toBe("https://schema.org/EventCancelled");
  expect(violations).toEqual([]);
});
