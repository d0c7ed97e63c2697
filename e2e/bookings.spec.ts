import { expect, test, type Page } from "@playwright/test";
import { attendee, RegisterPage, uniqueEmail } from "./pages/register-page";

const VISIT = "Site Visit: Automotive Chip Valley";
const WORKSHOP = "Workshop: Software-Defined Vehicle Architecture";
const RIDES = "Autonomous Vehicle Demonstration Rides (13 July)";

const row = (page: Page, title: string) => page.getByRole("listitem").filter({ has: page.getByText(title, { exact: true }) });

async function manageLink(page: Page, days = ["Thursday 11 July 2024"]) {
  await new RegisterPage(page).register(attendee({ days }));
  return page.url().replace("?new=1", "");
}

test.describe("seat-limited sessions", () => {
  test("a confirmed attendee books a site visit, is refused an overlapping workshop, and can cancel", async ({ page }) => {
    await page.goto(await manageLink(page));
    const visit = row(page, VISIT);
    const before = await visit.getByText(/seats left/).textContent();
    await page.getByRole("button", { name: `Book a seat: ${VISIT}` }).click();
    await expect(visit.getByText("Booked", { exact: true })).toBeVisible();
    await expect(visit.getByText(/seats left/)).not.toHaveText(before ?? "");

    await page.getByRole("button", { name: `Book a seat: ${WORKSHOP}` }).click();
    await expect(row(page, WORKSHOP).getByRole("alert")).toHaveText(`This overlaps “${VISIT}”, which you have booked.`);
    await expect(row(page, WORKSHOP).getByText("Booked", { exact: true })).toHaveCount(0);

    await page.getByRole("button", { name: `Cancel booking: ${VISIT}` }).click();
    await expect(page.getByRole("button", { name: `Book a seat: ${VISIT}` })).toBeVisible();
    await page.getByRole("button", { name: `Book a seat: ${WORKSHOP}` }).click();
    await expect(row(page, WORKSHOP).getByText("Booked", { exact: true })).toBeVisible();
  });

  test("a session on a day the person does not attend is refused", async ({ page }) => {
    await page.goto(await manageLink(page));
    await page.getByRole("button", { name: `Book a seat: ${RIDES}` }).click();
    await expect(row(page, RIDES).getByRole("alert")).toHaveText(
      "You have not registered for this day: add the day to your details first.",
    );
  });

  test("a full session has a waiting list, and a cancelled seat goes to the first in line", async ({ page, request }) => {
    test.setTimeout(120_000);
    const register = async () => {
      const response = await request.post("/api/v1/registrations", {
        data: {
          fullName: "Demo Rider",
          email: uniqueEmail("rider"),
          organisation: "Example Motors",
          jobTitle: "Engineer",
          category: "industry",
          days: ["2024-07-13"],
          consent: true,
        },
      });
      expect(response.status()).toBe(201);
      return `/en/ticket/${(await response.json()).manageToken}`;
    };
    // A fresh server: the rides' 20 seats are free (no other spec books them). Fill them, then two
    // more people queue.
    const links = [];
    for (let i = 0; i < 22; i++) links.push(await register());
    for (const link of links.slice(0, 20)) {
      await page.goto(link);
      await page.getByRole("button", { name: `Book a seat: ${RIDES}` }).click();
      await expect(row(page, RIDES).getByText("Booked", { exact: true })).toBeVisible();
    }
    const [first, second] = links.slice(20);
    for (const link of [first!, second!]) {
      await page.goto(link);
      await expect(row(page, RIDES).getByText(/· Full ·/)).toBeVisible();
      await page.getByRole("button", { name: `Join the waiting list: ${RIDES}` }).click();
    }
    await expect(row(page, RIDES).getByText("On the waiting list, place 2")).toBeVisible();

    await page.goto(links[0]!);
    await page.getByRole("button", { name: `Cancel booking: ${RIDES}` }).click();
    // The freed seat went straight to the first in line, so the session is full again.
    await expect(page.getByRole("button", { name: `Join the waiting list: ${RIDES}` })).toBeVisible();

    await page.goto(first!);
    await expect(row(page, RIDES).getByText("Booked", { exact: true })).toBeVisible();
    await page.goto(second!);
    await expect(row(page, RIDES).getByText("On the waiting list, place 1")).toBeVisible();
  });
});
