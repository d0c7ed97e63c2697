// The registration modes, invitation codes, the hourly limit per address and the answer to a
// duplicate, on a server of their own left in the default mode (confirm): playwright.config.ts
// starts it (E2E_MODES_PORT) with FORUM_CAPACITY=100 and TRUST_PROXY, so that each test speaks for
// client addresses of its own (X-Forwarded-For).
import Database from "better-sqlite3";
import type { APIRequestContext, Page } from "@playwright/test";
import { event } from "../db/seed/article";
import { openApiDocument } from "../lib/api/openapi";
import { openApiValidator } from "../lib/api/openapi-validator";
import { E2E_USERS, expect, signIn, test } from "./support/console";
import { expectHydrated } from "./support/hydration";
import { attendee, RegisterPage, uniqueEmail } from "./pages/register-page";

const OWN_URL = `http://127.0.0.1:${process.env.E2E_MODES_PORT}`;
const databaseFile = process.env.E2E_MODES_DB!;
const validator = openApiValidator(JSON.parse(JSON.stringify(openApiDocument(event))));

let addresses = 0;
/** An address no other test uses, so that the hourly limit of one test is not another's. */
const newAddress = () => `198.51.100.${(addresses += 1) + 10 * test.info().workerIndex}`;

function person(email = uniqueEmail("mode")) {
  return { fullName: "Mode Tester", email, organisation: "Modes Ltd", jobTitle: "Engineer", category: "industry", days: ["2024-07-11"], consent: true };
}

async function post(request: APIRequestContext, data: Record<string, unknown>, address = newAddress()) {
  const response = await request.post("/api/v1/registrations", { data, headers: { "x-forwarded-for": address } });
  return { status: response.status(), body: await response.json(), headers: response.headers() };
}

/** What the server wrote: read-only, as a person's inbox would be. */
function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The path of the link in the latest email of a kind to an address (the link names localhost:3000). */
function emailedLink(to: string, kind: string): string {
  const [mail] = query<{ text: string }>(`select text from outbox where "to" = ? and kind = ? order by id desc limit 1`, to, kind);
  expect(mail, `a ${kind} email to ${to}`).toBeDefined();
  return new URL(/https?:\/\/\S+\/ticket\/[A-Za-z0-9_-]{32}/.exec(mail!.text)![0]).pathname;
}

const statusOf = (email: string) => query<{ status: string }>("select status from registrations where email_key = ?", email.trim().toLowerCase())[0]?.status;

async function organizer(browser: import("@playwright/test").Browser): Promise<Page> {
  const page = await browser.newPage({ baseURL: OWN_URL });
  await signIn(page, E2E_USERS.organizer.email, E2E_USERS.organizer.password);
  return page;
}

