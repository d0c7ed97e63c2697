import { expect, test, type Page } from "@playwright/test";
import { AgendaPage } from "./pages/agenda-page";
import { day2First, locales, site } from "./support/site";

test.describe("agenda on a phone", () => {
  test("shows the day as a list grouped by start time, not the grid", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto();
    expect(page.viewportSize()?.width).toBeLessThan(768);
    // The list has a heading per start time and names the room on each card.
    await expect(
      agenda.panel.getByRole("heading", { level: 3, name: "09:00 UTC+8" }),
    ).toBeVisible();
    await expect(agenda.card("Opening Ceremony")).toContainText("Main Hall");
    await expect(agenda.card("Opening Ceremony").getByRole("time")).toHaveText("09:00–09:30");
    // The grid's column headers are not shown.
    await expect(agenda.panel.getByText("Hall B", { exact: true })).toBeHidden();
    await expect(agenda.panel.getByText(/^Time\s*UTC\+8$/)).toBeHidden();
    await agenda.expectCount(11);
  });

  test("the day tabs work", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto();
    await agenda.tab(1).tap();
    await expect(page).toHaveURL(/\?day=2024-07-12$/);
    await agenda.expectDay(1);
    await expect(agenda.titles.first()).toHaveText(day2First);
    await agenda.expectCount(11);
  });

  test("the filters work", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto();
    await agenda.type.selectOption({ label: "Workshop" });
    await expect(page).toHaveURL(/\?type=workshop$/);
    await agenda.expectTitles(["Workshop: Software-Defined Vehicle Architecture"]);
    await agenda.search.fill("chip");
    await expect(page).toHaveURL(/\?type=workshop&q=chip$/);
    await agenda.expectCount(0);
    await agenda.clear.tap();
    await expect(page).toHaveURL(/\/en\/agenda$/);
    await agenda.expectCount(11);
  });

  test("a star tapped before the page has woken (the first touch wakes it) is kept", async ({ page }) => {
    await page.goto("/en/agenda/2024-07-12", { waitUntil: "networkidle" });
    // Not yet woken: the page is the HTML and its small script (server/wake-on-interaction.mjs).
    await expect(page.locator("html")).not.toHaveAttribute("data-hydrated", "true");
    const star = page.getByRole("button", { name: `Star ${day2First}`, exact: true }).filter({ visible: true });
    await star.tap();
    await expect(star).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  });

  test("the Chinese agenda works too", async ({ page }) => {
    const agenda = new AgendaPage(page, "zh-CN");
    await agenda.goto("?day=2024-07-12");
    await expect(
      agenda.panel.getByRole("heading", { level: 3, name: "09:00 UTC+8" }),
    ).toBeVisible();
    await expect(agenda.card("工作坊：智能网联汽车数据安全")).toContainText("已取消");
    await agenda.room.selectOption({ label: "B厅" });
    await expect(page).toHaveURL(/\?day=2024-07-12&room=hall-b$/);
    await agenda.expectTitles([
      "圆桌论坛：自动驾驶从道路测试走向日常应用",
      "面向智能驾驶的计算芯片",
    ]);
  });
});

async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(clientWidth).toBeGreaterThan(0);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test.describe("no horizontal scrolling on a phone", () => {
  const paths = [
    "",
    "/agenda",
    "/agenda?day=2024-07-12",
    "/sessions/keynote-intelligent-connected-nev",
    "/sessions/workshop-connected-vehicle-data-security",
    "/speakers",
    "/speakers/liu-jining",
    "/quotes",
    "/quotes/2",
  ];
  for (const locale of locales) {
    for (const path of paths) {
      test(`/${locale}${path}`, async ({ page }) => {
        const response = await page.goto(`/${locale}${path}`);
        expect(response?.status()).toBe(200);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        if (path.startsWith("/agenda"))
          await expect(page.getByRole("article").first()).toBeVisible();
        if (path === "")
          await expect(page.getByRole("region", { name: site[locale].pastHeading })).toBeVisible();
        await expectNoHorizontalScroll(page);
      });
    }
  }

  test("the agenda with a long search in the box", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto(`?q=${"Intellectualization".repeat(10)}`);
    await agenda.expectCount(0);
    await expectNoHorizontalScroll(page);
  });
});
