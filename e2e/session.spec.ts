import { expect, test } from "@playwright/test";
import { AgendaPage } from "./pages/agenda-page";
import { cancelledSlug, cancelledTitle, site } from "./support/site";

const keynote = "/sessions/keynote-intelligent-connected-nev";

test.describe("a session page", () => {
  test("shows time in forum time, room, track, type, abstract and the speaker with role", async ({
    page,
  }) => {
    const response = await page.goto(`/en${keynote}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Keynote: The NEV Market and Intelligent Connected NEVs",
    );
    await expect(page.getByRole("term")).toHaveText(["When", "Room", "Track", "Type"]);
    await expect(page.getByRole("definition")).toHaveText([
      "Thursday 11 July 2024, 09:30–10:15 (UTC+8)",
      "Main Hall",
      "NEV Market & Sustainability",
      "Keynote",
    ]);
    await expect(page.getByRole("definition").getByRole("time")).toHaveAttribute(
      "datetime",
      "2024-07-11T01:30:00.000Z",
    );
    await expect(page.getByRole("heading", { name: "About this session" })).toBeVisible();
    await expect(
      page.getByText(
        /^This keynote covers the new-energy vehicle \(NEV\) market and intelligent connected NEVs/,
      ),
    ).toBeVisible();

    // No real person is the speaker of an invented session.
    await expect(page.getByText("Speakers for this session are not listed.")).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: /Wang Yao|Liu Jining|Lu Fangzhou/ })).toHaveCount(0);
    await expect(page.getByText("Illustrative session: the source article lists no sessions.")).toBeVisible();
    await expect(page.getByRole("status")).toHaveCount(0);
  });

  test("names the people of a session by their role, each with a page", async ({ page }) => {
    await page.goto("/en/sessions/panel-nev-market-growth");
    const person = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Moderator" }) });
    await expect(person).toHaveText(/^Moderator\s*·\s*Moderator$/);
    await person.getByRole("link", { name: "Moderator" }).click();
    await expect(page).toHaveURL(/\/en\/speakers\/moderator$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Moderator");
  });

  test("shows the same in Chinese", async ({ page }) => {
    const response = await page.goto(`/zh-CN${keynote}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "主旨演讲：新能源汽车市场与智能网联新能源汽车",
    );
    await expect(page.getByRole("term")).toHaveText(["时间", "会场", "专题", "类型"]);
    const definitions = page.getByRole("definition");
    await expect(definitions.nth(0)).toContainText("2024年7月11日星期四");
    await expect(definitions.nth(0)).toContainText("09:30–10:15");
    await expect(definitions.nth(0)).toContainText("（UTC+8）");
    await expect(definitions.nth(1)).toHaveText("主会场");
    await expect(definitions.nth(2)).toHaveText("新能源汽车市场与可持续发展");
    await expect(definitions.nth(3)).toHaveText("主旨演讲");
    await expect(page.getByRole("heading", { name: "议程简介" })).toBeVisible();
    await expect(
      page.getByText(/^本场主旨演讲聚焦新能源汽车市场和智能网联新能源汽车/),
    ).toBeVisible();
    await expect(page.getByText("示意议程：来源报道并未列出具体议程。")).toBeVisible();
    await page.goto("/zh-CN/sessions/talk-automotive-chip-ecosystem");
    const speaker = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: "嘉定一家芯片企业的代表" }) });
    await expect(speaker).toHaveText(/^嘉定一家芯片企业的代表\s*·\s*演讲嘉宾$/);
  });

  test("a session without speakers says so, and seats are shown", async ({ page }) => {
    await page.goto("/en/sessions/chip-valley-visit");
    await expect(page.getByRole("definition").nth(3)).toHaveText(
      "Site visit · Limited to 40 seats",
    );
    await expect(page.getByText("Speakers for this session are not listed.")).toBeVisible();
  });

  test("links back to the agenda on the session's day", async ({ page }) => {
    await page.goto("/en/sessions/talk-chips-for-intelligent-driving");
    await page.getByRole("link", { name: "Back to the agenda" }).click();
    await expect(page).toHaveURL(/\/en\/agenda\/2024-07-12$/);
    const agenda = new AgendaPage(page);
    await agenda.expectDay(1);
    await expect(agenda.card("Computing Chips for Intelligent Driving")).toBeVisible();
  });
});

test.describe("a cancelled session page", () => {
  test("says it is cancelled", async ({ page }) => {
    const response = await page.goto(`/en/sessions/${cancelledSlug}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(cancelledTitle);
    await expect(page.getByRole("status")).toHaveText("This session has been cancelled.");
    await expect(page.getByRole("definition").first()).toContainText(
      "Friday 12 July 2024, 13:30–15:00 (UTC+8)",
    );
  });

  test("says it is cancelled in Chinese", async ({ page }) => {
    await page.goto(`/zh-CN/sessions/${cancelledSlug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "工作坊：智能网联汽车数据安全",
    );
    await expect(page.getByRole("status")).toHaveText("本场议程已取消。");
  });
});

test.describe("an unknown session", () => {
  for (const locale of ["en", "zh-CN"] as const) {
    test(`returns 404 and the ${locale} not-found page`, async ({ page }) => {
      const response = await page.goto(`/${locale}/sessions/no-such-session`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(site[locale].notFound);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      const home = locale === "en" ? "Go to the forum’s home page" : "返回论坛首页";
      await page.getByRole("link", { name: home }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}$`));
    });
  }
});
