import { expect, test, type Page } from "@playwright/test";
import { AgendaPage } from "./pages/agenda-page";

// Issue 17: the public pages people read are sent without Next's scripts (server/wake-on-interaction.mjs)
// and load them at the first sign of use (public/wake.js). Nothing a person does before React is
// ready may be lost: a star pressed, a query typed, a filter chosen.

/** The paths of the scripts the page has requested so far. */
function scriptsOf(page: Page): string[] {
  const paths: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") paths.push(new URL(request.url()).pathname);
  });
  return paths;
}

const hydrated = (page: Page) => expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");

test.describe("pages that wake on interaction", () => {
  test("a read page loads only its small script until it is used; a key wakes it and React takes it over", async ({ page }) => {
    const scripts = scriptsOf(page);
    await page.goto("/en/agenda", { waitUntil: "networkidle" });
    // Idle, as a person reading (wake.js installs the service worker only once the page is idle):
    // still nothing of Next's.
    await page.evaluate(() => navigator.serviceWorker.ready);
    expect(scripts).toEqual(["/wake.js"]);
    await expect(page.locator("html")).not.toHaveAttribute("data-hydrated", "true");
    await page.keyboard.press("Shift");
    await hydrated(page);
    expect(scripts.some((path) => path.startsWith("/_next/static/"))).toBe(true);
  });

  test("the HTML lists Next's scripts on the wake script instead; a form page keeps them", async ({ request }) => {
    for (const path of ["/en", "/en/agenda", "/zh-CN/speakers", "/en/quotes", "/en/privacy"]) {
      const html = await (await request.get(path)).text();
      expect(html, path).not.toMatch(/<script src="\/_next\/static\/[^"]+" async="">/);
      expect(html, path).toMatch(/<script id="forum-wake" src="\/wake\.js" data-chunks="(\/_next\/static\/chunks\/[\w.-]+\.js ?)+"/);
    }
    const register = await (await request.get("/en/register")).text();
    expect(register).toMatch(/<script src="\/_next\/static\/[^"]+" async="">/);
    expect(register).not.toContain("data-chunks=");
  });

  test("a star pressed before React is ready is kept, and shows at the next visit before any use", async ({ page }) => {
    await page.goto("/en/agenda");
    const star = page.getByRole("button", { name: "Star Opening Ceremony", exact: true }).first();
    await star.click();
    await expect(star).toHaveAttribute("aria-pressed", "true");
    await hydrated(page);

    const scripts = scriptsOf(page);
    await page.reload({ waitUntil: "networkidle" });
    await expect(page.getByRole("button", { name: "Star Opening Ceremony", exact: true }).first()).toHaveAttribute("aria-pressed", "true");
    expect(scripts).toEqual(["/wake.js"]);
  });

  test("an address with filters wakes at once: the HTML rendered ahead is the agenda unfiltered", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await page.goto("/en/agenda?type=workshop");
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
    await expect(agenda.type).toHaveValue("workshop");
    await agenda.expectTitles(["Workshop: Software-Defined Vehicle Architecture"]);
  });

  test("a query typed and a filter chosen before React is ready are applied once it is", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await page.goto("/en/agenda");
    await agenda.search.fill("chip");
    await expect(page).toHaveURL(/\/en\/agenda\?q=chip$/);
    await expect(agenda.tabs).toHaveText([/\(3\)$/, /\(1\)$/, /\(2\)$/]);
    await expect(agenda.search).toHaveValue("chip");

    const other = new AgendaPage(await page.context().newPage());
    await other.page.goto("/en/agenda");
    await other.track.selectOption({ label: "Automotive Chips" });
    await expect(other.page).toHaveURL(/\/en\/agenda\?track=chips$/);
    await expect(other.track).toHaveValue("chips");
  });
});
