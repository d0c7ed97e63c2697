import { expect, test, type Locator, type Page } from "@playwright/test";
import { AgendaPage } from "./pages/agenda-page";
import { attendee, RegisterPage, uniqueEmail } from "./pages/register-page";
import { expectHydrated } from "./support/hydration";
import { timedStep } from "./support/steps";

const OPENING = "Opening Ceremony";
const DAY2_KEYNOTE = "Keynote: Intelligent Connected Vehicles and the Software Behind Them";
// Both on 11 July from 13:30: the panel until 14:45, the talk until 14:30.
const PANEL = "Panel: Sustainable, High-Quality Development of the Auto Sector";
const TALK = 'The "New Four Modernizations": Electrification, IoT, Intellectualization and Sharing';
const VISIT = "Site Visit: Automotive Chip Valley";
const THURSDAY = "Thursday 11 July 2024";
const FRIDAY = "Friday 12 July 2024";
const FEED = /\/feeds\/[A-Za-z0-9_-]{32}\.ics$/;

const star = (page: Page, title: string) => page.getByRole("button", { name: `Star ${title}`, exact: true });

/** Stars sessions on the agenda's first day, as a visitor does, and waits until each shows it. */
async function starOnAgenda(page: Page, titles: string[]) {
  const agenda = new AgendaPage(page);
  await agenda.goto();
  for (const title of titles) {
    await expectHydrated(star(page, title));
    await star(page, title).click();
    await expect(star(page, title)).toHaveAttribute("aria-pressed", "true");
  }
  return agenda;
}

/** My agenda once the browser has filled it in: the day sections and their session titles. */
async function openMyAgenda(page: Page, locale = "en") {
  await page.goto(`/${locale}/my-agenda`);
  await expect(page.getByRole("main").getByText(locale === "en" ? "Loading your agenda…" : "正在加载您的议程…")).toHaveCount(0);
}
const day = (page: Page, label: string) => page.getByRole("region", { name: label });
const titles = (scope: Page | Locator) => scope.getByRole("article").getByRole("heading", { level: 3 });
const item = (page: Page, title: string) =>
  page.getByRole("article").filter({ has: page.getByRole("heading", { level: 3, name: title, exact: true }) });

const tokenOf = (manageUrl: string) => new URL(manageUrl).pathname.split("/").pop()!;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

test.describe("stars without registering", () => {
  test("starred sessions are listed by day on my agenda, in forum time", async ({ page }) => {
    await openMyAgenda(page);
    await expect(page.getByText("You have not starred any sessions yet.")).toBeVisible();
    await page.getByRole("link", { name: "Star sessions on the agenda" }).click();
    await expect(page).toHaveURL(/\/en\/agenda$/);

    const agenda = await starOnAgenda(page, [OPENING]);
    await agenda.tab(1).click();
    // The star works from the keyboard too.
    await star(page, DAY2_KEYNOTE).focus();
    await page.keyboard.press("Space");
    await expect(star(page, DAY2_KEYNOTE)).toHaveAttribute("aria-pressed", "true");
    await expect(star(page, "Keynote: Autonomous Vehicle Testing and Demonstration in Jiading")).toHaveAttribute("aria-pressed", "false");

    await page.getByRole("navigation").getByRole("link", { name: "My agenda" }).click();
    await expect(page).toHaveURL(/\/en\/my-agenda$/);
    await expect(page.getByRole("heading", { level: 2 })).toHaveText([THURSDAY, FRIDAY]);
    await expect(titles(day(page, THURSDAY))).toHaveText([OPENING]);
    await expect(titles(day(page, FRIDAY))).toHaveText([DAY2_KEYNOTE]);
    await expect(item(page, OPENING).getByRole("time")).toHaveText("09:00–09:30");
    await expect(item(page, OPENING)).toContainText("UTC+8");
    await expect(page.getByText(/^Your stars are kept in this browser only\./)).toBeVisible();

    // The stars stay in the browser: a new page of the same browser sees them.
    const again = await page.context().newPage();
    await again.goto("/en/agenda");
    await expectHydrated(star(again, OPENING));
    await expect(star(again, OPENING)).toHaveAttribute("aria-pressed", "true");
  });

  test("two starred sessions at the same time are flagged as overlapping", async ({ page }) => {
    await starOnAgenda(page, [OPENING, PANEL, TALK]);
    await openMyAgenda(page);
    await expect(titles(day(page, THURSDAY))).toHaveText([OPENING, PANEL, TALK]);
    await expect(item(page, PANEL)).toContainText(`Overlaps with “${TALK}”`);
    await expect(item(page, TALK)).toContainText(`Overlaps with “${PANEL}”`);
    await expect(item(page, OPENING)).not.toContainText("Overlaps");

    // Unstarring one on my agenda removes it, and the clash with it.
    await star(page, TALK).click();
    await expect(titles(page)).toHaveText([OPENING, PANEL]);
    await expect(item(page, PANEL)).not.toContainText("Overlaps");
  });
});

