import { expect, test } from "@playwright/test";
import { RegisterPage } from "./pages/register-page";
import { seriousViolations } from "./support/axe";

const PUBLIC = [
  "",
  "/agenda",
  "/agenda?day=2024-07-12&track=chips",
  "/agenda/changes",
  "/sessions/keynote-intelligent-connected-nev",
  "/sessions/workshop-connected-vehicle-data-security",
  "/speakers",
  "/speakers/liu-jining",
  "/quotes",
  "/quotes/4",
  "/register",
  "/privacy",
  "/my-agenda",
];


for (const locale of ["en", "zh-CN"]) {
  test.describe(`axe, ${locale}`, () => {
    for (const path of PUBLIC) {
      test(`/${locale}${path} has no serious or critical violations`, async ({ page }) => {
        const response = await page.goto(`/${locale}${path}`);
        expect(response?.status()).toBe(200);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  });
}

test("the registration form with its errors, and the ticket page, have no serious violations", async ({ page }) => {
  const form = new RegisterPage(page);
  await form.open();
  await form.submit();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await form.register();
  // After a client-side navigation the title follows the page: wait for it before checking.
  await expect(page).toHaveTitle(/Your registration/);
  expect(await seriousViolations(page)).toEqual([]);
});

test("every control of the agenda is reachable by keyboard, with a visible focus", async ({ page }) => {
  await page.goto("/en/agenda");
  await expect(page.getByRole("tab", { selected: true })).toBeVisible();
  // Tab until focus leaves the page or comes back to a control already seen: the whole tab order.
  const controls: { name: string; indicator: string | null }[] = [];
  for (let i = 0; i < 500; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return "left the page" as const;
      if (el.dataset.tabSeen) return "wrapped" as const;
      el.dataset.tabSeen = "1";
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const transparent = /rgba\(.*,\s*0\)$|transparent/.test(style.outlineColor);
      const width = parseFloat(style.outlineWidth);
      const indicator =
        box.width === 0 || box.height === 0
          ? "it has no size on screen"
          : style.outlineStyle === "none" || width < 2 || transparent
            ? `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`
            : null;
      return { name: el.getAttribute("aria-label") || el.textContent?.trim().slice(0, 40) || el.id, indicator };
    });
    if (typeof focused === "string") break;
    controls.push(focused);
    expect(i, "the tab order never came back to its start").toBeLessThan(499);
  }
  expect(controls.length).toBeGreaterThan(10);
  // Each control shows where focus is: an outline at least 2 px wide, in a colour that shows.
  expect(controls.filter((c) => c.indicator !== null)).toEqual([]);
  expect(controls.map((c) => c.name)).toEqual(expect.arrayContaining(["Skip to content", "2024 China Auto Forum", "Agenda", "agenda-q"]));
});

for (const { width, label } of [
  { width: 360, label: "a 360 px phone" },
  { width: 640, label: "a 1280 px screen at 200 % zoom" },
]) {
  test(`pages fit ${label} without sideways scrolling`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    for (const path of ["/en", "/zh-CN/agenda", "/en/agenda", "/en/sessions/opening-ceremony", "/zh-CN/quotes", "/en/register"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), path).toBe(true);
    }
    await context.close();
  });
}
