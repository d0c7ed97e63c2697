import { expect, test, type Page } from "@playwright/test";
import { one, query } from "./fixtures/content-db";
import { attendee, RegisterPage, uniqueEmail } from "./pages/register-page";
import { captureAction, replayAction } from "./support/actions";

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

  test("22 people book the rides' 20 seats at once: exactly 20 booked, 2 waiting, and a cancelled seat goes to the first in line", async ({
    page,
    request,
  }) => {
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
      const { code, manageToken } = (await response.json()) as { code: string; manageToken: string };
      // The database keeps only a hash of the token: the code leads from a row back to its token.
      tokenOf.set(code, manageToken);
      return manageToken;
    };
    const tokenOf = new Map<string, string>();
    // A fresh server: the rides' 20 seats are free (no other spec books them).
    const tokens: string[] = [];
    for (let i = 0; i < 22; i++) tokens.push(await register());
    const session = one<{ id: number; seats: number }>("select id, seat_limit seats from sessions where title_en = ?", RIDES)!;
    expect(session.seats).toBe(20);

    // The booking as the page sends it, once; then the same call for all 22 at the same moment.
    await page.goto(`/en/ticket/${tokens[0]}`);
    const booking = await captureAction(page, () => page.getByRole("button", { name: `Book a seat: ${RIDES}` }).click());
    await expect(row(page, RIDES).getByText("Booked", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: `Cancel booking: ${RIDES}` }).click();
    await expect(page.getByRole("button", { name: `Book a seat: ${RIDES}` })).toBeVisible();
    const asOwner = (token: string) => ({ ...booking, body: Buffer.from(booking.body.toString("latin1").replaceAll(tokens[0]!, token), "latin1") });
    const answers = await Promise.all(tokens.map((token) => replayAction(request, asOwner(token))));
    expect(answers.map((a) => a.status())).toEqual(Array(22).fill(200));

    const held = query<{ status: string; code: string }>(
      `select b.status, r.code code from session_bookings b join registrations r on r.id = b.registration_id
       where b.session_id = ? and b.status in ('booked', 'waiting') order by b.id`,
      session.id,
    ).map((b) => ({ status: b.status, token: tokenOf.get(b.code)! }));
    expect(held.filter((b) => b.status === "booked")).toHaveLength(20);
    const waiting = held.filter((b) => b.status === "waiting").map((b) => b.token);
    expect(waiting).toHaveLength(2);
    expect(new Set(held.map((b) => b.token))).toEqual(new Set(tokens));
    const [first, second] = waiting;
    await page.goto(`/en/ticket/${second}`);
    await expect(row(page, RIDES).getByText("On the waiting list, place 2")).toBeVisible();

    const leaving = held.find((b) => b.status === "booked")!.token;
    await page.goto(`/en/ticket/${leaving}`);
    await page.getByRole("button", { name: `Cancel booking: ${RIDES}` }).click();
    // The freed seat went straight to the first in line, so the session is full again.
    await expect(page.getByRole("button", { name: `Join the waiting list: ${RIDES}` })).toBeVisible();
    expect(one<{ n: number }>("select count(*) n from session_bookings where session_id = ? and status = 'booked'", session.id)!.n).toBe(20);

    await page.goto(`/en/ticket/${first}`);
    await expect(row(page, RIDES).getByText("Booked", { exact: true })).toBeVisible();
    await page.goto(`/en/ticket/${second}`);
    await expect(row(page, RIDES).getByText("On the waiting list, place 1")).toBeVisible();
  });
});