test.describe("stars with a registration", () => {
  test("stars are carried over on registering and follow the person to another device", async ({ page, browser, request }, testInfo) => {
    const link = await timedStep("star two sessions, then register", async () => {
      await starOnAgenda(page, [OPENING, PANEL]);
      await new RegisterPage(page).register(attendee());
      await expect(page.getByText("2 starred sessions are saved with your registration.")).toBeVisible();
      return page.url().replace("?new=1", "");
    });
    const token = tokenOf(link);

    const me = await request.get("/api/v1/me", { headers: bearer(token) });
    expect(me.status()).toBe(200);
    expect(me.headers()["cache-control"]).toBe("no-store");
    expect(await me.json()).toEqual({ stars: ["opening-ceremony", "panel-sustainable-development"], bookings: [] });

    // Another device knows nothing until the private link is opened there.
    const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL, timezoneId: "Europe/Berlin" });
    const phone = await other.newPage();
    await timedStep("the private link opened on another device", async () => {
      await openMyAgenda(phone);
      await expect(phone.getByText("You have not starred any sessions yet.")).toBeVisible();
      await phone.goto(link);
      await expect(phone.getByText("2 starred sessions are saved with your registration.")).toBeVisible();
      await phone.getByRole("link", { name: "See my agenda" }).click();
      await expect(phone).toHaveURL(/\/en\/my-agenda$/);
      await expect(titles(day(phone, THURSDAY))).toHaveText([OPENING, PANEL]);
      await expect(phone.getByRole("link", { name: "Your registration" })).toHaveAttribute("href", `/en/ticket/${token}`);
    });
    await timedStep("unstarring on the other device", async () => {
      // Unstarring on a session page is saved with the registration at once.
      await phone.goto("/en/sessions/opening-ceremony");
      const button = star(phone, OPENING);
      await expectHydrated(button);
      await expect(button).toHaveAttribute("aria-pressed", "true");
      const saved = phone.waitForResponse((r) => r.url().endsWith("/api/v1/me/stars/opening-ceremony") && r.request().method() === "DELETE");
      await button.click();
      await expect(button).toHaveAttribute("aria-pressed", "false");
      expect((await saved).status()).toBe(200);
      await openMyAgenda(phone);
      await expect(titles(phone)).toHaveText([PANEL]);
    });
    // The first device takes the change from the server when it opens its agenda.
    await openMyAgenda(page);
    await expect(titles(page)).toHaveText([PANEL]);
    expect((await (await request.get("/api/v1/me", { headers: bearer(token) })).json()).stars).toEqual(["panel-sustainable-development"]);
    await other.close();
  });

  test("a booked seat-limited session is marked on my agenda, and clashes with a starred one", async ({ page }) => {
    await new RegisterPage(page).register(attendee());
    await page.getByRole("button", { name: `Book a seat: ${VISIT}` }).click();
    const row = page.getByRole("listitem").filter({ has: page.getByText(VISIT, { exact: true }) });
    await expect(row.getByText("Booked", { exact: true })).toBeVisible();
    await starOnAgenda(page, [PANEL]);
    await openMyAgenda(page);
    await expect(titles(page)).toHaveText([PANEL, VISIT]);
    await expect(item(page, VISIT)).toContainText("Seat booked");
    await expect(item(page, VISIT)).toContainText(`Overlaps with “${PANEL}”`);
    await expect(item(page, PANEL)).not.toContainText("Seat booked");
    // Booked without a star: the star shows what it is.
    await expect(star(page, VISIT)).toHaveAttribute("aria-pressed", "false");
  });
});

test.describe("calendar feed", () => {
  test("the manage page creates a secret feed address and replaces it: the old address answers 404, the new one 200", async ({ page }) => {
    const fetchFeed = async (address: string) => (await page.request.get(new URL(address).pathname)).status();
    await new RegisterPage(page).register(attendee());
    const feed = page.getByRole("region", { name: "Your calendar feed" });
    await expect(feed.getByLabel("Feed address")).toHaveCount(0);
    await feed.getByRole("button", { name: "Create my feed address" }).click();
    const address = feed.getByLabel("Feed address");
    await expect(address).toHaveValue(FEED);
    const first = await address.inputValue();
    await expect(feed.getByRole("link", { name: "Open in my calendar app" })).toHaveAttribute(
      "href",
      first.replace(/^https?:/, "webcal:"),
    );

    expect(await fetchFeed(first)).toBe(200);

    await feed.getByRole("button", { name: "Replace address (the old one stops working)" }).click();
    await expect(feed.getByRole("status")).toHaveText("Your feed has a new address: the old one no longer works.");
    await expect(address).toHaveValue(FEED);
    await expect(address).not.toHaveValue(first);
    const second = await address.inputValue();
    expect(await fetchFeed(first)).toBe(404);
    expect(await fetchFeed(second)).toBe(200);

    await page.reload();
    await expect(page.getByRole("region", { name: "Your calendar feed" }).getByLabel("Feed address")).toHaveValue(second);
  });

  test("a cancelled registration offers no feed", async ({ page }) => {
    await new RegisterPage(page).register(attendee());
    await expect(page.getByRole("region", { name: "Your calendar feed" })).toBeVisible();
    await page.getByRole("button", { name: "Cancel your registration…" }).click();
    await page.getByRole("button", { name: "Yes, cancel my registration" }).click();
    await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Your calendar feed" })).toHaveCount(0);
  });
});

