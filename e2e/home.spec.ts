import { expect, test, type Page } from "@playwright/test";
import { AgendaPage } from "./pages/agenda-page";
import { expectHydrated } from "./support/hydration";
import { locales, site } from "./support/site";

const nowBox = (page: Page) => page.getByRole("main").getByRole("region").first();

test.describe("home page", () => {
  for (const locale of locales) {
    const t = site[locale];
    test(`shows the forum, its dates, venue, sourced key figures and the main links (${locale})`, async ({
      page,
    }) => {
      const response = await page.goto(`/${locale}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.siteName);
      await expect(page.getByRole("main").getByRole("time").first()).toHaveText(t.dates);
      await expect(page.getByRole("main").getByText(t.venue)).toBeVisible();

      const figures = page.getByRole("region", { name: t.figuresHeading }).getByRole("listitem");
      await expect(figures).toHaveCount(7);
      for (const figure of await figures.all()) {
        await expect(figure).toContainText(t.citationPrefix);
      }
      const first = figures.first();
      await expect(first).toContainText(locale === "en" ? "9.5" : "950");
      await expect(first).toContainText(locale === "en" ? "million units" : "万辆");

      await expect(page.getByRole("link", { name: t.register })).toHaveAttribute(
        "href",
        `/${locale}/register`,
      );
      await page.getByRole("link", { name: t.viewAgenda }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/agenda$`));
      await expect(page.getByRole("tab")).toHaveCount(3);
    });
  }

  test("the register link opens the register page", async ({ page }) => {
    await page.goto("/en");
    await page.getByRole("link", { name: "Register to attend" }).click();
    await expect(page).toHaveURL(/\/en\/register$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register");
  });
});

test.describe("language from the browser", () => {
  test.describe("a Chinese browser", () => {
    test.use({ locale: "zh-CN" });
    test("is sent from / to /zh-CN", async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/zh-CN$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("2024中国汽车论坛");
    });
  });

  test.describe("an English browser", () => {
    test.use({ locale: "en-US" });
    test("is sent from / to /en", async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/en$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("2024 China Auto Forum");
    });
  });

  // A browser context always has a locale (en-US unless set), and Chromium sends it in place of an
  // Accept-Language given as an extra header; so the header's own handling is checked over HTTP.
  for (const { header, target } of [
    { header: "zh-CN,zh;q=0.9,en;q=0.5", target: "/zh-CN" },
    { header: "en;q=1,zh-CN;q=0.5", target: "/en" },
    { header: "en-GB,en;q=0.9", target: "/en" },
    { header: "zh", target: "/zh-CN" },
    { header: "fr,zh-CN;q=0.8", target: "/zh-CN" },
    { header: "de", target: "/en" },
  ]) {
    test(`Accept-Language "${header}" is redirected to ${target}`, async ({ request }) => {
      const response = await request.get("/", {
        headers: { "Accept-Language": header },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(307);
      expect(new URL(response.headers()["location"] ?? "", "http://x").pathname).toBe(target);
    });
  }
});

test.describe("language switch", () => {
  const pages = [
    "",
    "/agenda",
    "/speakers",
    "/speakers/wang-yao",
    "/quotes",
    "/quotes/1",
    "/sessions/opening-ceremony",
    "/register",
  ];
  for (const path of pages) {
    test(`goes to the same page in the other language: ${path || "/"}`, async ({ page }) => {
      await page.goto(`/en${path}`);
      const toZh = page.getByRole("link", { name: site.en.switchTo });
      await expect(toZh).toHaveAttribute("hreflang", "zh-CN");
      await toZh.click();
      await expect(page).toHaveURL(new RegExp(`/zh-CN${path}$`));
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

      await page.getByRole("link", { name: site["zh-CN"].switchTo }).click();
      await expect(page).toHaveURL(new RegExp(`/en${path}$`));
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
    });
  }

  test("keeps the agenda's day and filters", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto();
    await agenda.track.selectOption("chips");
    await agenda.tab(1).click();
    await agenda.search.fill("driving");
    await expect(page).toHaveURL(/\/en\/agenda\?day=2024-07-12&track=chips&q=driving$/);

    const toZh = page.getByRole("link", { name: site.en.switchTo });
    await expectHydrated(toZh);
    await toZh.click();
    await expect(page).toHaveURL(/\/zh-CN\/agenda\?day=2024-07-12&track=chips&q=driving$/);
    const zh = new AgendaPage(page, "zh-CN");
    await expectHydrated(zh.search);
    await zh.expectDay(1);
    await expect(zh.track).toHaveValue("chips");
    await expect(zh.search).toHaveValue("driving");
    await zh.expectTitles(["面向智能驾驶的计算芯片"]);
  });

  test("keeps a query string that was in the address on arrival", async ({ page }) => {
    const agenda = new AgendaPage(page, "zh-CN");
    await agenda.goto("?day=2024-07-13&type=keynote");
    const toEn = page.getByRole("link", { name: site["zh-CN"].switchTo });
    await expectHydrated(toEn);
    await toEn.click();
    await expect(page).toHaveURL(/\/en\/agenda\?day=2024-07-13&type=keynote$/);
    const en = new AgendaPage(page);
    await en.expectDay(2);
    await en.expectTitles(["Keynote: Automotive Chips and the Intelligent Vehicle"]);
  });
});

