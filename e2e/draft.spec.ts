import { expect, test } from "@playwright/test";

// The seed holds one draft session, "farewell-reception"; drafts never reach the public.
test("a draft session has no public page", async ({ page }) => {
  const response = await page.goto("/en/sessions/farewell-reception");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("a draft session is not on the agenda, whatever the search", async ({ page }) => {
  await page.goto("/en/agenda?day=2024-07-13&q=farewell");
  await expect(page.getByText("No session on this day matches these filters.")).toBeVisible();
  await page.goto("/en/agenda?day=2024-07-13");
  await expect(page.getByRole("link", { name: "Closing Session" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Farewell Reception/ })).toHaveCount(0);
});
