import { seriousViolations } from "./support/axe";
import { expect, test } from "./support/console";

const CONSOLE = [
  "/admin",
  "/admin/agenda",
  "/admin/speakers",
  "/admin/quotes",
  "/admin/attendees",
  "/admin/settings",
  "/admin/users",
  "/admin/audit",
  "/admin/editions",
  "/admin/account",
  "/checkin",
];


for (const locale of ["en", "zh-CN"]) {
  test(`/${locale}/sign-in has no serious or critical violations`, async ({ page }) => {
    expect((await page.goto(`/${locale}/sign-in`))?.status()).toBe(200);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test.describe(`axe on the console, ${locale}`, () => {
    for (const path of CONSOLE) {
      test(`/${locale}${path} has no serious or critical violations`, async ({ adminPage }) => {
        const response = await adminPage.goto(`/${locale}${path}`);
        expect(response?.status()).toBe(200);
        await expect(adminPage.getByRole("heading", { level: 1 })).toBeVisible();
        expect(await seriousViolations(adminPage)).toEqual([]);
      });
    }
  });

  test(`/${locale}: every console page fits a 360 px phone without sideways scrolling`, async ({ adminPage }) => {
    // A wide table must scroll in its own box, not widen the page: the attendee list has a row.
    const registered = await adminPage.request.post("/api/v1/registrations", {
      data: {
        fullName: "Phone Width Attendee",
        email: `${crypto.randomUUID()}@example.test`,
        organisation: "A Company With A Rather Long Name For A Narrow Screen",
        jobTitle: "Engineer",
        category: "industry",
        days: ["2024-07-11"],
        consent: true,
      },
    });
    expect(registered.status()).toBe(201);
    await adminPage.setViewportSize({ width: 360, height: 800 });
    for (const path of [...CONSOLE, "/admin/feedback", "/admin/materials", "/admin/announcements", "/admin/badges"]) {
      await adminPage.goto(`/${locale}${path}`);
      await expect(adminPage.getByRole("heading", { level: 1 })).toBeVisible();
      const { scrollWidth, clientWidth } = await adminPage.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth, path).toBeLessThanOrEqual(clientWidth);
    }
  });
}