test.describe("titles and social previews", () => {
  const expected = [
    {
      path: "/en",
      title: "2024 China Auto Forum",
      og: "2024 China Auto Forum",
      description: /^The 2024 China Auto Forum, 11–13 July 2024/,
    },
    {
      path: "/zh-CN",
      title: "2024中国汽车论坛",
      og: "2024中国汽车论坛",
      description: /^2024中国汽车论坛，2024年7月11日至13日/,
    },
    {
      path: "/en/agenda",
      title: "Agenda · 2024 China Auto Forum",
      og: "Agenda",
      description: /^The three days of the 2024 China Auto Forum/,
    },
    {
      path: "/zh-CN/agenda",
      title: "议程 · 2024中国汽车论坛",
      og: "议程",
      description: /^2024中国汽车论坛三天议程/,
    },
    {
      path: "/en/speakers",
      title: "Speakers and people quoted · 2024 China Auto Forum",
      og: "Speakers and people quoted",
      description: /^The people of the illustrative program, and, apart from them, the real people/,
    },
    {
      path: "/en/speakers/liu-jining",
      title: "Liu Jining · 2024 China Auto Forum",
      og: "Liu Jining",
      description: /^Chief financial officer of Ji Yue Auto/,
    },
    {
      path: "/en/quotes",
      title: "Quote archive · 2024 China Auto Forum",
      og: "Quote archive",
      description: /^What the article on the 2024 China Auto Forum reports the people it names saying/,
    },
    {
      path: "/zh-CN/quotes",
      title: "观点库 · 2024中国汽车论坛",
      og: "观点库",
      description: /^关于2024中国汽车论坛的报道所记述的人物言论/,
    },
    {
      path: "/en/sessions/opening-ceremony",
      title: "Opening Ceremony · 2024 China Auto Forum",
      og: "Opening Ceremony",
      description: /^The forum opens in Jiading District/,
    },
    {
      path: "/zh-CN/sessions/opening-ceremony",
      title: "开幕式 · 2024中国汽车论坛",
      og: "开幕式",
      description: /^论坛在上海市嘉定区开幕/,
    },
    {
      path: "/en/register",
      title: "Register · 2024 China Auto Forum",
      og: "Register",
      description: /^Register to attend the 2024 China Auto Forum/,
    },
  ];

  for (const { path, title, og, description } of expected) {
    test(`${path} has its own title and Open Graph tags`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveTitle(title);
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", og);
      await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
        "content",
        description,
      );
      await expect(page.locator('meta[name="description"]')).toHaveAttribute(
        "content",
        description,
      );
      const locale = path.startsWith("/zh-CN") ? "zh_CN" : "en";
      await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute("content", locale);
      const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
      expect(new URL(canonical ?? "", "http://x").pathname).toBe(path);
    });
  }

  test("no two pages share a title", () => {
    expect(new Set(expected.map((e) => e.title)).size).toBe(expected.length);
  });
});

