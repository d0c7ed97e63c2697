import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { RegisterPage } from "./pages/register-page";
import { timedStep } from "./support/steps";

async function controlledByServiceWorker(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The page that installed the worker is not controlled by it; the next load is.
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
}

/** Whether this browser's Cache Storage holds a copy of the page at `path`. */
async function kept(page: Page, path: string): Promise<boolean> {
  return page.evaluate(async (p) => Boolean(await caches.match(location.origin + p)), path);
}

test("the agenda, a session, a speaker, the personal agenda, and the ticket once asked for, open offline after one visit", async ({ page, context }) => {
  const ticket = await timedStep("register, and the service worker takes control", async () => {
    await new RegisterPage(page).register();
    await controlledByServiceWorker(page);
    return new URL(page.url()).pathname;
  });
  await timedStep("the person asks to keep the ticket offline", async () => {
    // The ticket is private: kept only when the person turns the switch on.
    const keep = page.getByRole("checkbox", { name: "Keep this ticket on this device for offline use" });
    await expect(keep).toBeEnabled();
    await expect(keep).not.toBeChecked();
    await keep.check();
    await expect(keep).toBeChecked();
    await expect.poll(() => kept(page, ticket)).toBe(true);
  });

  const pages = [
    { path: "/en/agenda", heading: "Agenda" },
    { path: "/en/sessions/opening-ceremony", heading: "Opening Ceremony" },
    { path: "/en/speakers/wang-yao", heading: "Wang Yao" },
    { path: "/en/quotes", heading: "Quote archive" },
    { path: "/en/my-agenda", heading: /My agenda/ },
    { path: ticket, heading: "Your registration" },
  ];
  await timedStep("one visit to each page online", async () => {
    for (const { path } of pages) {
      const response = await page.goto(path);
      expect(response?.ok()).toBe(true);
    }
  });

  await context.setOffline(true);
  await timedStep("each page again, offline", async () => {
    for (const { path, heading } of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(page.getByRole("status").filter({ hasText: /You are offline/ })).toContainText("last updated");
    }
    await page.goto(ticket);
    await expect(page.getByRole("img", { name: /QR code of ticket CAF-/ })).toBeVisible();
  });

  // Negative control: a page never visited is not there offline.
  const never = await page.goto("/en/speakers/lu-fangzhou").catch(() => null);
  expect(never?.ok() ?? false).toBe(false);
  await context.setOffline(false);
});

test("a plain visit leaves the ticket page out of Cache Storage; turning the switch off removes the copy", async ({ page, context }) => {
  await new RegisterPage(page).register();
  const ticket = new URL(page.url()).pathname;
  await controlledByServiceWorker(page);
  // Visited twice under the service worker's control, never asked to keep: not saved.
  await page.goto(ticket);
  await page.goto("/en/agenda");
  expect(await kept(page, ticket)).toBe(false);
  expect(await kept(page, "/en/agenda")).toBe(true);
  await context.setOffline(true);
  const offline = await page.goto(ticket).catch(() => null);
  expect(offline?.ok() ?? false).toBe(false);
  await context.setOffline(false);

  await page.goto(ticket);
  const keep = page.getByRole("checkbox", { name: "Keep this ticket on this device for offline use" });
  await expect(keep).toBeEnabled();
  await keep.check();
  await expect(keep).toBeChecked();
  await expect.poll(() => kept(page, ticket)).toBe(true);
  await keep.uncheck();
  await expect(keep).not.toBeChecked();
  await expect.poll(() => kept(page, ticket)).toBe(false);
});

test("the site can be installed: a web app manifest with icons", async ({ request, page }) => {
  await page.goto("/en");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({ display: "standalone", start_url: "/" });
  const icons = manifest.icons as { src: string; sizes: string; type: string }[];
  // An installable app needs at least a 192 and a 512 pixel icon (Chromium's criteria).
  expect(icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of icons) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    const { width, height, format } = await sharp(await response.body()).metadata();
    expect({ format, size: `${width}x${height}` }, icon.src).toEqual({ format: "png", size: icon.sizes });
  }
});
