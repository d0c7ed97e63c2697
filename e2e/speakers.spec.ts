import { expect, test, type Page } from "@playwright/test";
import { site } from "./support/site";

const speakerCard = (page: Page, name: string) =>
  page
    .getByRole("main")
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name, exact: true }) });

test.describe("speaker list", () => {
  test("lists the three people with their titles and organisations", async ({ page }) => {
    const response = await page.goto("/en/speakers");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Speakers");
    await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText([
      "Liu Jining",
      "Lu Fangzhou",
      "Wang Yao",
    ]);
    await expect(speakerCard(page, "Wang Yao")).toContainText("Deputy chief engineer");
    await expect(speakerCard(page, "Wang Yao")).toContainText(
      "China Association of Automobile Manufacturers",
    );
    await expect(speakerCard(page, "Liu Jining")).toContainText("Chief financial officer");
    await expect(speakerCard(page, "Liu Jining")).toContainText("Ji Yue Auto");
    await expect(speakerCard(page, "Lu Fangzhou")).toContainText("Party secretary of Jiading");

    await page.getByRole("link", { name: "Liu Jining" }).click();
    await expect(page).toHaveURL(/\/en\/speakers\/liu-jining$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Liu Jining");
  });

  test("lists them in Chinese", async ({ page }) => {
    await page.goto("/zh-CN/speakers");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("嘉宾");
    await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveCount(3);
    await expect(speakerCard(page, "Wang Yao")).toContainText("副总工程师");
    await expect(speakerCard(page, "Wang Yao")).toContainText("中国汽车工业协会");
    await expect(speakerCard(page, "Liu Jining")).toContainText("首席财务官");
    await expect(speakerCard(page, "Liu Jining")).toContainText("极越汽车");
    await expect(speakerCard(page, "Lu Fangzhou")).toContainText("嘉定区委书记");
  });
});

test.describe("a speaker page", () => {
  test("shows title, organisation, sessions and quotes", async ({ page }) => {
    await page.goto("/en/speakers/wang-yao");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wang Yao");
    await expect(
      page.getByText("Deputy chief engineer, China Association of Automobile Manufacturers", {
        exact: true,
      }),
    ).toBeVisible();

    const sessions = page.getByRole("main").getByRole("list").first().getByRole("listitem");
    await expect(page.getByRole("heading", { level: 2, name: "Sessions" })).toBeVisible();
    await expect(sessions).toHaveCount(1);
    await expect(sessions.getByRole("link")).toHaveText(
      "Keynote: The NEV Market and Intelligent Connected NEVs",
    );
    await expect(sessions).toContainText("Thu 11 Jul 09:30–10:15 (UTC+8) · Speaker");

    await expect(page.getByRole("heading", { level: 2, name: "Quotes" })).toBeVisible();
    const quotes = page.getByRole("figure");
    await expect(quotes).toHaveCount(1);
    await expect(quotes.getByRole("blockquote")).toHaveText(
      "“These features enhance the consumer experience and drive the long-term development of our NEVs.”",
    );
    await expect(quotes).toContainText(site.en.citationPrefix);

    await sessions.getByRole("link").click();
    await expect(page).toHaveURL(/\/en\/sessions\/keynote-intelligent-connected-nev$/);
  });

  test("lists every session and quote of a speaker with several", async ({ page }) => {
    await page.goto("/en/speakers/liu-jining");
    await expect(
      page.getByText("Chief financial officer, Ji Yue Auto", { exact: true }),
    ).toBeVisible();
    const sessions = page.getByRole("main").getByRole("list").first().getByRole("listitem");
    await expect(sessions.getByRole("link")).toHaveText([
      "Going Global: Exporting Vehicles, Software and Intelligent Features",
    ]);
    await expect(sessions).toContainText("Fri 12 Jul 11:00–11:45 (UTC+8) · Speaker");
    await expect(page.getByRole("figure")).toHaveCount(2);
    await expect(
      page.getByRole("figure").filter({ hasText: "software and intelligent features" }),
    ).toBeVisible();
    await expect(page.getByRole("figure").filter({ hasText: "Apollo Go" })).toBeVisible();
  });

  test("says when a speaker has no session, and shows a paraphrase as such", async ({ page }) => {
    await page.goto("/en/speakers/lu-fangzhou");
    await expect(
      page.getByText("Party secretary of Jiading, Jiading District", { exact: true }),
    ).toBeVisible();
    await expect(page.getByText("No session of the program lists this speaker.")).toBeVisible();
    const quote = page.getByRole("figure");
    await expect(quote).toHaveCount(1);
    await expect(quote).toContainText(site.en.paraphrase);
    await expect(quote.getByRole("blockquote")).toHaveCount(0);
  });

  test("shows the same in Chinese", async ({ page }) => {
    await page.goto("/zh-CN/speakers/wang-yao");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wang Yao");
    await expect(page.getByText(/^中国汽车工业协会副总工程师$/)).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "参与议程" })).toBeVisible();
    const sessions = page.getByRole("main").getByRole("list").first().getByRole("listitem");
    await expect(sessions.getByRole("link")).toHaveText(
      "主旨演讲：新能源汽车市场与智能网联新能源汽车",
    );
    await expect(sessions).toContainText("09:30–10:15 (UTC+8)");
    await expect(sessions).toContainText("演讲嘉宾");
    await expect(page.getByRole("heading", { level: 2, name: "观点" })).toBeVisible();
    const quote = page.getByRole("figure");
    await expect(quote.getByRole("blockquote")).toHaveText(
      "“这些功能提升了消费者体验，并推动我国新能源汽车的长期发展。”",
    );
    await expect(quote).toContainText("本站译文");
    await expect(quote).toContainText(site["zh-CN"].citationPrefix);
  });

  test("an unknown speaker returns 404", async ({ page }) => {
    const response = await page.goto("/en/speakers/nobody-here");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(site.en.notFound);
  });
});
