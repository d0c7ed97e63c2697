import { expect, test, type Page } from "@playwright/test";
import { AgendaPage } from "./pages/agenda-page";
import { QuotesPage } from "./pages/quotes-page";
import { site } from "./support/site";

const SCRIPT = "<script>alert(1)</script>";
const IMG = '<img src=x onerror="alert(2)">';

/** Inputs as they might arrive in ?q=: what the search box should then hold (at most 200 characters). */
const inputs = [
  { name: "10,000 characters", q: "chip ".repeat(2000) },
  { name: "quotation marks", q: `"Automotive" 'Chip' “Valley” ‘x’` },
  { name: "SQL", q: "' OR 1=1 --" },
  { name: "SQL that would drop a table", q: "x'); DROP TABLE sessions; --" },
  { name: "a script tag", q: SCRIPT },
  { name: "an image with an error handler", q: IMG },
];

/** Records dialogs (alert) and any script the page may have been tricked into running. */
function watch(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

async function expectNoInjectedScript(page: Page) {
  const injected = await page.evaluate(() => ({
    scripts: [...document.querySelectorAll("script")].filter((s) =>
      /^alert\(\d\)$/.test(s.textContent?.trim() ?? ""),
    ).length,
    images: document.querySelectorAll('img[src="x"]').length,
  }));
  expect(injected).toEqual({ scripts: 0, images: 0 });
}

test.describe("hostile search text in the address", () => {
  for (const { name, q } of inputs) {
    test(`agenda renders normally with ${name}`, async ({ page }) => {
      const dialogs = watch(page);
      const agenda = new AgendaPage(page);
      const response = await agenda.goto(`?q=${encodeURIComponent(q)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Agenda");
      // The box shows the text as text; the app reads at most 200 characters of it.
      await expect(agenda.search).toHaveValue(q.slice(0, 200));
      await expect(agenda.panel.getByText(/sessions? on this day$/)).toBeVisible();
      await expect(agenda.clear).toBeEnabled();
      await expect(page.getByText("Something went wrong")).toHaveCount(0);
      await expectNoInjectedScript(page);
      expect(dialogs).toEqual([]);
    });

    test(`quote archive renders normally with ${name}`, async ({ page }) => {
      const dialogs = watch(page);
      const quotes = new QuotesPage(page);
      const response = await quotes.goto(`?q=${encodeURIComponent(q)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quote archive");
      await expect(quotes.search).toHaveValue(q.slice(0, 200));
      await expect(page.getByText(/^(No quotes|1 quote|\d+ quotes)$/)).toBeVisible();
      await expect(page.getByText("Something went wrong")).toHaveCount(0);
      await expectNoInjectedScript(page);
      expect(dialogs).toEqual([]);
    });
  }

  test("a long query is cut to 200 characters and still searches", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto(`?q=${"chip ".repeat(2000)}`);
    await agenda.expectCount(3);
    await expect(agenda.card("Site Visit: Automotive Chip Valley")).toBeVisible();
  });

  test("SQL in the query is only text: it finds nothing and breaks nothing", async ({ page }) => {
    const quotes = new QuotesPage(page);
    await quotes.goto(`?q=${encodeURIComponent("' OR 1=1 --")}`);
    // If the text reached a database as SQL, every quote would match.
    await quotes.expectCount(0);
    await quotes.goto();
    await quotes.expectCount(6);
  });
});

test.describe("hostile text typed into the search boxes", () => {
  test("agenda: a typed script tag is kept as text and escaped in the address", async ({
    page,
  }) => {
    const dialogs = watch(page);
    const agenda = new AgendaPage(page);
    await agenda.goto();
    await agenda.search.fill(SCRIPT);
    await expect(page).toHaveURL(/\?q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E$/);
    await expect(agenda.search).toHaveValue(SCRIPT);
    await agenda.expectCount(0);
    await agenda.search.fill(IMG);
    await expect(agenda.search).toHaveValue(IMG);
    await expectNoInjectedScript(page);
    expect(dialogs).toEqual([]);
  });

  test("quotes: a typed script tag is kept as text and escaped in the address", async ({
    page,
  }) => {
    const dialogs = watch(page);
    const quotes = new QuotesPage(page);
    await quotes.goto();
    await quotes.search.fill(SCRIPT);
    await expect(page).toHaveURL(/\?q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E$/);
    await expect(quotes.search).toHaveValue(SCRIPT);
    await quotes.expectCount(0);
    await expectNoInjectedScript(page);
    expect(dialogs).toEqual([]);
  });
});

test.describe("malformed addresses", () => {
  const paths = [
    "/en/sessions/..%2F..%2Fetc",
    "/en/sessions/%3Cscript%3E",
    "/en/sessions/Opening-Ceremony",
    `/en/sessions/${"a".repeat(300)}`,
    "/en/speakers/UPPER_case!",
    "/en/speakers/wang-yao'%20OR%201=1--",
    "/zh-CN/speakers/%E7%8E%8B%E8%80%80",
    "/en/quotes/-1",
    "/en/quotes/99999999999999999999",
  ];
  for (const path of paths) {
    test(`${path.slice(0, 60)} gives 404, not 500`, async ({ page }) => {
      const dialogs = watch(page);
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      const locale = path.startsWith("/zh-CN") ? "zh-CN" : "en";
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(site[locale].notFound);
      expect(dialogs).toEqual([]);
    });
  }

  // Broken percent-encoding cannot name any page: the answer is a client error, never a crash.
  for (const path of ["/en/sessions/%E0%A4%A", "/en/speakers/%ZZ"]) {
    test(`${path} (broken percent-encoding) gives a 4xx, not 500`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBeGreaterThanOrEqual(400);
      expect(response?.status()).toBeLessThan(500);
    });
  }

  // A first segment with a dot is no language: these once reached the pages as one, and crashed them.
  test("a first segment with a dot that is no file of ours gives 404, not 500; our root files still answer", async ({ request }) => {
    for (const path of ["/favicon.ico", "/x.y", "/en.x/agenda", "/foo.bar/agenda"]) {
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
    }
    for (const path of ["/robots.txt", "/sitemap.xml", "/schedule.json", "/agenda.ics", "/sw.js", "/manifest.webmanifest"]) {
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(200);
    }
  });

  test("a well-formed address still works (control)", async ({ page }) => {
    const response = await page.goto("/en/sessions/opening-ceremony");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Opening Ceremony");
  });

  test("an unknown locale ends on a 404 page", async ({ page }) => {
    const response = await page.goto("/fr/agenda");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Page not found/);
    await expect(page.getByRole("tab")).toHaveCount(0);
  });

  test("an unknown page under a locale is a localised 404", async ({ page }) => {
    const response = await page.goto("/zh-CN/nothing-here");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
  });
});