async function chooseMode(page: Page, label: RegExp) {
  await page.goto("/en/admin/settings");
  await expectHydrated(page.getByRole("button", { name: "Save registration mode" }));
  await page.getByLabel(label).check();
  await page.getByRole("button", { name: "Save registration mode" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Registration mode saved." })).toBeVisible();
}

test.describe("registration modes, on a server of their own", () => {
  // The tests change the forum's mode: one at a time. Each may sign in (a password hash).
  test.describe.configure({ mode: "serial", timeout: 90_000 });
  test.use({ baseURL: OWN_URL });

  test("by default a registration holds a seat until the person confirms it from the emailed link", async ({ page }) => {
    const form = new RegisterPage(page);
    const a = attendee();
    await form.open();
    await expect(page.getByText("100 seats left of 100.")).toBeVisible();
    await form.fill(a);
    await form.submit();
    const answer = page.getByRole("status").filter({ hasText: "Check your inbox" });
    await expect(answer).toContainText(`We have sent an email to ${a.email}. Open the link in it and confirm within 30 minutes`);
    expect(statusOf(a.email)).toBe("pending");
    // The hold takes a seat.
    await form.open();
    await expect(page.getByText("99 seats left of 100.")).toBeVisible();

    await page.goto(emailedLink(a.email, "confirm-request"));
    await expect(page.getByText("Not yet confirmed", { exact: true })).toBeVisible();
    await expect(page.getByRole("img", { name: /QR code/ })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Confirm your registration" })).toBeVisible();
    await expect(page.getByText(/^Your seat is held until /)).toBeVisible();
    await expectHydrated(page.getByRole("button", { name: "Confirm my registration" }));
    await page.getByRole("button", { name: "Confirm my registration" }).click();
    await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
    await expect(page.getByRole("img", { name: /QR code of ticket CAF-/ })).toBeVisible();
    expect(statusOf(a.email)).toBe("confirmed");
    const kinds = query<{ kind: string }>(`select kind from outbox where "to" = ? order by id`, a.email).map((m) => m.kind);
    expect(kinds).toEqual(["confirm-request", "confirmation"]);
  });

  test("the pending state reads in Chinese too", async ({ page, request }) => {
    const email = uniqueEmail("zh");
    expect((await post(request, { ...person(email), locale: "zh-CN" })).status).toBe(202);
    await page.goto(emailedLink(email, "confirm-request"));
    await expect(page.getByText("尚未确认", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "确认报名" })).toBeVisible();
  });

  test("a hold that lapses gives its seat back, and its link says so", async ({ page, request }) => {
    const email = uniqueEmail("lapse");
    expect((await post(request, person(email))).status).toBe(202);
    const link = emailedLink(email, "confirm-request");
    // Time passes: the hold's end moves into the past (the server's clock cannot be moved).
    const db = new Database(databaseFile);
    try {
      db.prepare("update registrations set pending_until = ? where email_key = ?").run(Date.now() - 1000, email);
    } finally {
      db.close();
    }
    // The next count of seats (any registration) first ends the holds whose time is up.
    expect((await post(request, person())).status).toBe(202);
    const [row] = query<{ status: string; holds_seat: number }>("select status, holds_seat from registrations where email = ?", email);
    expect(row).toEqual({ status: "cancelled", holds_seat: 0 });
    expect(query("select id from audit_log where action = 'expire' and actor = 'system'").length).toBeGreaterThan(0);
    await page.goto(link);
    await expect(page.getByText("This registration was not confirmed in time and has lapsed. You may register again.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Confirm my registration" })).toHaveCount(0);
    // The address is free again.
    expect((await post(request, person(email))).status).toBe(202);
    expect(query("select id from registrations where email = ?", email)).toHaveLength(2);
  });

  test("a registered address gets the very answer a new one gets, and only its inbox hears more", async ({ page, request }) => {
    const known = uniqueEmail("known");
    const first = await post(request, person(known));
    const fresh = await post(request, person());
    const duplicate = await post(request, { ...person(`  ${known.toUpperCase()} `), fullName: "Someone Else" });
    expect(first.status).toBe(202);
    expect(duplicate.status).toBe(fresh.status);
    expect(duplicate.body).toEqual(fresh.body);
    expect(duplicate.body).toEqual({ status: "pending", awaiting: "email", message: expect.any(String) });
    expect(validator.response("/api/v1/registrations", "post", 202, duplicate.body)).toEqual([]);
    const strip = (h: Record<string, string>) => Object.keys(h).filter((k) => k !== "date" && k !== "content-length").sort();
    expect(strip(duplicate.headers)).toEqual(strip(fresh.headers));
    expect(query("select id from registrations where email_key = ?", known)).toHaveLength(1);

    // The form: a confirmed registration's address is answered as a new one too.
    const confirmedEmail = uniqueEmail("confirmed");
    await post(request, person(confirmedEmail));
    await page.goto(emailedLink(confirmedEmail, "confirm-request"));
    await expectHydrated(page.getByRole("button", { name: "Confirm my registration" }));
    await page.getByRole("button", { name: "Confirm my registration" }).click();
    await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
    const form = new RegisterPage(page);
    const answers: string[] = [];
    for (const email of [uniqueEmail("new"), confirmedEmail.toUpperCase()]) {
      await form.open();
      await form.fill(attendee({ email }));
      await form.submit();
      const status = page.getByRole("status").filter({ hasText: "Check your inbox" });
      await expect(status).toBeVisible();
      answers.push((await status.innerText()).replace(email, "<email>"));
    }
    expect(answers[1]).toBe(answers[0]);
    const mail = query<{ to: string; kind: string; text: string }>(`select "to", kind, text from outbox where lower("to") = ? order by id`, confirmedEmail);
    expect(mail.map((m) => [m.to, m.kind])).toEqual([
      [confirmedEmail, "confirm-request"],
      [confirmedEmail, "confirmation"],
      [confirmedEmail, "manage-link"],
    ]);
  });

  test("the 21st registration within the hour from one address is refused with 429, and nothing is saved", async ({ page, request }) => {
    const address = newAddress();
    const emails = Array.from({ length: 21 }, () => uniqueEmail("flood"));
    const answers = [];
    for (const email of emails) answers.push(await post(request, person(email), address));
    expect(answers.slice(0, 20).map((a) => a.status)).toEqual(Array(20).fill(202));
    expect(answers[20]!.status).toBe(429);
    expect(validator.response("/api/v1/registrations", "post", 429, answers[20]!.body)).toEqual([]);
    expect(answers[20]!.body.error).toMatch(/^Too many registrations from your address: at most 20 an hour\. Nothing was saved;/);
    expect(Number(answers[20]!.headers["retry-after"])).toBeGreaterThan(3000);
    expect(statusOf(emails[20]!)).toBeUndefined();
    expect(emails.filter((e) => statusOf(e) !== undefined)).toHaveLength(20);

    // The form from that address says so too.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": address });
    const form = new RegisterPage(page);
    await form.open();
    const late = attendee();
    await form.fill(late);
    await form.submit();
    await expect(page.getByRole("alert").filter({ hasText: "Too many registrations" })).toContainText(
      "Too many registrations from your network: at most 20 an hour. Nothing was saved.",
    );
    expect(statusOf(late.email)).toBeUndefined();
  });

  test("approval mode: the organizer approves or declines in the console, and the person hears either way", async ({ browser, page, request }) => {
    const console = await organizer(browser);
    await chooseMode(console, /^Approval/);
    const yes = uniqueEmail("approve");
    const no = uniqueEmail("decline");
    for (const email of [yes, no]) {
      const answer = await post(request, person(email));
      expect(answer.status).toBe(202);
      expect(answer.body.awaiting).toBe("approval");
    }
    await page.goto(emailedLink(yes, "approval-request"));
    await expect(page.getByText("The organisers review every registration.", { exact: false })).toBeVisible();

    await console.goto("/en/admin/attendees?status=pending");
    await expect(console.getByLabel("Status")).toHaveValue("pending");
    for (const email of [yes, no]) {
      const code = query<{ code: string }>("select code from registrations where email_key = ?", email)[0]!.code;
      await expect(console.getByRole("row").filter({ hasText: code })).toContainText("Pending");
    }
    for (const [email, button, shown, kind, status] of [
      [yes, "Approve", "Confirmed", "approved", "confirmed"],
      [no, "Decline", "Cancelled", "declined", "cancelled"],
    ] as const) {
      const code = query<{ code: string }>("select code from registrations where email_key = ?", email)[0]!.code;
      await console.goto(`/en/admin/attendees/${code}`);
      await expect(console.getByTestId("attendee-status")).toContainText("Waiting for an organizer to approve or decline");
      await expectHydrated(console.getByRole("button", { name: button }));
      await console.getByRole("button", { name: button }).click();
      // The page shows the registration's new status (and the command leaves with the pending state).
      await expect(console.getByTestId("attendee-status")).toHaveText(shown);
      const mail = query<{ kind: string }>(`select kind from outbox where "to" = ? order by id`, email).map((m) => m.kind);
      expect(mail).toEqual(["approval-request", kind]);
      const after = query<{ status: string }>("select status from registrations where code = ?", code)[0]!.status;
      expect(after).toBe(status);
    }
    const audit = query<{ action: string }>("select action from audit_log where actor like 'user:%' and action in ('approve', 'decline', 'registration-mode')").map((r) => r.action);
    expect(audit).toEqual(expect.arrayContaining(["registration-mode", "approve", "decline"]));
    await chooseMode(console, /^Confirm by email/);
    await console.close();
  });

  test("an invitation code admits N people, in approval mode without waiting for approval; the next is refused", async ({ browser, page, request }) => {
    const console = await organizer(browser);
    await chooseMode(console, /^Approval/);
    await console.goto("/en/admin/settings");
    await expectHydrated(console.getByRole("button", { name: "Create a code" }));
    await console.getByLabel("Number of people").fill("2");
    await console.getByRole("button", { name: "Create a code" }).click();
    await expect(console.getByLabel("For whom (a delegation, a sponsor)")).toHaveAccessibleDescription("This field is required.");
    await console.getByLabel("For whom (a delegation, a sponsor)").fill("Delegation of Example Motors");
    await console.getByLabel("Number of people").fill("2");
    await console.getByRole("button", { name: "Create a code" }).click();
    const created = console.getByRole("status").filter({ hasText: /^Code INV-/ });
    await expect(created).toBeVisible();
    const code = /INV-[2-9A-HJKMNP-Z]{8}/.exec(await created.innerText())![0];

    // The form: with the code, the person only confirms their address.
    const form = new RegisterPage(page);
    await form.open();
    const a = attendee();
    await form.fill(a);
    await page.getByLabel("Invitation code (optional)").fill(code.toLowerCase());
    await form.submit();
    await expect(page.getByRole("status").filter({ hasText: "Check your inbox" })).toContainText("confirm within 30 minutes");
    const second = await post(request, { ...person(), invitationCode: code });
    expect(second).toMatchObject({ status: 202, body: { awaiting: "email" } });
    const third = await post(request, { ...person(), invitationCode: code });
    expect(third.status).toBe(400);
    expect(validator.response("/api/v1/registrations", "post", 400, third.body)).toEqual([]);
    expect(third.body).toMatchObject({ fields: { invitationCode: "invitationUsedUp" } });
    expect(third.body.error).toBe("This invitation code admits 2 people and all its places are taken. Nothing was saved.");

    await form.open();
    const late = attendee();
    await form.fill(late);
    await page.getByLabel("Invitation code (optional)").fill(code);
    await form.submit();
    await expect(page.getByLabel("Invitation code (optional)")).toHaveAccessibleDescription(/admits 2 people, and all its places are taken\. Nothing was saved\./);
    expect(statusOf(late.email)).toBeUndefined();

    await console.goto("/en/admin/settings");
    await expect(console.getByRole("row").filter({ hasText: code })).toContainText("2 / 2");
    await console.getByRole("button", { name: `Revoke ${code}` }).click();
    await expect(console.getByRole("row").filter({ hasText: code })).toContainText("Revoked");
    await chooseMode(console, /^Confirm by email/);
    await console.close();
  });
});
