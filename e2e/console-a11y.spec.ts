import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/console";

const CONSOLE = [
  "/admin",
  "/admin/agenda",
  "/admin/speakers",
  "/admin/quotes",
  "/admin/attendees",
  "/admin/users",
  "/admin/audit",
  "/admin/account",
  "/checkin",
];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

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
}
