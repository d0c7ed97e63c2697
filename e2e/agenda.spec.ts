import { expect, test } from "@playwright/test";
import { AgendaPage } from "./pages/agenda-page";
import { cancelledTitle, day1, day2First, day3First, site } from "./support/site";

test.describe("day tabs", () => {
  test("switch days and keep the day in the address", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto();
    await expect(agenda.tabs).toHaveText(site.en.days);
    await agenda.expectDay(0);
    await agenda.expectTitles(day1);

    await agenda.tab(1).click();
    await expect(page).toHaveURL(/\/en\/agenda\?day=2024-07-12$/);
    await agenda.expectDay(1);
    await expect(agenda.tab(0)).toHaveAttribute("aria-selected", "false");
    await expect(agenda.titles.first()).toHaveText(day2First);
    await agenda.expectCount(11);

    await agenda.tab(2).click();
    await expect(page).toHaveURL(/\?day=2024-07-13$/);
    await expect(agenda.titles.first()).toHaveText(day3First);
    await agenda.expectCount(8);

    // The first day is the default and needs no parameter.
    await agenda.tab(0).click();
    await expect(page).toHaveURL(/\/en\/agenda$/);
    await agenda.expectTitles(day1);
  });

  test("a link with ?day= opens that day", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto("?day=2024-07-13");
    await agenda.expectDay(2);
    await expect(agenda.titles.first()).toHaveText(day3First);
    await expect(agenda.page.getByRole("link", { name: "Opening Ceremony" })).toHaveCount(0);
  });

  test("a link with ?day= opens that day in Chinese", async ({ page }) => {
    const agenda = new AgendaPage(page, "zh-CN");
    await agenda.goto("?day=2024-07-12");
    await expect(agenda.tabs).toHaveText(site["zh-CN"].days);
    await agenda.expectDay(1);
    await expect(agenda.titles.first()).toHaveText("主旨演讲：智能网联汽车及其背后的软件");
    await agenda.expectCount(11);
  });

  test("a day outside the forum falls back to the first day", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto("?day=2024-07-14");
    await agenda.expectDay(0);
    await agenda.expectTitles(day1);
  });

  test("arrow keys move between the day tabs", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto();
    // Only the selected tab is in the tab order, as the ARIA tabs pattern expects.
    await expect(agenda.tab(0)).toHaveAttribute("tabindex", "0");
    await expect(agenda.tab(1)).toHaveAttribute("tabindex", "-1");
    await agenda.tab(0).focus();

    await page.keyboard.press("ArrowRight");
    await expect(agenda.tab(1)).toBeFocused();
    await agenda.expectDay(1);
    await expect(page).toHaveURL(/\?day=2024-07-12$/);
    await expect(agenda.titles.first()).toHaveText(day2First);

    await page.keyboard.press("ArrowRight");
    await expect(agenda.tab(2)).toBeFocused();
    await agenda.expectDay(2);

    // From the last day, the next one is the first again.
    await page.keyboard.press("ArrowRight");
    await expect(agenda.tab(0)).toBeFocused();
    await agenda.expectDay(0);
    await expect(page).toHaveURL(/\/en\/agenda$/);

    await page.keyboard.press("ArrowLeft");
    await expect(agenda.tab(2)).toBeFocused();
    await agenda.expectDay(2);
    await expect(page).toHaveURL(/\?day=2024-07-13$/);
  });
});

