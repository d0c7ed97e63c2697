import fs from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { event } from "../db/seed/article";
import { openApiDocument } from "../lib/api/openapi";
import { openApiValidator } from "../lib/api/openapi-validator";
import { EXPORT_COLUMNS } from "../lib/attendees/export";
import { captureAction, replayAction } from "./support/actions";
import { E2E_USERS, expect, signIn, test } from "./support/console";
import { expectHydrated } from "./support/hydration";
import { readFirstSheet } from "./support/xlsx";

type Person = { fullName: string; organisation: string; category?: string; days?: string[]; email?: string };

const tagged = () => `t${crypto.randomUUID().slice(0, 8)}`;

/** Registers through the public API, as self-registration does. */
async function registerApi(request: APIRequestContext, p: Person) {
  const response = await request.post("/api/v1/registrations", {
    data: {
      fullName: p.fullName,
      email: p.email ?? `${crypto.randomUUID()}@example.test`,
      organisation: p.organisation,
      jobTitle: "Engineer",
      category: p.category ?? "industry",
      days: p.days ?? ["2024-07-11"],
      consent: true,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { code: string; status: string; manageToken: string };
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += c;
    }
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

async function fillAttendee(page: Page, p: { fullName: string; email: string; organisation: string }) {
  await page.getByLabel("Full name").fill(p.fullName);
  await page.getByLabel(/^Email/).fill(p.email);
  await page.getByLabel("Organisation").fill(p.organisation);
  await page.getByLabel("Job title").fill("Guest");
  await page.getByLabel("Attendee category").selectOption({ label: "Government" });
  await page.getByLabel("Friday 12 July 2024").check();
}

test.describe("attendee list", () => {
  test("search, filters and sorting live in the address", async ({ organizerPage: page, request }) => {
    const tag = tagged();
    await registerApi(request, { fullName: `Bai Lan ${tag}`, organisation: `Alpha ${tag}`, category: "media", days: ["2024-07-12"] });
    await registerApi(request, { fullName: `Zhou Yi ${tag}`, organisation: `Beta ${tag}`, category: "academia" });
    await registerApi(request, { fullName: `An Qi ${tag}`, organisation: "Gamma Works", category: "media", email: `${tag}@example.test` });

    await page.goto("/en/admin/attendees");
    await page.getByLabel("Search name, email, organisation or code").fill(tag);
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`q=${tag}`));
    await expect(page.getByRole("status")).toHaveText("3 registrations match.");
    // Newest first by default.
    const names = page.getByRole("rowheader");
    await expect(names.first()).toContainText(`An Qi ${tag}`);

    await page.getByRole("link", { name: /^Name/ }).click();
    await expect(page).toHaveURL(/sort=name/);
    await expect(names.nth(0)).toContainText(`An Qi ${tag}`);
    await expect(names.nth(1)).toContainText(`Bai Lan ${tag}`);
    await expect(names.nth(2)).toContainText(`Zhou Yi ${tag}`);
    await expect(page.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "ascending");
    await page.getByRole("link", { name: /^Name/ }).click();
    await expect(names.nth(0)).toContainText(`Zhou Yi ${tag}`);

    await page.getByLabel("Category").selectOption({ label: "Media" });
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText("2 registrations match.");
    await page.getByLabel("Day", { exact: true }).selectOption("2024-07-12");
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText("1 registration matches.");
    await expect(names).toHaveCount(1);
    await expect(names.first()).toContainText(`Bai Lan ${tag}`);

    await page.getByLabel("Status").selectOption({ label: "Waiting list" });
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText("No registrations match.");

    // The search covers emails and codes too; LIKE wildcards are taken literally.
    await page.goto(`/en/admin/attendees?q=${tag}%40example`);
    await expect(page.getByRole("status")).toHaveText("1 registration matches.");
    await page.goto(`/en/admin/attendees?q=${tag.slice(0, 3)}%25${tag.slice(3)}`);
    await expect(page.getByRole("status")).toHaveText("No registrations match.");
  });

  test("the list in Chinese", async ({ organizerPage: page, request }) => {
    const tag = tagged();
    const { code } = await registerApi(request, { fullName: `李娜 ${tag}`, organisation: `上汽 ${tag}` });
    await page.goto(`/zh-CN/admin/attendees?q=${encodeURIComponent(code)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("参会者");
    await expect(page.getByRole("status")).toHaveText("共 1 条匹配的报名。");
    await expect(page.getByRole("rowheader", { name: new RegExp(`李娜 ${tag}`) })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: code })).toContainText("已确认");
  });

  test("CSV export of the filtered list keeps Chinese names and neutralises formulas; the XLSX workbook holds the same filtered rows as text cells, no formula", async ({
    organizerPage: page,
    request,
  }) => {
    const tag = tagged();
    await registerApi(request, { fullName: "王小明", organisation: `Export ${tag}` });
    await registerApi(request, { fullName: "=cmd()", organisation: `Export ${tag}, "Ltd"` });
    await registerApi(request, { fullName: "Not Exported", organisation: "Elsewhere" });
    await page.goto(`/en/admin/attendees?q=Export+${tag}`);
    await expect(page.getByRole("status")).toHaveText("2 registrations match.");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^attendees-caf2024-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString("utf8").slice(1));
    const header = rows[0]!;
    const name = header.indexOf("fullName");
    const organisation = header.indexOf("organisation");
    expect(name).toBeGreaterThanOrEqual(0);
    const data = rows.slice(1);
    expect(data).toHaveLength(2);
    expect(data.map((r) => r[name]).sort()).toEqual(["'=cmd()", "王小明"]);
    expect(data.find((r) => r[name] === "'=cmd()")![organisation]).toBe(`Export ${tag}, "Ltd"`);

    const xlsx = await page.request.get(`/en/admin/attendees/export.xlsx?q=Export+${tag}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // The workbook read back as a spreadsheet program would: the header, the two filtered rows and
    // nothing else, and the name typed as a formula stored as a text cell with no formula in it.
    const sheet = readFirstSheet(await xlsx.body());
    const [head, ...cells] = sheet.rows;
    expect(head!.map((c) => c.value)).toEqual([...EXPORT_COLUMNS]);
    expect(cells).toHaveLength(2);
    const values = cells.map((row) => row.map((c) => c.value));
    expect(values.map((r) => r[EXPORT_COLUMNS.indexOf("fullName")]).sort()).toEqual(["=cmd()", "王小明"]);
    expect(values.map((r) => r[EXPORT_COLUMNS.indexOf("organisation")]).sort()).toEqual([`Export ${tag}`, `Export ${tag}, "Ltd"`]);
    const formulaCell = cells.flat().find((c) => c.value === "=cmd()")!;
    expect(formulaCell.type).toMatch(/^(s|inlineStr|str)$/);
    expect(formulaCell.formula).toBeNull();
    expect(cells.flat().filter((c) => c.formula !== null)).toEqual([]);
  });
});

test.describe("one attendee", () => {
  test("an organizer adds a walk-in, edits, resends and cancels, and each step is in the audit log", async ({ organizerPage: page }) => {
    const tag = tagged();
    const email = `walkin-${tag}@example.test`;
    await page.goto("/en/admin/attendees/new");
    await expect(page.getByLabel(/Override capacity/)).toHaveCount(0);
    await fillAttendee(page, { fullName: `Walk In ${tag}`, email, organisation: "Ministry of Examples" });
    await page.getByLabel("Name in the other script").fill("走进来");
    await expectHydrated(page.getByRole("button", { name: "Add attendee" }));
    await page.getByRole("button", { name: "Add attendee" }).click();
    await expect(page).toHaveURL(/\/en\/admin\/attendees\/CAF-[A-Z0-9-]+\?added=1$/);
    await expect(page.getByRole("status").first()).toHaveText("Added and confirmed. The confirmation email is on its way.");
    await expect(page.getByTestId("attendee-status")).toHaveText("Confirmed");
    const audit = page.getByRole("region", { name: "Audit log" });
    await expect(audit.getByRole("row").filter({ hasText: "add" })).toContainText("privacy consent given to the organizer");
    const emails = page.getByRole("region", { name: "Emails" });
    await expect(emails.getByRole("row").filter({ hasText: "confirmation" })).toHaveCount(1);

    await page.getByLabel("Organisation").fill(`Renamed ${tag}`);
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Organisation")).toHaveValue(`Renamed ${tag}`);
    await expect(audit.getByRole("row").filter({ hasText: "update" })).toContainText(`Renamed ${tag}`);

    await page.getByRole("button", { name: "Resend the confirmation" }).click();
    await expect(page.getByText("The email is queued.")).toBeVisible();
    await page.reload();
    await expect(emails.getByRole("row").filter({ hasText: "confirmation" })).toHaveCount(2);

    await page.getByRole("button", { name: "Cancel the registration" }).click();
    await expect(page.getByTestId("attendee-status")).toHaveText("Cancelled");
    await page.reload();
    await expect(audit.getByRole("row").filter({ hasText: "cancel" })).toHaveCount(1);
  });

  test("a hand-made call to an attendee action is refused to staff (403) and signed out (401), and changes nothing", async ({
    organizerPage: page,
    staffPage,
    playwright,
    request,
  }) => {
    const tag = tagged();
    const { code } = await registerApi(request, { fullName: `Target ${tag}`, organisation: `Before ${tag}` });
    await page.goto(`/en/admin/attendees/${code}`);
    await page.getByLabel("Organisation").fill(`Organizer ${tag}`);
    await expectHydrated(page.getByRole("button", { name: "Save details" }));
    const action = await captureAction(page, () => page.getByRole("button", { name: "Save details" }).click());
    await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
    const forged = { ...action, body: Buffer.from(action.body.toString("utf8").replaceAll(`Organizer ${tag}`, `Forged ${tag}`), "utf8") };
    expect((await replayAction(staffPage.request, forged)).status()).toBe(403);
    const anonymous = await playwright.request.newContext({ baseURL: new URL(action.url).origin });
    expect((await replayAction(anonymous, forged)).status()).toBe(401);
    await anonymous.dispose();
    await page.reload();
    await expect(page.getByLabel("Organisation")).toHaveValue(`Organizer ${tag}`);
  });

  test("staff are refused the attendee pages and both exports", async ({ staffPage }) => {
    for (const path of ["/en/admin/attendees", "/en/admin/attendees/new", "/en/admin/settings"]) {
      expect((await staffPage.goto(path))?.status(), path).toBe(403);
    }
    for (const path of ["/en/admin/attendees/export.csv", "/en/admin/attendees/export.xlsx"]) {
      const response = await staffPage.request.get(path);
      expect(response.status(), path).toBe(403);
      expect(await response.text()).not.toContain("@");
    }
  });
});

// A full forum, and settings that change capacity and the registration window, cannot be tried on
// the shared servers without breaking the specs that count seats there (the main server's 250,
// e2e/api-capacity.spec.ts's 20). These tests use a server of their own, started by
// playwright.config.ts (E2E_ATTENDEES_PORT): FORUM_CAPACITY=2, a fresh database, a copy of the build.
const OWN_URL = `http://127.0.0.1:${process.env.E2E_ATTENDEES_PORT}`;

test.describe("capacity and settings, on a server of their own", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ baseURL: OWN_URL });

  test("a hand-made add at full capacity is refused to an organizer with the numbers", async ({ page, request }) => {
    for (let i = 0; i < 3; i++) await registerApi(request, { fullName: `Filler ${i}`, organisation: "Fill Co" });
    await signIn(page, E2E_USERS.organizer.email, E2E_USERS.organizer.password);
    await page.goto("/en/admin/attendees/new");
    await expect(page.getByText("2 confirmed of 2 seats.")).toBeVisible();
    await expect(page.getByLabel(/Override capacity/)).toHaveCount(0);
    await fillAttendee(page, { fullName: "Refused Guest", email: `refused-${tagged()}@example.test`, organisation: "Guests" });
    await expectHydrated(page.getByRole("button", { name: "Add attendee" }));
    await page.getByRole("button", { name: "Add attendee" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The forum is full: 2 confirmed for 2 seats. Nothing was saved.");
  });

  test("an admin's override confirms the add, and only what was confirmed is listed", async ({ page }) => {
    await signIn(page, E2E_USERS.admin.email, E2E_USERS.admin.password);
    await page.goto("/en/admin/attendees/new");
    await fillAttendee(page, { fullName: "Invited Guest", email: `invited-${tagged()}@example.test`, organisation: "Guests" });
    await expectHydrated(page.getByRole("button", { name: "Add attendee" }));
    await page.getByRole("button", { name: "Add attendee" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The forum is full: 2 confirmed for 2 seats. Nothing was saved.");
    await page.getByLabel(/Override capacity/).check();
    await page.getByRole("button", { name: "Add attendee" }).click();
    await expect(page.getByTestId("attendee-status")).toHaveText("Confirmed · Over capacity (admin)");

    await page.goto("/en/admin/attendees?status=confirmed");
    await expect(page.getByRole("status")).toHaveText("3 registrations match.");
    await page.goto("/en/admin/attendees?q=Refused+Guest");
    await expect(page.getByRole("status")).toHaveText("No registrations match.");
  });

  test("promoting out of order needs a reason and a seat, unless an admin overrides", async ({ page, request }) => {
    const first = await registerApi(request, { fullName: "First Waiting", organisation: "Queue" });
    const second = await registerApi(request, { fullName: "Second Waiting", organisation: "Queue" });
    expect(second.status).toBe("waiting");
    expect(first.status).toBe("waiting");
    await signIn(page, E2E_USERS.admin.email, E2E_USERS.admin.password);
    await page.goto(`/en/admin/attendees/${second.code}`);
    await expect(page.getByTestId("attendee-status")).toHaveText(/Waiting list · place \d+ on the waiting list/);
    const promote = page.getByRole("button", { name: "Promote from the waiting list" });
    await expectHydrated(promote);
    await page.getByLabel("Reason").fill("Speaker's guest");
    await promote.click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^The forum is full: \d+ confirmed for 2 seats\./);
    await page.getByLabel(/Override capacity/).check();
    await promote.click();
    await expect(page.getByTestId("attendee-status")).toHaveText("Confirmed · Over capacity (admin)");
    await page.reload();
    await expect(page.getByRole("region", { name: "Audit log" }).getByRole("row").filter({ hasText: "promote" })).toContainText("Speaker's guest");
    // Those before them keep their places: "Filler 2" first, then "First Waiting".
    const state = await request.get(`/api/v1/registrations/${first.code}`, { headers: { authorization: `Bearer ${first.manageToken}` } });
    expect(await state.json()).toMatchObject({ status: "waiting", position: 2 });
  });

  test("settings: capacity below the confirmed count is refused with the numbers; raising it promotes in order", async ({ page, request }) => {
    await signIn(page, E2E_USERS.admin.email, E2E_USERS.admin.password);
    await page.goto("/en/admin/settings");
    const summary = await page.getByTestId("seat-summary").textContent();
    const confirmed = Number(/(\d+) confirmed/.exec(summary ?? "")![1]);
    const waiting = Number(/(\d+) on the waiting list/.exec(summary ?? "")![1]);
    expect(waiting).toBeGreaterThanOrEqual(1);
    const save = page.getByRole("button", { name: "Save settings" });
    await expectHydrated(save);
    await page.getByLabel("Capacity (seats)").fill("1");
    await save.click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      `The capacity cannot be 1: ${confirmed} people are already confirmed. Cancel registrations first, or keep at least ${confirmed} seats.`,
    );
    await page.getByLabel("Capacity (seats)").fill(String(confirmed + 1));
    await save.click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Saved. 1 person was promoted from the waiting list.");
    await page.reload();
    await expect(page.getByTestId("seat-summary")).toHaveText(`${confirmed + 1} seats: ${confirmed + 1} confirmed, ${waiting - 1} on the waiting list.`);

    // The first in the queue got the seat, not the one who registered later.
    await page.goto("/en/admin/attendees?q=Filler+2");
    await expect(page.getByRole("row").filter({ hasText: "Filler 2" })).toContainText("Confirmed");
    await page.goto("/en/admin/attendees?q=First+Waiting");
    await expect(page.getByRole("row").filter({ hasText: "First Waiting" })).toContainText("Waiting list");
    void request;
  });

  test("outside the registration window the form and the API refuse", async ({ page, request }) => {
    await signIn(page, E2E_USERS.admin.email, E2E_USERS.admin.password);
    await page.goto("/en/admin/settings");
    const save = page.getByRole("button", { name: "Save settings" });
    await expectHydrated(save);
    await page.getByLabel("Registration closes").fill("2024-06-30T18:00");
    await save.click();
    await expect(page.getByRole("status")).toHaveText(/^Saved\./);

    await page.goto("/en/register");
    await expect(page.getByRole("status")).toHaveText("Registration is closed.");
    await expect(page.getByLabel("Full name")).toHaveCount(0);
    const response = await request.post("/api/v1/registrations", {
      data: { fullName: "Too Late", email: `${crypto.randomUUID()}@example.test`, organisation: "Late", jobTitle: "Engineer", category: "industry", days: ["2024-07-11"], consent: true },
    });
    expect(response.status()).toBe(403);
    const closed: unknown = await response.json();
    expect(closed).toMatchObject({ error: "Registration is closed. Nothing was saved.", closesAt: "2024-06-30T10:00:00.000Z" });
    // The answer is the one the API documents.
    const validator = openApiValidator(JSON.parse(JSON.stringify(openApiDocument(event))));
    expect(validator.response("/api/v1/registrations", "post", 403, closed)).toEqual([]);

    await page.goto("/zh-CN/register");
    await expect(page.getByRole("status")).toHaveText("报名已截止。");

    await page.goto("/en/admin/settings");
    await expectHydrated(page.getByRole("button", { name: "Save settings" }));
    await page.getByLabel("Registration closes").fill("");
    await page.getByLabel("Registration opens").fill("2099-01-01T09:00");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toHaveText(/^Saved\./);
    await page.goto("/en/register");
    await expect(page.getByRole("status")).toContainText("Registration opens on January 1, 2099");
  });
});
