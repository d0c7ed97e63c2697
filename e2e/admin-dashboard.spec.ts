import { expect, test } from "./support/console";

test.describe("dashboard", () => {
  test("shows seats against capacity, with every chart's numbers also as a table", async ({ organizerPage: page }) => {
    await page.goto("/en/admin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Console");
    for (const title of [
      "Confirmed against capacity",
      "Registrations over time",
      "Categories (not cancelled)",
      "Days: check-ins against confirmed attendees",
      "Seat-limited sessions",
    ]) {
      await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
    }
    const seats = page.getByRole("region", { name: "Confirmed against capacity" });
    // The chart names its numbers; it does not rely on colour.
    await expect(seats.getByRole("img")).toHaveAccessibleName(/^\d+ confirmed of 250 seats, \d+ waiting$/);
    await expect(seats.getByText(/^\d+ \/ 250, \+\d+ waiting$/)).toBeVisible();
    await seats.getByText("Show as a table").click();
    await expect(seats.getByRole("row", { name: /^Capacity 250$/ })).toBeVisible();
    await expect(seats.getByRole("rowheader", { name: "Waiting list" })).toBeVisible();

    const days = page.getByRole("region", { name: "Days: check-ins against confirmed attendees" });
    await days.getByText("Show as a table").click();
    await expect(days.getByRole("rowheader")).toHaveText(["Thu 11 Jul", "Fri 12 Jul", "Sat 13 Jul"]);

    const timeline = page.getByRole("region", { name: "Registrations over time" });
    await timeline.getByText("Show as a table").click();
    await expect(timeline.getByRole("columnheader")).toHaveText(["Date", "New that day", "Total"]);
  });

  test("in Chinese", async ({ organizerPage: page }) => {
    await page.goto("/zh-CN/admin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("管理后台");
    const seats = page.getByRole("region", { name: "已确认与容量" });
    await seats.getByText("以表格显示").click();
    await expect(seats.getByRole("row", { name: /^容量 250$/ })).toBeVisible();
  });

  test("staff are refused", async ({ staffPage }) => {
    expect((await staffPage.goto("/en/admin"))?.status()).toBe(403);
  });
});