test.describe("grid and forum time", () => {
  test("the grid has a column per room and no phone list on a wide screen", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto();
    for (const room of ["Main Hall", "Hall A", "Hall B", "Demonstration Area & Off-site Visits"]) {
      await expect(agenda.panel.getByText(room, { exact: true })).toBeVisible();
    }
    await expect(agenda.panel.getByText(/^Time\s*UTC\+8$/)).toBeVisible();
    // The phone list groups sessions under a heading per start time; here it stays hidden.
    await expect(agenda.panel.getByRole("heading", { name: "09:00 UTC+8" })).toHaveCount(0);
  });

  test("times are forum time (UTC+8) although the browser is in Los Angeles", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto();
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
      "America/Los_Angeles",
    );

    await expect(page.getByText("All times are forum time: China Standard Time, UTC+8.")).toBeVisible();
    const opening = agenda.card("Opening Ceremony");
    await expect(opening.getByRole("time")).toHaveText("09:00–09:30");
    await expect(opening.getByRole("time")).toHaveAttribute("datetime", "2024-07-11T01:00:00.000Z");
    await expect(opening).toContainText("UTC+8");
    await expect(
      agenda.card("Workshop: Software-Defined Vehicle Architecture").getByRole("time"),
    ).toHaveText("16:00–17:30");
  });

  test("times are forum time in Chinese too", async ({ page }) => {
    const agenda = new AgendaPage(page, "zh-CN");
    await agenda.goto();
    await expect(page.getByText("所有时间均为论坛当地时间：中国标准时间，UTC+8。")).toBeVisible();
    await expect(agenda.card("开幕式").getByRole("time")).toHaveText("09:00–09:30");
    for (const room of ["主会场", "A厅", "B厅", "示范体验区及外出参观"]) {
      await expect(agenda.panel.getByText(room, { exact: true })).toBeVisible();
    }
  });
});

test.describe("filters", () => {
  test("track narrows the sessions, lands in the query string and reproduces on load", async ({
    page,
  }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto();
    await agenda.track.selectOption({ label: "Automotive Chips" });
    await expect(page).toHaveURL(/\/en\/agenda\?track=chips$/);
    await agenda.expectTitles([
      "Site Visit: Automotive Chip Valley",
      "Building a Local Ecosystem for Automotive Chips",
    ]);
    // Each day's tab says how many of its sessions match.
    await expect(agenda.tabs).toHaveText([/\(2\)$/, /\(1\)$/, /\(2\)$/]);

    await agenda.tab(1).click();
    await expect(page).toHaveURL(/\?day=2024-07-12&track=chips$/);
    await agenda.expectTitles(["Computing Chips for Intelligent Driving"]);

    const reloaded = new AgendaPage(await page.context().newPage());
    await reloaded.goto("?day=2024-07-12&track=chips");
    await reloaded.expectDay(1);
    await expect(reloaded.track).toHaveValue("chips");
    await reloaded.expectTitles(["Computing Chips for Intelligent Driving"]);
  });

  test("type narrows the sessions, lands in the query string and reproduces on load", async ({
    page,
  }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto();
    await agenda.type.selectOption({ label: "Workshop" });
    await expect(page).toHaveURL(/\/en\/agenda\?type=workshop$/);
    await agenda.expectTitles(["Workshop: Software-Defined Vehicle Architecture"]);
    await expect(agenda.tabs).toHaveText([/\(1\)$/, /\(1\)$/, /\(1\)$/]);

    await page.reload();
    await expect(agenda.type).toHaveValue("workshop");
    await agenda.expectTitles(["Workshop: Software-Defined Vehicle Architecture"]);
  });

  test("room narrows the sessions and the grid columns, and reproduces on load", async ({
    page,
  }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto();
    await agenda.room.selectOption({ label: "Hall B" });
    await expect(page).toHaveURL(/\/en\/agenda\?room=hall-b$/);
    await agenda.expectTitles(["Building a Local Ecosystem for Automotive Chips"]);
    await expect(agenda.panel.getByText("Hall B", { exact: true })).toBeVisible();
    await expect(agenda.panel.getByText("Main Hall", { exact: true })).toHaveCount(0);

    const reloaded = new AgendaPage(await page.context().newPage());
    await reloaded.goto("?room=hall-b&day=2024-07-12");
    await expect(reloaded.room).toHaveValue("hall-b");
    await reloaded.expectTitles([
      "Panel: From Road Testing to Everyday Autonomous Driving",
      "Computing Chips for Intelligent Driving",
    ]);
  });

  test("filters combine", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto("?track=chips&type=talk");
    await expect(agenda.track).toHaveValue("chips");
    await expect(agenda.type).toHaveValue("talk");
    await agenda.expectTitles(["Building a Local Ecosystem for Automotive Chips"]);
    await agenda.room.selectOption("hall-a");
    await expect(page).toHaveURL(/\?track=chips&type=talk&room=hall-a$/);
    await agenda.expectCount(0);
    await expect(page.getByText("No session on this day matches these filters.")).toBeVisible();
  });

  test("the Chinese filters work the same way", async ({ page }) => {
    const agenda = new AgendaPage(page, "zh-CN");
    await agenda.goto();
    await agenda.track.selectOption({ label: "汽车芯片" });
    await expect(page).toHaveURL(/\/zh-CN\/agenda\?track=chips$/);
    await agenda.expectTitles(["参观考察：汽车芯片谷", "构建本土汽车芯片产业生态"]);
  });

  test("unknown filter values show the normal page", async ({ page }) => {
    const agenda = new AgendaPage(page);
    const response = await agenda.goto("?track=nope&type=zzz&room=attic&day=someday");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Agenda" })).toBeVisible();
    await expect(agenda.track).toHaveValue("");
    await expect(agenda.type).toHaveValue("");
    await expect(agenda.room).toHaveValue("");
    await expect(agenda.clear).toBeDisabled();
    await agenda.expectDay(0);
    await agenda.expectTitles(day1);
    await expect(page.getByRole("alert").filter({ hasText: "Something went wrong" })).toHaveCount(
      0,
    );
  });

  test("clear filters resets search and filters but keeps the day", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto("?day=2024-07-12&track=connected-software&type=workshop&q=data");
    await expect(agenda.search).toHaveValue("data");
    await agenda.expectTitles([cancelledTitle]);
    await expect(agenda.clear).toBeEnabled();

    await agenda.clear.click();
    await expect(page).toHaveURL(/\/en\/agenda\?day=2024-07-12$/);
    await expect(agenda.search).toHaveValue("");
    await expect(agenda.track).toHaveValue("");
    await expect(agenda.type).toHaveValue("");
    await expect(agenda.clear).toBeDisabled();
    await agenda.expectDay(1);
    await agenda.expectCount(11);
    // Without filters the tabs carry no counts.
    await expect(agenda.tabs).toHaveText(site.en.days);
  });
});