test.describe("the personal agenda API", () => {
  test("wants a registration's manage token, and sessions on the agenda", async ({ request }) => {
    const created = await request.post("/api/v1/registrations", {
      data: {
        fullName: "Api Star",
        email: uniqueEmail("stars"),
        organisation: "Example Motors",
        jobTitle: "Engineer",
        category: "industry",
        days: ["2024-07-11"],
        consent: true,
      },
    });
    expect(created.status()).toBe(201);
    const auth = bearer((await created.json()).manageToken);
    const unknownToken = bearer("A".repeat(32));

    const malformed: Record<string, string>[] = [{}, { authorization: "Bearer short" }, { authorization: `Basic ${"A".repeat(32)}` }];
    for (const headers of malformed) {
      const response = await request.get("/api/v1/me", { headers });
      expect(response.status()).toBe(401);
      expect(response.headers()["www-authenticate"]).toContain("Bearer");
    }
    expect((await request.get("/api/v1/me", { headers: unknownToken })).status()).toBe(404);
    expect((await request.put("/api/v1/me/stars/opening-ceremony", { headers: unknownToken })).status()).toBe(404);
    expect((await request.post("/api/v1/me/stars", { headers: unknownToken, data: { sessions: [] } })).status()).toBe(404);

    const put = await request.put("/api/v1/me/stars/opening-ceremony", { headers: auth });
    expect(put.status()).toBe(200);
    expect(put.headers()["content-type"]).toContain("application/json");
    expect(put.headers()["cache-control"]).toBe("no-store");
    expect(await put.json()).toEqual({ stars: ["opening-ceremony"] });
    // Starring twice changes nothing.
    expect(await (await request.put("/api/v1/me/stars/opening-ceremony", { headers: auth })).json()).toEqual({ stars: ["opening-ceremony"] });

    // Unknown, draft and malformed sessions are refused.
    for (const slug of ["no-such-session", "farewell-reception", "Not_A_Slug"]) {
      const response = await request.put(`/api/v1/me/stars/${slug}`, { headers: auth });
      expect(response.status()).toBe(400);
      expect((await response.json()).unknown).toEqual([slug]);
    }
    const mixed = await request.post("/api/v1/me/stars", { headers: auth, data: { sessions: ["lunch-day-1", "no-such-session"] } });
    expect(mixed.status()).toBe(400);
    expect((await mixed.json()).unknown).toEqual(["no-such-session"]);
    for (const data of [{ sessions: "lunch-day-1" }, { sessions: [1] }, { slugs: [] }, { sessions: [], extra: 1 }]) {
      expect((await request.post("/api/v1/me/stars", { headers: auth, data })).status()).toBe(400);
    }
    const text = await request.post("/api/v1/me/stars", { headers: { ...auth, "content-type": "text/plain" }, data: "lunch-day-1" });
    expect(text.status()).toBe(415);

    // A cancelled session can be starred; stars come back in agenda order.
    const added = await request.post("/api/v1/me/stars", {
      headers: auth,
      data: { sessions: ["workshop-connected-vehicle-data-security", "lunch-day-1"] },
    });
    expect(added.status()).toBe(200);
    expect(await added.json()).toEqual({ stars: ["opening-ceremony", "lunch-day-1", "workshop-connected-vehicle-data-security"] });

    expect((await request.delete("/api/v1/me/stars/opening-ceremony", { headers: auth })).status()).toBe(200);
    expect((await request.delete("/api/v1/me/stars/no-such-session", { headers: auth })).status()).toBe(400);
    const me = await request.get("/api/v1/me", { headers: auth });
    expect(await me.json()).toEqual({ stars: ["lunch-day-1", "workshop-connected-vehicle-data-security"], bookings: [] });
  });
});

test.describe("in Chinese", () => {
  test("my agenda lists the starred sessions by day", async ({ page }) => {
    const agenda = new AgendaPage(page, "zh-CN");
    await agenda.goto();
    const button = page.getByRole("button", { name: "收藏 开幕式", exact: true });
    await expectHydrated(button);
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
    await page.getByRole("navigation").getByRole("link", { name: "我的议程" }).click();
    await expect(page).toHaveURL(/\/zh-CN\/my-agenda$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的议程");
    await expect(titles(day(page, "2024年7月11日星期四"))).toHaveText(["开幕式"]);
    await expect(page.getByRole("article").getByRole("time")).toHaveText("09:00–09:30");
    await expect(page.getByRole("article")).toContainText("UTC+8");
    await expect(page.getByText(/^您的收藏目前仅保存在此浏览器中/)).toBeVisible();
  });
});

test.describe("on a phone-sized screen", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("my agenda fits the screen", async ({ page }) => {
    await new AgendaPage(page).goto();
    await expectHydrated(star(page, PANEL));
    await star(page, PANEL).click();
    await star(page, TALK).click();
    await openMyAgenda(page);
    await expect(item(page, PANEL)).toContainText("Overlaps with");
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});
