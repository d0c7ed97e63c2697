import { expect, test, type Page } from "@playwright/test";
import { site, SOURCE_TITLE } from "./support/site";

const section = (page: Page, heading: string) =>
  page.getByRole("main").getByRole("region", { name: heading });

const personCard = (scope: ReturnType<typeof section>, name: string) =>
  scope.getByRole("listitem").filter({ has: scope.page().getByRole("heading", { name, exact: true }) });

const ROLES = ["Moderator", "Representative of a Chinese carmaker", "Representative of a Jiading chip company"];

test.describe("speaker list", () => {
  test("lists the article's people apart, as quoted in the report, and the program's people by role", async ({ page }) => {
    const response = await page.goto("/en/speakers");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Speakers and people quoted");

    const quoted = section(page, "Quoted in the report");
    await expect(quoted.getByRole("heading", { level: 3 })).toHaveText(["Liu Jining", "Lu Fangzhou", "Wang Yao"]);
    await expect(quoted).toContainText(`named in the article “${SOURCE_TITLE}” (25 July 2024)`);
    await expect(quoted).toContainText("none of them is a speaker, moderator or panellist of the illustrative program");
    await expect(personCard(quoted, "Wang Yao")).toContainText("Deputy chief engineer, China Association of Automobile Manufacturers");
    await expect(personCard(quoted, "Liu Jining")).toContainText("Chief financial officer, Ji Yue Auto");
    await expect(personCard(quoted, "Lu Fangzhou")).toContainText("Party secretary of Jiading");

    const program = section(page, "In the illustrative program");
    await expect(program.getByRole("heading", { level: 3 })).toHaveText(ROLES);
    await expect(program.getByRole("heading", { name: /Wang Yao|Liu Jining|Lu Fangzhou/ })).toHaveCount(0);

    await quoted.getByRole("link", { name: "Liu Jining" }).click();
    await expect(page).toHaveURL(/\/en\/speakers\/liu-jining$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Liu Jining");
  });

  test("lists them in Chinese, the Chinese titles marked as the site's rendering", async ({ page }) => {
    await page.goto("/zh-CN/speakers");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("嘉宾与报道引述的人物");
    const quoted = section(page, "报道引述的人物");
    await expect(quoted.getByRole("heading", { level: 3 })).toHaveCount(3);
    const wang = personCard(quoted, "Wang Yao");
    await expect(wang).toContainText("中国汽车工业协会副总工程师");
    await expect(wang).toContainText(
      "中文职务与机构名称为本站译名；报道原文（英文）：Deputy chief engineer, China Association of Automobile Manufacturers。",
    );
    await expect(personCard(quoted, "Liu Jining")).toContainText("极越汽车首席财务官");
    await expect(personCard(quoted, "Liu Jining")).toContainText("本站译名");
    await expect(personCard(quoted, "Lu Fangzhou")).toContainText("嘉定区委书记");
    await expect(section(page, "示意议程中的人物").getByRole("heading", { level: 3 })).toHaveText([
      "主持人",
      "一家中国车企的代表",
      "嘉定一家芯片企业的代表",
    ]);
  });
});

test.describe("the page of a person the article quotes", () => {
  test("says who they are, what the article reports them saying, and the source, and lists no session", async ({ page }) => {
    await page.goto("/en/speakers/wang-yao");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wang Yao");
    await expect(
      page.getByText("Deputy chief engineer, China Association of Automobile Manufacturers", { exact: true }),
    ).toBeVisible();
    await expect(
      page.getByText("The article cited here reports what Wang Yao said. It lists no sessions, and the site’s illustrative program lists Wang Yao on none."),
    ).toBeVisible();
    await expect(page.getByRole("main").locator("cite").first()).toHaveText(`${site.en.citationPrefix}, published 25 July 2024`);
    await expect(page.getByRole("heading", { level: 2 })).toHaveText(["What the article reports"]);
    await expect(page.getByRole("heading", { name: "Sessions" })).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("link", { name: /Keynote/ })).toHaveCount(0);

    const quotes = page.getByRole("figure");
    await expect(quotes).toHaveCount(2);
    await expect(quotes.nth(0)).toContainText(site.en.paraphrase);
    await expect(quotes.nth(0)).toContainText("The majority of the new NEV models are now Internet-connected and intelligent.");
    await expect(quotes.nth(0).getByRole("blockquote")).toHaveCount(0);
    await expect(quotes.nth(1).getByRole("blockquote")).toHaveText(
      "“These features enhance the consumer experience and drive the long-term development of our NEVs”",
    );
    for (const quote of await quotes.all()) await expect(quote).toContainText(site.en.citationPrefix);
  });

  test("shows each of Liu Jining's quoted sentences on its own, word for word", async ({ page }) => {
    await page.goto("/en/speakers/liu-jining");
    await expect(page.getByText("Chief financial officer, Ji Yue Auto", { exact: true })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: /Going Global/ })).toHaveCount(0);
    const quotes = page.getByRole("figure");
    await expect(quotes.getByRole("blockquote")).toHaveText([
      "“Chinese car manufacturers will export not only vehicles but also software and intelligent features, allowing global consumers to experience the innovative appeal of China’s automotive industry”",
      "“Recently, Apollo Go has captured the public’s interest”",
      "“However, if you visit Jiading, you’ll notice that high-level autonomous vehicles like Apollo Go are a common sight in the streets.”",
    ]);
    await expect(page.getByRole("main")).not.toContainText("…");
  });

  test("presents Lu Fangzhou as reported, with only the sentence the article attributes to him", async ({ page }) => {
    await page.goto("/en/speakers/lu-fangzhou");
    await expect(page.getByText("Party secretary of Jiading", { exact: true })).toBeVisible();
    await expect(page.getByText(/does not say that Lu Fangzhou spoke at the forum/)).toBeVisible();
    const quote = page.getByRole("figure");
    await expect(quote).toHaveCount(1);
    await expect(quote).toContainText(site.en.paraphrase);
    await expect(quote).toContainText("The district has been accelerating its development as a core area of a global automobile industry hub.");
    await expect(quote).not.toContainText("Chip Valley");
    await expect(quote.getByRole("blockquote")).toHaveCount(0);
  });

  test("shows the same in Chinese, every translation and rendering labelled as the site's", async ({ page }) => {
    await page.goto("/zh-CN/speakers/wang-yao");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wang Yao");
    await expect(page.getByRole("main").getByText(/^中国汽车工业协会副总工程师/).first()).toBeVisible();
    await expect(page.getByText(/^中文职务与机构名称为本站译名/).first()).toBeVisible();
    await expect(page.getByText("此处注明的报道记述了Wang Yao所说的话。报道未列出议程，本站的示意议程也未将Wang Yao列入任何场次。")).toBeVisible();
    await expect(page.getByRole("heading", { level: 2 })).toHaveText(["报道记述的言论"]);
    const quote = page.getByRole("figure").filter({ has: page.getByRole("blockquote") });
    await expect(quote.getByRole("blockquote")).toHaveText("“这些功能提升了消费者体验，并推动我国新能源汽车的长期发展。”");
    await expect(quote).toContainText("本站译文，非本人原话");
    await expect(quote).toContainText(site["zh-CN"].citationPrefix);
    await expect(quote).toContainText("（报道为英文，中文内容为本站翻译）");
  });
});

test.describe("the page of a person of the program", () => {
  test("lists their sessions, marked illustrative", async ({ page }) => {
    await page.goto("/en/speakers/moderator");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Moderator");
    await expect(page.getByText(/not a named person/)).toBeVisible();
    await expect(page.getByText("This program is illustrative: the source article lists no sessions.")).toBeVisible();
    const sessions = page.getByRole("main").getByRole("list").first().getByRole("listitem");
    await expect(sessions.getByRole("link")).toHaveText(["Panel: Sustaining Growth in China's NEV Market"]);
    await expect(sessions).toContainText("Thu 11 Jul 11:30–12:30 (UTC+8) · Moderator");
  });

  test("an unknown speaker returns 404", async ({ page }) => {
    const response = await page.goto("/en/speakers/nobody-here");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(site.en.notFound);
  });
});