test.describe("now and next", () => {
  test("during the opening ceremony shows it on now, and the next session", async ({ page }) => {
    await page.goto("/en?now=2024-07-11T09:10:00%2B08:00");
    const box = page.getByRole("region", { name: "On now" });
    await expect(box).toBeVisible();
    const onNow = box.getByRole("list").first().getByRole("listitem");
    await expect(onNow).toHaveCount(1);
    await expect(onNow).toContainText("09:00–09:30 (UTC+8)");
    await expect(onNow.getByRole("link")).toHaveText("Opening Ceremony");
    await expect(box.getByRole("heading", { level: 3 })).toHaveText("Next");
    const next = box.getByRole("list").nth(1).getByRole("listitem");
    await expect(next.getByRole("link")).toHaveText([
      "Keynote: The NEV Market and Intelligent Connected NEVs",
    ]);
    await expect(next).toContainText("09:30–10:15 (UTC+8)");

    await onNow.getByRole("link").click();
    await expect(page).toHaveURL(/\/en\/sessions\/opening-ceremony$/);
  });

  test("during the opening ceremony, in Chinese", async ({ page }) => {
    await page.goto("/zh-CN?now=2024-07-11T09:10:00%2B08:00");
    const box = page.getByRole("region", { name: "正在进行" });
    await expect(box.getByRole("link").first()).toHaveText("开幕式");
    await expect(box.getByRole("heading", { level: 3 })).toHaveText("即将开始");
    await expect(box.getByRole("link").nth(1)).toHaveText(
      "主旨演讲：新能源汽车市场与智能网联新能源汽车",
    );
  });

  test("over lunch says nothing is running and lists both sessions starting next", async ({
    page,
  }) => {
    await page.goto("/en?now=2024-07-11T12:45:00%2B08:00");
    const box = page.getByRole("region", { name: "On now" });
    await expect(box.getByText("No session is running at this moment.")).toBeVisible();
    await expect(box.getByRole("link")).toHaveText([
      "Panel: Sustainable, High-Quality Development of the Auto Sector",
      'The "New Four Modernizations": Electrification, IoT, Intellectualization and Sharing',
    ]);
  });

  test("a cancelled session is never on now or next", async ({ page }) => {
    // 13:20 on 12 July: lunch (a break, not listed); at 13:30 the software park visit starts and
    // the cancelled data-security workshop would have.
    await page.goto("/en?now=2024-07-12T13:20:00%2B08:00");
    const box = page.getByRole("region", { name: "On now" });
    await expect(box.getByText("No session is running at this moment.")).toBeVisible();
    await expect(box.getByRole("link")).toHaveText([
      "Site Visit: Intelligent Vehicle Software Park",
    ]);

    await page.goto("/en?now=2024-07-12T13:40:00%2B08:00");
    await expect(box.getByRole("list").first().getByRole("link")).toHaveText([
      "Site Visit: Intelligent Vehicle Software Park",
    ]);
    await expect(box.getByRole("list").nth(1).getByRole("link")).toHaveText([
      "Computing Chips for Intelligent Driving",
    ]);
    await expect(
      box.getByRole("link", { name: "Workshop: Data Security for Connected Vehicles" }),
    ).toHaveCount(0);
  });

  test("overnight between two days, the next day's first session is next", async ({ page }) => {
    // 20:00 in Shanghai is still the morning of 11 July in Los Angeles, where the browser is.
    await page.goto("/en?now=2024-07-11T20:00:00%2B08:00");
    const box = page.getByRole("region", { name: "On now" });
    await expect(box.getByText("No session is running at this moment.")).toBeVisible();
    await expect(box.getByRole("link")).toHaveText([
      "Keynote: Intelligent Connected Vehicles and the Software Behind Them",
    ]);
    await expect(box).toContainText("09:00–09:45 (UTC+8)");
  });

  test("during the last session there is no next, and after it the forum has ended", async ({
    page,
  }) => {
    await page.goto("/en?now=2024-07-13T14:30:00%2B08:00");
    const box = page.getByRole("region", { name: "On now" });
    await expect(box.getByRole("link")).toHaveText(["Closing Session"]);
    await expect(box.getByRole("heading", { name: "Next" })).toHaveCount(0);

    await page.goto("/en?now=2024-07-13T15:00:00%2B08:00");
    await expect(page.getByRole("region", { name: "The forum has ended" })).toBeVisible();
  });

  test("before the forum says when it opens and what comes first", async ({ page }) => {
    await page.goto("/en?now=2024-07-01T00:00:00%2B08:00");
    const box = page.getByRole("region", { name: "Next" });
    await expect(
      box.getByText("The forum opens on Thursday 11 July 2024. First up:"),
    ).toBeVisible();
    await expect(box.getByRole("link")).toHaveText(["Opening Ceremony"]);
    await expect(box).toContainText("09:00–09:30 (UTC+8)");
  });

  test("before the forum, in Chinese", async ({ page }) => {
    await page.goto("/zh-CN?now=2024-07-01T00:00:00%2B08:00");
    const box = page.getByRole("region", { name: "即将开始" });
    await expect(box.getByText("论坛将于2024年7月11日星期四开幕。首场议程：")).toBeVisible();
    await expect(box.getByRole("link")).toHaveText(["开幕式"]);
  });

  test("without an override, today (after July 2024) shows the forum has ended", async ({
    page,
  }) => {
    expect(Date.now()).toBeGreaterThan(Date.parse("2024-07-14T00:00:00+08:00"));
    await page.goto("/en");
    const box = page.getByRole("region", { name: "The forum has ended" });
    await expect(
      box.getByText("The forum took place from 11 to 13 July 2024.", { exact: false }),
    ).toBeVisible();
    await expect(box.getByRole("link")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "On now" })).toHaveCount(0);
  });

  test("without an override, in Chinese, shows the forum has ended", async ({ page }) => {
    await page.goto("/zh-CN");
    const box = page.getByRole("region", { name: "论坛已圆满落幕" });
    await expect(
      box.getByText("论坛已于2024年7月11日至13日举行。", { exact: false }),
    ).toBeVisible();
  });

  test("without an override, follows the browser's clock", async ({ page }) => {
    await page.clock.setFixedTime(new Date("2024-07-12T09:20:00+08:00"));
    await page.goto("/en");
    const box = page.getByRole("region", { name: "On now" });
    await expect(box.getByRole("link").first()).toHaveText(
      "Keynote: Intelligent Connected Vehicles and the Software Behind Them",
    );
    await expect(box).toContainText("09:00–09:45 (UTC+8)");
  });

  test("an unreadable override is ignored", async ({ page }) => {
    await page.goto("/en?now=not-a-date");
    await expect(page.getByRole("region", { name: "The forum has ended" })).toBeVisible();
    await expect(nowBox(page)).toHaveAccessibleName("The forum has ended");
  });
});