test.describe("search", () => {
  test("the search box follows the address when the Agenda link is followed", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto("?q=chip&track=chips");
    await expect(agenda.search).toHaveValue("chip");
    await agenda.expectCount(2);

    // The header's link leads to the unfiltered agenda: box, filters and sessions must all agree.
    await page.getByRole("navigation").getByRole("link", { name: "Agenda", exact: true }).click();
    await expect(page).toHaveURL(/\/en\/agenda$/);
    await expect(agenda.track).toHaveValue("");
    await agenda.expectTitles(day1);
    await expect(agenda.search).toHaveValue("");
  });

  const chipDay1 = [
    "Keynote: Jiading as a Core Area of a Global Automobile Industry Hub",
    "Site Visit: Automotive Chip Valley",
    "Building a Local Ecosystem for Automotive Chips",
  ];

  test("English text finds the sessions and lands in the query string", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto();
    await agenda.search.fill("chip");
    await expect(page).toHaveURL(/\/en\/agenda\?q=chip$/);
    await agenda.expectTitles(chipDay1);
    await expect(agenda.tabs).toHaveText([/\(3\)$/, /\(1\)$/, /\(2\)$/]);
    await agenda.tab(2).click();
    await agenda.expectTitles([day3First, "Panel: A Resilient Supply Chain for Automotive Chips"]);

    const reloaded = new AgendaPage(await page.context().newPage());
    await reloaded.goto("?q=chip");
    await expect(reloaded.search).toHaveValue("chip");
    await reloaded.expectTitles(chipDay1);
  });

  test("Chinese text finds the same sessions", async ({ page }) => {
    const agenda = new AgendaPage(page, "zh-CN");
    await agenda.goto();
    await agenda.search.fill("芯片");
    await expect(page).toHaveURL(/\/zh-CN\/agenda\?q=%E8%8A%AF%E7%89%87$/);
    await agenda.expectTitles([
      "主旨演讲：嘉定——全球汽车产业中心的核心承载区",
      "参观考察：汽车芯片谷",
      "构建本土汽车芯片产业生态",
    ]);
    await expect(agenda.tabs).toHaveText([/\(3\)$/, /\(1\)$/, /\(2\)$/]);
  });

  test("Chinese text finds sessions on the English page too", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto("?q=%E8%8A%AF%E7%89%87");
    await agenda.expectTitles(chipDay1);
  });

  test("a speaker's name finds their session, and no session names a real person", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto();
    await agenda.search.fill("Moderator");
    await expect(page).toHaveURL(/\?q=Moderator$/);
    await agenda.expectTitles(["Panel: Sustaining Growth in China's NEV Market"]);
    await expect(agenda.card("Panel: Sustaining Growth in China's NEV Market")).toContainText("Moderator");
    await expect(agenda.tabs).toHaveText([/\(1\)$/, /\(0\)$/, /\(0\)$/]);

    await agenda.search.fill("Wang Yao");
    await expect(agenda.tabs).toHaveText([/\(0\)$/, /\(0\)$/, /\(0\)$/]);
  });

  for (const query of ["CHIP", "ChIp", "ｃｈｉｐ", "  chip  "]) {
    test(`search ignores case, width and spacing: ${JSON.stringify(query)}`, async ({ page }) => {
      const agenda = new AgendaPage(page);
      await agenda.goto();
      await agenda.search.fill(query);
      await agenda.expectTitles(chipDay1);
    });
  }

  test("a search that matches nothing says so", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto();
    await agenda.search.fill("hydrogen airship");
    await agenda.expectCount(0);
    await expect(page.getByText("No session on this day matches these filters.")).toBeVisible();
    await expect(agenda.tabs).toHaveText([/\(0\)$/, /\(0\)$/, /\(0\)$/]);
  });
});

