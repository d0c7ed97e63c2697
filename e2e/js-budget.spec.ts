import { expect, test, type Browser } from "@playwright/test";
import { JS_BUDGET_KB, type PageKind } from "./support/js-budget";

// Issue 17: public pages are opened on mid-range phones over a congested venue network. Each kind
// of page has a budget of compressed script bytes (e2e/support/js-budget.ts, the README's table),
// and the text pages must read fully, links and all, with scripts disabled.

type Scripts = { total: number; scripts: string[] };

/**
 * Compressed bytes of every script a fresh visit to `path` fetches once the network is idle
 * (`atLoad`), and then once the person has pressed a key and React has taken the page over (`woken`).
 */
async function scriptBytes(browser: Browser, baseURL: string, path: string): Promise<{ atLoad: Scripts; woken: Scripts }> {
  // No service worker: it would answer repeat requests from its cache, and is not the page's.
  const context = await browser.newContext({ baseURL, serviceWorkers: "block" });
  const page = await context.newPage();
  let sizes: Promise<{ url: string; bytes: number }>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() === "script") sizes.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize })));
  });
  const sum = async (): Promise<Scripts> => {
    const all = await Promise.all(sizes);
    return { total: all.reduce((total, s) => total + s.bytes, 0), scripts: all.map((s) => `${(s.bytes / 1024).toFixed(1)} KB ${new URL(s.url).pathname}`) };
  };
  const response = await page.goto(path, { waitUntil: "networkidle" });
  expect(response?.status(), path).toBe(200);
  const atLoad = await sum();
  await page.keyboard.press("Shift");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.waitForLoadState("networkidle");
  const woken = await sum();
  sizes = [];
  await context.close();
  return { atLoad, woken };
}

/** A link of each kind, read from the pages that list them: the seed's slugs are data. */
async function firstLink(baseURL: string, listPath: string, pattern: RegExp): Promise<string> {
  const html = await (await fetch(new URL(listPath, baseURL))).text();
  const href = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!).find((h) => pattern.test(h));
  if (!href) throw new Error(`No link matching ${pattern} on ${listPath}`);
  return href;
}

test.describe("JavaScript budget per kind of page", () => {
  test("each public page loads no more compressed script than its kind's budget", async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const base = baseURL!;
    const pages: [PageKind, string][] = [
      ["home", "/en"],
      ["agenda", "/en/agenda"],
      // A day's own address (a day tab's link) loads what /en/agenda does, no more.
      ["agenda", await firstLink(base, "/en/agenda", /^\/en\/agenda\/\d{4}-\d{2}-\d{2}$/)],
      ["quotes", "/en/quotes"],
      ["text", await firstLink(base, "/en/agenda", /^\/en\/sessions\/[a-z0-9-]+$/)],
      ["text", await firstLink(base, "/en/speakers", /^\/en\/speakers\/[a-z0-9-]+$/)],
      ["text", await firstLink(base, "/en/quotes", /^\/en\/quotes\/\d+$/)],
      ["text", "/en/privacy"],
      ["text", "/zh-CN/privacy"],
    ];
    const over: string[] = [];
    for (const [kind, path] of pages) {
      const measured = await scriptBytes(browser, base, path);
      for (const when of ["atLoad", "woken"] as const) {
        const { total, scripts } = measured[when];
        const kb = total / 1024;
        const budget = JS_BUDGET_KB[when][kind];
        console.log(`${path} (${kind}, ${when}): ${kb.toFixed(1)} KB of ${budget} KB`);
        expect(scripts.length, `${path} ${when}`).toBeGreaterThan(0);
        if (kb > budget) over.push(`${path} ${when}: ${kb.toFixed(1)} KB > ${budget} KB\n  ${scripts.join("\n  ")}`);
      }
      // Before any use, the page fetches public/wake.js and nothing of Next's.
      expect(measured.atLoad.scripts.join("\n"), path).not.toContain("/_next/");
    }
    expect(over, "pages over their JavaScript budget").toEqual([]);
  });

  test("a text page carries no message catalogue, an island only its own namespaces", async ({ request }) => {
    const speaker = await (await request.get("/en/speakers")).text();
    const speakerPath = speaker.match(/href="(\/en\/speakers\/[a-z0-9-]+)"/)![1]!;
    for (const path of ["/en", speakerPath, "/en/privacy"]) {
      const html = await (await request.get(path)).text();
      // Namespaces as the flight data spells them inside its strings (quotes escaped).
      expect(html, path).not.toMatch(/\\"(agendaEditor|registration|stars|offline)\\":\{/);
    }
    const agenda = await (await request.get("/en/agenda")).text();
    expect(agenda).toMatch(/\\"stars\\":\{/);
    expect(agenda).not.toMatch(/\\"(agendaEditor|registration|ticket)\\":\{/);
  });
});

test.describe("with scripts disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("the public pages read fully and their links work", async ({ page }) => {
    await page.goto("/en");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Key figures" })).toBeVisible();

    await page.getByRole("navigation").getByRole("link", { name: "Agenda", exact: true }).click();
    await expect(page).toHaveURL(/\/en\/agenda$/);
    const first = page.locator("#agenda-panel").getByRole("link").first();
    const title = (await first.textContent())!;
    expect(title.length).toBeGreaterThan(3);
    await first.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByRole("heading", { name: "About this session" })).toBeVisible();

    await page.goto("/en/quotes");
    await expect(page.getByRole("figure").first()).toBeVisible();
    await page.getByRole("figure").first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/en\/speakers\/[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    await page.goto("/en/privacy");
    await page.getByRole("link", { name: "阅读中文版" }).click();
    await expect(page).toHaveURL(/\/zh-CN\/privacy$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });
});
