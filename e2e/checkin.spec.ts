import { devices, type APIRequestContext, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import jsQR from "jsqr";
import { E2E_USERS, expect, signIn, test } from "./support/console";

// The door: check-in by code, by name and by the ticket's QR token, per day, with undo; exactly one
// row when two scans race; forged tokens and cross-site requests refused.

const port = Number(process.env.E2E_PORT || 3100);
const databaseFile = `./data/e2e-${port}.db`;
const DAY = "2024-07-12";

type Registered = { code: string; manageToken: string; fullName: string };

async function register(request: APIRequestContext, overrides: Record<string, unknown> = {}): Promise<Registered> {
  const fullName = `Door Test ${crypto.randomUUID().slice(0, 8)}`;
  const response = await request.post("/api/v1/registrations", {
    data: {
      fullName,
      email: `${crypto.randomUUID()}@example.test`,
      organisation: "Example Motors",
      jobTitle: "Engineer",
      category: "media",
      days: ["2024-07-11", DAY],
      consent: true,
      ...overrides,
    },
  });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { code: string; status: string; manageToken: string };
  expect(body.status, "the e2e forum has seats left").toBe("confirmed");
  return { code: body.code, manageToken: body.manageToken, fullName: (overrides.fullName as string) ?? fullName };
}

/** Reads the ticket's QR code as a phone would: the SVG drawn on a canvas, decoded by jsQR. */
async function scanTicket(page: Page, manageToken: string): Promise<string> {
  await page.goto(`/en/ticket/${manageToken}`);
  const svg = await page.getByRole("img", { name: /QR code of ticket/ }).innerHTML();
  const image = await page.evaluate(async (markup) => {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 400;
    const context = canvas.getContext("2d")!;
    context.fillStyle = "#fff";
    context.fillRect(0, 0, 400, 400);
    context.drawImage(img, 0, 0, 400, 400);
    return Array.from(context.getImageData(0, 0, 400, 400).data);
  }, svg);
  const decoded = jsQR(Uint8ClampedArray.from(image), 400, 400);
  expect(decoded, "the ticket's QR code can be read").not.toBeNull();
  return decoded!.data;
}

async function post(request: APIRequestContext, input: string, method = "scan", headers: Record<string, string> = {}) {
  const response = await request.post("/api/checkin", { data: { day: DAY, input, method }, headers });
  return { status: response.status(), body: (await response.json()) as { outcome?: string; checkIn?: { id: number } } };
}

function checkInRows(code: string, day = DAY): number {
  const db = new Database(databaseFile, { readonly: true });
  try {
    const row = db
      .prepare("select count(*) as n from check_ins c join registrations r on r.id = c.registration_id where r.code = ? and c.day = ?")
      .get(code, day) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

async function openDesk(page: Page) {
  await page.goto("/en/checkin");
  await page.getByLabel("Day").selectOption(DAY);
  await expect(page.getByText(/\d+ of \d+ checked in/)).toBeVisible();
}

async function enter(page: Page, text: string) {
  await page.getByLabel("Registration code or name").fill(text);
  await page.getByRole("button", { name: "Check in or search" }).click();
}

test("staff check a typed code in; a second check-in says who did it and when", async ({ staffPage: page }) => {
  const person = await register(page.request);
  await openDesk(page);
  const checkedIn = async () => Number((await page.getByText(/\d+ of \d+ checked in/).textContent())!.match(/\d+/)![0]);
  const before = await checkedIn();
  // Lower case and without the dash, as typed on a phone.
  await enter(page, person.code.replace("-", "").toLowerCase());
  await expect(page.getByText("Checked in", { exact: true })).toBeVisible();
  await expect(page.getByText(person.fullName)).toBeVisible();
  await expect(page.getByText("Media", { exact: true })).toBeVisible();
  // Other tests check people in on the same day at the same time: the count only rises.
  await expect.poll(checkedIn).toBeGreaterThan(before);

  await enter(page, person.code);
  await expect(page.getByText("Already checked in", { exact: true })).toBeVisible();
  await expect(page.getByText(/Checked in at \d\d:\d\d:\d\d \(forum time, UTC\+8\) by Test staff\./)).toBeVisible();
  expect(checkInRows(person.code)).toBe(1);
});

test("staff find a person by name and check them in with a tap", async ({ staffPage: page }) => {
  const unique = crypto.randomUUID().slice(0, 8);
  const person = await register(page.request, { fullName: `Zhou Lan ${unique}` });
  await openDesk(page);
  await enter(page, `lan ${unique}`);
  await page.getByRole("button", { name: `Check in Zhou Lan ${unique}` }).click();
  await expect(page.getByText("Checked in", { exact: true })).toBeVisible();
  await expect(page.getByText(person.fullName)).toBeVisible();
  expect(checkInRows(person.code)).toBe(1);

  await enter(page, `lan ${unique}`);
  await expect(page.getByRole("button", { name: `Check in Zhou Lan ${unique}` })).toContainText("already checked in");
  await enter(page, `nobody-${unique}`);
  await expect(page.getByText(`No registration has a name containing “nobody-${unique}”.`)).toBeVisible();
});

test("the ticket's QR token checks in; ten scans at once record one check-in", async ({ staffPage: page }) => {
  const person = await register(page.request);
  const token = await scanTicket(page, person.manageToken);
  expect(token).toMatch(new RegExp(`^${person.code}\\.`));
  const answers = await Promise.all(Array.from({ length: 10 }, () => post(page.request, token)));
  expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
  const outcomes = answers.map((a) => a.body.outcome).sort();
  expect(outcomes).toEqual([...Array(9).fill("alreadyCheckedIn"), "checkedIn"]);
  expect(new Set(answers.map((a) => a.body.checkIn?.id)).size).toBe(1);
  expect(checkInRows(person.code)).toBe(1);
});

test("a forged or altered ticket is refused, on the page and through the endpoint", async ({ staffPage: page }) => {
  const person = await register(page.request);
  const token = await scanTicket(page, person.manageToken);
  const signature = token.split(".")[1]!;
  const altered = `${person.code}.${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
  expect((await post(page.request, altered)).body.outcome).toBe("unknown");
  // A valid signature moved onto another code is a forgery too.
  const other = await register(page.request);
  expect((await post(page.request, `${other.code}.${signature}`)).body.outcome).toBe("unknown");

  await openDesk(page);
  await enter(page, altered);
  await expect(page.getByText("Forged or unknown ticket", { exact: true })).toBeVisible();
  expect(checkInRows(person.code)).toBe(0);
  expect(checkInRows(other.code)).toBe(0);
  // Negative control: the real token still works.
  expect((await post(page.request, token)).body.outcome).toBe("checkedIn");
});

test("a check-in can be undone at once, and the person checked in again", async ({ staffPage: page }) => {
  const person = await register(page.request);
  await openDesk(page);
  await enter(page, person.code);
  await expect(page.getByText("Checked in", { exact: true })).toBeVisible();
  expect(checkInRows(person.code)).toBe(1);
  await page.getByRole("button", { name: "Undo this check-in" }).click();
  await expect(page.getByText(`Check-in undone: ${person.fullName} is no longer checked in for this day.`)).toBeVisible();
  expect(checkInRows(person.code)).toBe(0);

  const again = await post(page.request, person.code, "code");
  expect(again.body.outcome).toBe("checkedIn");
  const undo = (id: number) => page.request.post("/api/checkin/undo", { data: { id } });
  expect((await undo(again.body.checkIn!.id)).status()).toBe(200);
  expect((await undo(again.body.checkIn!.id)).status(), "an undone check-in cannot be undone twice").toBe(404);

  const db = new Database(databaseFile, { readonly: true });
  const audits = db
    .prepare("select count(*) as n from audit_log a join registrations r on r.id = a.entity_id where a.action = 'checkin.undo' and r.code = ?")
    .get(person.code) as { n: number };
  db.close();
  expect(audits.n).toBe(2);
});

test("waiting, cancelled and other-day registrations are refused", async ({ staffPage: page }) => {
  const person = await register(page.request);
  expect((await page.request.delete(`/api/v1/registrations/${person.code}`, { headers: { authorization: `Bearer ${person.manageToken}` } })).status()).toBe(200);
  const otherDay = await register(page.request, { days: ["2024-07-13"] });
  await openDesk(page);
  await enter(page, person.code);
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await enter(page, otherDay.code);
  await expect(page.getByText("Not registered for this day", { exact: true })).toBeVisible();
  await enter(page, "CAF-22222222");
  await expect(page.getByText("Forged or unknown ticket", { exact: true })).toBeVisible();
  expect(checkInRows(person.code) + checkInRows(otherDay.code)).toBe(0);
});

test("check-ins need a signed-in user with the permission, from this site only", async ({ staffPage: page, playwright, baseURL }) => {
  const person = await register(page.request);
  const crossSite = await post(page.request, person.code, "code", { "sec-fetch-site": "cross-site", origin: "https://evil.example" });
  expect(crossSite.status).toBe(403);
  const otherOrigin = await post(page.request, person.code, "code", { origin: "https://evil.example" });
  expect(otherOrigin.status).toBe(403);
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await post(anonymous, person.code, "code")).status).toBe(401);
  expect((await anonymous.get(`/api/checkin?day=${DAY}`)).status()).toBe(401);
  await anonymous.dispose();
  expect(checkInRows(person.code)).toBe(0);
});

test("staff land on the check-in page when they sign in", async ({ page }) => {
  await signIn(page, E2E_USERS.staff.email, E2E_USERS.staff.password);
  await expect(page).toHaveURL(/\/en\/checkin$/);
  await expect(page.getByRole("heading", { name: "Check-in", level: 1 })).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: devices["Pixel 7"].viewport, hasTouch: true });

  test("the page fits the screen and offers typing when the camera cannot be used", async ({ staffPage: page }) => {
    const person = await register(page.request);
    await openDesk(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByRole("button", { name: "Scan a ticket with the camera" }).click();
    // Headless Chromium has no camera: the page says so and points to the field below.
    await expect(page.getByRole("alert").filter({ hasText: /type the code or a name below/i })).toBeVisible();
    await enter(page, person.code);
    await expect(page.getByText("Checked in", { exact: true })).toBeVisible();
  });
});

/** Another edition, for the console to switch to; removed again, so no other spec sees it. */
function withOtherEdition<T>(run: (id: number) => Promise<T>): Promise<T> {
  const db = new Database(databaseFile);
  const id = Number(
    db
      .prepare(
        `insert into events (slug, path, is_current, name_en, name_zh, venue_en, venue_zh, time_zone, start_date, end_date, created_at, updated_at)
         values ('cafe2e', 'e2e-other', 0, 'Other Forum', '另一论坛', 'Elsewhere', '别处', 'Europe/Berlin', '2023-07-11', '2023-07-13', ?, ?)`,
      )
      .run(Date.now(), Date.now()).lastInsertRowid,
  );
  db.close();
  return run(id).finally(() => {
    const cleanup = new Database(databaseFile);
    try {
      cleanup.prepare("delete from events where id = ?").run(id);
    } finally {
      cleanup.close();
    }
  });
}

test("the door of another edition does not know this edition's people", async ({ staffPage: page, baseURL }) => {
  const person = await register(page.request);
  await withOtherEdition(async (id) => {
    await page.context().addCookies([{ name: "forum-console-edition", value: String(id), url: baseURL! }]);
    const otherDay = "2023-07-12";
    const answer = await page.request.post("/api/checkin", { data: { day: otherDay, input: person.code, method: "code" } });
    expect(answer.status()).toBe(200);
    expect(await answer.json()).toEqual({ outcome: "unknown" });
    expect(checkInRows(person.code, otherDay)).toBe(0);
    const search = await page.request.get(`/api/checkin/search?day=${otherDay}&q=${encodeURIComponent(person.fullName)}`);
    expect(await search.json()).toEqual({ matches: [] });
    // This edition's days are not the other's: the door of the other edition refuses them.
    const wrongDay = await page.request.post("/api/checkin", { data: { day: DAY, input: person.code, method: "code" } });
    expect(wrongDay.status()).toBe(400);
    await page.context().clearCookies({ name: "forum-console-edition" });
  });
  // Back at this edition's door, the same code checks in.
  expect((await post(page.request, person.code, "code")).body.outcome).toBe("checkedIn");
});