test.describe("history", () => {
  test("going back from a session returns to the same day, filters and search", async ({
    page,
  }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto();
    await agenda.track.selectOption("chips");
    await agenda.tab(1).click();
    await agenda.search.fill("driving");
    await expect(page).toHaveURL(/\/en\/agenda\?day=2024-07-12&track=chips&q=driving$/);
    await agenda.card("Computing Chips for Intelligent Driving").getByRole("link").click();
    await expect(page).toHaveURL(/\/en\/sessions\/talk-chips-for-intelligent-driving$/);

    await page.goBack();
    await expect(page).toHaveURL(/\/en\/agenda\?day=2024-07-12&track=chips&q=driving$/);
    await agenda.expectDay(1);
    await expect(agenda.track).toHaveValue("chips");
    await expect(agenda.search).toHaveValue("driving");
    await agenda.expectTitles(["Computing Chips for Intelligent Driving"]);
  });
});

test.describe("cancelled session", () => {
  test("is shown on the agenda, marked as cancelled", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto("?day=2024-07-12");
    const card = agenda.card(cancelledTitle);
    await expect(card).toBeVisible();
    await expect(card.getByText("Cancelled", { exact: true })).toBeVisible();
    // Only that one of the day's sessions carries the mark.
    await expect(
      agenda.panel.getByText("Cancelled", { exact: true }).filter({ visible: true }),
    ).toHaveCount(1);
  });

  test("is marked in Chinese too", async ({ page }) => {
    const agenda = new AgendaPage(page, "zh-CN");
    await agenda.goto("?day=2024-07-12");
    await expect(
      agenda.card("工作坊：智能网联汽车数据安全").getByText("已取消", { exact: true }),
    ).toBeVisible();
    await expect(
      agenda.panel.getByText("已取消", { exact: true }).filter({ visible: true }),
    ).toHaveCount(1);
  });

  test("opens its page from the agenda", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.goto("?day=2024-07-12");
    await agenda.card(cancelledTitle).getByRole("link").click();
    await expect(page).toHaveURL(/\/en\/sessions\/workshop-connected-vehicle-data-security$/);
    await expect(page.getByRole("status")).toHaveText("This session has been cancelled.");
  });
});
