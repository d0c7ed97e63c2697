import { expect, test } from "@playwright/test";
import { QuotesPage } from "./pages/quotes-page";
import { expectHydrated } from "./support/hydration";
import { site } from "./support/site";

const EXPORTS = "software and intelligent features";
const PARAPHRASE = "The district has been accelerating its development";

test.describe("quote archive", () => {
  test("shows the six quotes, direct ones in quotation marks, the paraphrases labelled and unquoted", async ({
    page,
  }) => {
    const quotes = new QuotesPage(page);
    const response = await quotes.goto();
    expect(response?.status()).toBe(200);
    await quotes.expectSpeakers(["Wang Yao", "Wang Yao", "Liu Jining", "Lu Fangzhou", "Liu Jining", "Liu Jining"]);

    const direct = quotes.quotes.filter({ hasText: site.en.direct });
    await expect(direct).toHaveCount(4);
    await expect(direct.getByRole("blockquote")).toHaveText([
      /^“[^“”…]+”$/,
      /^“[^“”…]+”$/,
      /^“[^“”…]+”$/,
      /^“[^“”…]+”$/,
    ]);

    await expect(quotes.quotes.filter({ hasText: site.en.paraphrase })).toHaveCount(2);
    const paraphrase = quotes.quotes.filter({ hasText: site.en.paraphrase }).filter({ hasText: PARAPHRASE });
    await expect(paraphrase.getByRole("blockquote")).toHaveCount(0);
    const words = paraphrase.getByText(new RegExp(`^${PARAPHRASE}`));
    await expect(words).toBeVisible();
    await expect(words).not.toHaveText(/[“”"]/);

    // Every quote cites its source.
    for (const quote of await quotes.quotes.all()) {
      await expect(quote).toContainText(site.en.citationPrefix);
    }
  });

  test("shows the same in Chinese, with the translations labelled and the originals kept", async ({
    page,
  }) => {
    const quotes = new QuotesPage(page, "zh-CN");
    await quotes.goto();
    await quotes.expectCount(6);
    const direct = quotes.quotes.filter({ hasText: site["zh-CN"].direct });
    await expect(direct).toHaveCount(4);
    await expect(direct.getByRole("blockquote")).toHaveText([
      /^“[^“”]+”$/,
      /^“[^“”]+”$/,
      /^“[^“”]+”$/,
      /^“[^“”]+”$/,
    ]);
    await expect(direct.first().getByRole("blockquote")).toHaveText(
      "“这些功能提升了消费者体验，并推动我国新能源汽车的长期发展。”",
    );

    const paraphrase = quotes.quotes.filter({ hasText: site["zh-CN"].paraphrase }).filter({ hasText: PARAPHRASE });
    await expect(paraphrase).toHaveCount(1);
    await expect(paraphrase.getByRole("blockquote")).toHaveCount(0);
    const words = paraphrase.getByText(/^嘉定正加快建设全球汽车产业中心核心区/);
    await expect(words).toBeVisible();
    await expect(words).not.toHaveText(/[“”"]/);
    // The English original of a paraphrase is not put in quotation marks either.
    await expect(paraphrase).toContainText(`原文: ${PARAPHRASE}`);

    for (const quote of await quotes.quotes.all()) {
      await expect(quote).toContainText("本站译文，非本人原话");
      await expect(quote).toContainText(site["zh-CN"].citationPrefix);
    }
  });

  test("English search finds quotes and reproduces on reload", async ({ page }) => {
    const quotes = new QuotesPage(page);
    await quotes.goto();
    await quotes.search.fill("software");
    await expect(page).toHaveURL(/\/en\/quotes\?q=software$/);
    await quotes.expectSpeakers(["Liu Jining"]);
    await expect(quotes.quote(EXPORTS)).toBeVisible();

    await page.reload();
    await expect(quotes.search).toHaveValue("software");
    await quotes.expectSpeakers(["Liu Jining"]);
  });

  test("the Chinese translations are searchable, from either language", async ({ page }) => {
    const zh = new QuotesPage(page, "zh-CN");
    await zh.goto();
    await zh.search.fill("软件");
    await expect(page).toHaveURL(/\/zh-CN\/quotes\?q=%E8%BD%AF%E4%BB%B6$/);
    await zh.expectSpeakers(["Liu Jining"]);

    const en = new QuotesPage(page);
    await en.goto("?q=%E6%A0%B8%E5%BF%83%E5%8C%BA"); // 核心区, only in a translation
    await en.expectSpeakers(["Lu Fangzhou"]);
    await expect(en.quote(PARAPHRASE)).toBeVisible();
  });

  test("search ignores case and width", async ({ page }) => {
    const quotes = new QuotesPage(page);
    await quotes.goto();
    await quotes.search.fill("ＳＯＦＴＷＡＲＥ");
    await quotes.expectSpeakers(["Liu Jining"]);
    await quotes.search.fill("no such words anywhere");
    await quotes.expectCount(0);
    await expect(page.getByText("No quote matches these filters.")).toBeVisible();
  });

  test("the speaker filter lands in the query string and reproduces on reload", async ({
    page,
  }) => {
    const quotes = new QuotesPage(page);
    await quotes.goto();
    await quotes.speaker.selectOption({ label: "Liu Jining" });
    await expect(page).toHaveURL(/\/en\/quotes\?speaker=liu-jining$/);
    await quotes.expectSpeakers(["Liu Jining", "Liu Jining", "Liu Jining"]);

    const reloaded = new QuotesPage(await page.context().newPage());
    await reloaded.goto("?speaker=liu-jining");
    await expect(reloaded.speaker).toHaveValue("liu-jining");
    await reloaded.expectSpeakers(["Liu Jining", "Liu Jining", "Liu Jining"]);
  });

  test("the topic filter lands in the query string, combines, and reproduces on reload", async ({
    page,
  }) => {
    const quotes = new QuotesPage(page);
    await quotes.goto();
    await quotes.topic.selectOption({ label: "Autonomous driving" });
    await expect(page).toHaveURL(/\/en\/quotes\?topic=autonomous-driving$/);
    // Two sentences quoted apart in the article: two quotes, each word for word.
    await quotes.expectSpeakers(["Liu Jining", "Liu Jining"]);
    await expect(quotes.quotes.getByRole("blockquote")).toHaveText([
      "“Recently, Apollo Go has captured the public’s interest”",
      "“However, if you visit Jiading, you’ll notice that high-level autonomous vehicles like Apollo Go are a common sight in the streets.”",
    ]);

    await quotes.speaker.selectOption({ label: "Wang Yao" });
    await expect(page).toHaveURL(/\?speaker=wang-yao&topic=autonomous-driving$/);
    await quotes.expectCount(0);

    await page.reload();
    await expect(quotes.speaker).toHaveValue("wang-yao");
    await expect(quotes.topic).toHaveValue("autonomous-driving");
    await quotes.expectCount(0);

    await quotes.clear.click();
    await expect(page).toHaveURL(/\/en\/quotes$/);
    await quotes.expectCount(6);
    await expect(quotes.clear).toBeDisabled();
  });

  test("the Chinese filters work the same way", async ({ page }) => {
    const quotes = new QuotesPage(page, "zh-CN");
    await quotes.goto();
    await quotes.topic.selectOption({ label: "产业园区" });
    await expect(page).toHaveURL(/\/zh-CN\/quotes\?topic=industrial-parks$/);
    await quotes.expectSpeakers(["Lu Fangzhou"]);
  });

  test("the search box follows the address when the Quotes link is followed", async ({ page }) => {
    const quotes = new QuotesPage(page);
    await quotes.goto("?q=software&speaker=liu-jining");
    await expect(quotes.search).toHaveValue("software");
    await quotes.expectCount(1);

    await page.getByRole("navigation").getByRole("link", { name: "Quotes" }).click();
    await expect(page).toHaveURL(/\/en\/quotes$/);
    await expect(quotes.speaker).toHaveValue("");
    await quotes.expectCount(6);
    await expect(quotes.search).toHaveValue("");
  });

  test("the language switch keeps the search and filters", async ({ page }) => {
    const quotes = new QuotesPage(page);
    await quotes.goto();
    await quotes.topic.selectOption("software");
    await quotes.search.fill("global");
    await expect(page).toHaveURL(/\/en\/quotes\?topic=software&q=global$/);
    await quotes.expectCount(1);
    const toZh = page.getByRole("link", { name: site.en.switchTo });
    await expectHydrated(toZh);
    await toZh.click();
    await expect(page).toHaveURL(/\/zh-CN\/quotes\?topic=software&q=global$/);
    const zh = new QuotesPage(page, "zh-CN");
    await expect(zh.topic).toHaveValue("software");
    await expect(zh.search).toHaveValue("global");
    await zh.expectCount(1);
  });

  test("unknown filter values show every quote", async ({ page }) => {
    const quotes = new QuotesPage(page);
    const response = await quotes.goto("?speaker=nobody&topic=nothing");
    expect(response?.status()).toBe(200);
    await expect(quotes.speaker).toHaveValue("");
    await expect(quotes.topic).toHaveValue("");
    await quotes.expectCount(6);
  });
});

test.describe("quote permalink", () => {
  test("opens the quote on its own page", async ({ page }) => {
    const quotes = new QuotesPage(page);
    await quotes.goto();
    await quotes.quote(EXPORTS).getByRole("link", { name: site.en.permalink }).click();
    await expect(page).toHaveURL(/\/en\/quotes\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quote by Liu Jining");
    const quote = page.getByRole("figure");
    await expect(quote).toHaveCount(1);
    await expect(quote.getByRole("blockquote")).toContainText(
      `“Chinese car manufacturers will export not only vehicles but also ${EXPORTS}`,
    );
    await expect(quote).toContainText(site.en.citationPrefix);
    await expect(quote.getByRole("link", { name: site.en.permalink })).toHaveCount(0);

    // The same address works when opened directly, and in the other language.
    const path = new URL(page.url()).pathname;
    const response = await page.goto(path.replace("/en/", "/zh-CN/"));
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Liu Jining的观点");
    await expect(page.getByRole("figure").getByRole("blockquote")).toContainText(
      "中国汽车制造商出口的将不仅是整车",
    );
    await expect(page.getByRole("figure")).toContainText("本站译文，非本人原话");
    // The link preview says the Chinese is the site's translation, not the person's words.
    for (const meta of [page.locator('meta[name="description"]'), page.locator('meta[property="og:description"]')]) {
      await expect(meta).toHaveAttribute("content", /^本站译文，非本人原话：“中国汽车制造商出口的将不仅是整车.*” — Liu Jining$/);
    }
  });

  test("a paraphrase's page does not quote it", async ({ page }) => {
    const quotes = new QuotesPage(page);
    await quotes.goto();
    await quotes.quote(PARAPHRASE).getByRole("link", { name: site.en.permalink }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lu Fangzhou, as the article reports");
    await expect(page.getByRole("figure")).toContainText(site.en.paraphrase);
    await expect(page.getByRole("blockquote")).toHaveCount(0);
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
      "content",
      new RegExp(`^${PARAPHRASE}`),
    );
  });

  for (const id of ["9999", "0", "abc", "1.5"]) {
    test(`unknown id ${id} returns 404`, async ({ page }) => {
      const response = await page.goto(`/en/quotes/${id}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(site.en.notFound);
    });
  }
});
