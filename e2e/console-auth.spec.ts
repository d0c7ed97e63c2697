import type { Page } from "@playwright/test";
import { captureAction, replayAction } from "./support/actions";
import { E2E_USERS, expect, signIn, test } from "./support/console";

const uniqueEmail = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}@forum.test`;

/** Adds a user through the users page and returns the one-time password shown once. */
async function addUser(adminPage: Page, email: string, role: "admin" | "organizer" | "staff") {
  await adminPage.goto("/en/admin/users");
  await adminPage.getByLabel("Email").fill(email);
  await adminPage.getByLabel("Role", { exact: true }).selectOption(role);
  await adminPage.getByRole("button", { name: "Add user" }).click();
  await expect(adminPage.getByRole("status")).toContainText(`Created ${email}`);
  return (await adminPage.getByTestId("one-time-password").textContent())!.trim();
}

test.describe("signing in", () => {
  test("an organizer signs in and reaches the console, with only what the role allows in the nav", async ({ page }) => {
    await page.goto("/en/admin");
    await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fadmin$/);
    await signIn(page, E2E_USERS.organizer.email, E2E_USERS.organizer.password);
    await expect(page).toHaveURL(/\/en\/admin$/);
    const nav = page.getByRole("navigation", { name: "Console" });
    await expect(nav.getByRole("link", { name: "Agenda" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Speakers" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
    await expect(nav).toContainText("organizer@forum.test (Organizer)");
  });

  test("a wrong password is refused with a clear message, and the form keeps the email", async ({ page }) => {
    await page.goto("/en/sign-in");
    await page.getByLabel("Email").fill(E2E_USERS.staff.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an active account.");
    await expect(page).toHaveURL(/\/en\/sign-in$/);
    await expect(page.getByLabel("Email")).toHaveValue(E2E_USERS.staff.email);
  });

  test("signing in works in Chinese too", async ({ page }) => {
    await signIn(page, E2E_USERS.admin.email, E2E_USERS.admin.password, "zh-CN");
    await expect(page).toHaveURL(/\/zh-CN\/admin$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("管理后台");
    await expect(page.getByRole("navigation", { name: "管理后台" }).getByRole("link", { name: "用户" })).toBeVisible();
  });

  test.describe("repeated failures lock the account for a while, even against the right password", () => {
    // One account's way to a lock, a step a test: each builds on the one before.
    test.describe.configure({ mode: "serial" });
    const email = uniqueEmail("locked");
    let password = "";

    test("an admin adds a staff user", async ({ adminPage }) => {
      password = await addUser(adminPage, email, "staff");
    });

    // Eight wrong passwords (the lock's limit): one through the form, then seven more at once, as
    // the form's own call with other passwords. Every one counts, and none waits behind the growing
    // delay that one-after-another attempts get.
    test("eight wrong passwords, seven of them at once, are each refused", async ({ page }) => {
      await page.goto("/en/sign-in");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("wrong guess 0");
      const attempt = await captureAction(page, () => page.getByRole("button", { name: "Sign in", exact: true }).click());
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an active account.");
      const answers = await Promise.all(
        Array.from({ length: 7 }, (_, i) =>
          replayAction(page.request, { ...attempt, body: Buffer.from(attempt.body.toString("latin1").replace("wrong guess 0", `wrong guess ${i + 1}`), "latin1") }),
        ),
      );
      for (const answer of answers) {
        expect(answer.status()).toBe(200);
        expect(await answer.text()).toContain(`"error":"invalid"`);
      }
    });

    test("then the right password is refused while the lock lasts", async ({ page }) => {
      await page.goto("/en/sign-in");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      const alert = page.getByRole("main").getByRole("alert");
      await expect(alert).toContainText("Too many failed sign-ins");
      await expect(alert).toContainText(/blocked for 15 minutes/);
      await expect(page).toHaveURL(/\/en\/sign-in$/);
    });
  });
});

test.describe("sessions", () => {
  test("signing out ends the session on the server: a copy of its cookie stops working", async ({ browser, playwright, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signIn(page, E2E_USERS.organizer.email, E2E_USERS.organizer.password);
    // Someone copied the cookie (a shared computer, a stolen backup of the browser profile).
    const copy = await playwright.request.newContext({ baseURL, storageState: await context.storageState() });
    expect((await copy.get("/en/admin/attendees/export.csv")).status()).toBe(200);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/en\/sign-in$/);

    expect((await copy.get("/en/admin/attendees/export.csv")).status()).toBe(401);
    const consoleLoad = await copy.get("/en/admin", { maxRedirects: 0 });
    expect(consoleLoad.status()).toBe(307);
    expect(consoleLoad.headers()["location"]).toMatch(/\/en\/sign-in\?next=/);
    await copy.dispose();
    await context.close();
  });

  test("a one-time password allows only changing it: every other action and route answers 403 until then", async ({
    adminPage,
    page,
  }) => {
    test.setTimeout(60_000);
    const email = uniqueEmail("one-time");
    const oneTime = await addUser(adminPage, email, "admin");
    await signIn(page, email, oneTime);
    await expect(page).toHaveURL(/\/en\/admin\/account\?required=1$/);

    // A call of the add-user action, as an admin's page makes it, replayed with this user's cookie.
    const added = uniqueEmail("never-added");
    await adminPage.goto("/en/admin/users");
    await adminPage.getByLabel("Email").fill(added);
    const action = await captureAction(adminPage, () => adminPage.getByRole("button", { name: "Add user" }).click());
    await expect(adminPage.getByRole("status")).toContainText(`Created ${added}`);
    const forged = { ...action, body: Buffer.from(action.body.toString("latin1").replaceAll(added, `x${added}`), "latin1") };
    expect((await replayAction(page.request, forged)).status()).toBe(403);
    expect((await page.request.get("/en/admin/attendees/export.csv")).status()).toBe(403);
    expect((await page.request.post("/api/checkin", { data: { code: "CAF-00000000" } })).status()).toBe(403);
    await adminPage.reload();
    await expect(adminPage.getByRole("rowheader", { name: `x${added}` })).toHaveCount(0);

    // Once the password is theirs, the same requests go through.
    await page.goto("/en/admin/account");
    await page.getByLabel("Current password").fill(oneTime);
    await page.getByLabel("New password", { exact: true }).fill("lanterns over the huangpu");
    await page.getByLabel("New password again").fill("lanterns over the huangpu");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status")).toContainText("Your password has been changed");
    expect((await page.request.get("/en/admin/attendees/export.csv")).status()).toBe(200);
  });
});

test.describe("roles", () => {
  test("staff are refused the organizer and admin pages with a 403", async ({ staffPage }) => {
    for (const path of ["/en/admin/agenda", "/en/admin/speakers", "/en/admin/quotes", "/en/admin/users", "/en/admin/audit", "/en/admin"]) {
      const response = await staffPage.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(staffPage.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    }
  });

  test("organizers are refused the users and audit pages", async ({ organizerPage }) => {
    for (const path of ["/en/admin/users", "/en/admin/audit"]) {
      expect((await organizerPage.goto(path))?.status(), path).toBe(403);
    }
    expect((await organizerPage.goto("/en/admin"))?.status()).toBe(200);
  });

  test("a hand-made call to the add-user action is refused signed out (401) and as an organizer (403), and adds no one", async ({
    adminPage,
    organizerPage,
    playwright,
  }) => {
    const email = uniqueEmail("crafted");
    await adminPage.goto("/en/admin/users");
    await adminPage.getByLabel("Email").fill(email);
    await adminPage.getByLabel("Role", { exact: true }).selectOption("admin");
    const action = await captureAction(adminPage, () => adminPage.getByRole("button", { name: "Add user" }).click());
    await expect(adminPage.getByRole("status")).toContainText(`Created ${email}`);
    // The same call again, with a different email in the body, from people who may not make it.
    const forged = { ...action, body: Buffer.from(action.body.toString("latin1").replaceAll(email, `x${email}`), "latin1") };
    const anonymous = await playwright.request.newContext({ baseURL: new URL(action.url).origin });
    expect((await replayAction(anonymous, forged)).status()).toBe(401);
    expect((await replayAction(organizerPage.request, forged)).status()).toBe(403);
    await anonymous.dispose();
    await adminPage.reload();
    await expect(adminPage.getByRole("rowheader", { name: email })).toBeVisible();
    await expect(adminPage.getByRole("rowheader", { name: `x${email}` })).toHaveCount(0);
  });
});

test.describe("managing users", () => {
  test("a new user signs in with the one-time password, must choose their own, and can use it", async ({ adminPage, page }) => {
    test.setTimeout(60_000);
    const email = uniqueEmail("new");
    const oneTime = await addUser(adminPage, email, "organizer");
    await signIn(page, email, oneTime);
    await expect(page).toHaveURL(/\/en\/admin\/account\?required=1$/);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Choose a new one");
    // A console page sends them back here until they do.
    await page.goto("/en/admin");
    await expect(page).toHaveURL(/\/en\/admin\/account\?required=1$/);

    await page.getByLabel("Current password").fill(oneTime);
    await page.getByLabel("New password", { exact: true }).fill("password");
    await page.getByLabel("New password again").fill("password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("This password is among the most common ones; choose another.")).toBeVisible();

    await page.getByLabel("Current password").fill("not it");
    await page.getByLabel("New password", { exact: true }).fill("jiading lanterns at dusk");
    await page.getByLabel("New password again").fill("jiading lanterns at dusk");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("That is not your current password.")).toBeVisible();

    await page.getByLabel("Current password").fill(oneTime);
    await page.getByLabel("New password", { exact: true }).fill("jiading lanterns at dusk");
    await page.getByLabel("New password again").fill("jiading lanterns at dusk");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status")).toContainText("Your password has been changed");
    await page.goto("/en/admin");
    await expect(page).toHaveURL(/\/en\/admin$/);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/en\/sign-in$/);
    await signIn(page, email, "jiading lanterns at dusk");
    await expect(page).toHaveURL(/\/en\/admin$/);
  });

  test("disabling a user ends their session at once; a reset gives a new one-time password", async ({ adminPage, page }) => {
    // Several password hashes in a row: slow on a busy machine.
    test.setTimeout(60_000);
    const email = uniqueEmail("disabled");
    const oneTime = await addUser(adminPage, email, "staff");
    await signIn(page, email, oneTime);
    await expect(page).toHaveURL(/\/en\/admin\/account/);

    await adminPage.reload();
    await adminPage.getByRole("button", { name: `Disable ${email}` }).click();
    await expect(adminPage.getByRole("button", { name: `Enable ${email}` })).toBeVisible();
    await page.goto("/en/admin/account");
    await expect(page).toHaveURL(/\/en\/sign-in/);
    await signIn(page, email, oneTime).catch(() => undefined);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an active account.");

    await adminPage.getByRole("button", { name: `Enable ${email}` }).click();
    await expect(adminPage.getByRole("button", { name: `Disable ${email}` })).toBeVisible();
    await adminPage.getByRole("button", { name: `Reset password of ${email}` }).click();
    const fresh = (await adminPage.getByRole("status").filter({ hasText: "New one-time password" }).locator("code").textContent())!;
    expect(fresh).not.toBe(oneTime);
    await signIn(page, email, fresh);
    await expect(page).toHaveURL(/\/en\/admin\/account\?required=1$/);
  });
});

test.describe("audit log", () => {
  test("an admin sees the rows the console wrote, filtered by kind and user", async ({ adminPage }) => {
    const email = uniqueEmail("audited");
    await addUser(adminPage, email, "staff");
    await adminPage.goto("/en/admin/audit");
    await adminPage.getByLabel("Kind").selectOption("user");
    await adminPage.getByLabel("User").selectOption({ label: E2E_USERS.admin.email });
    await adminPage.getByRole("button", { name: "Filter" }).click();
    await expect(adminPage).toHaveURL(/kind=user/);
    const row = adminPage.getByRole("row").filter({ hasText: "create user" }).filter({ hasText: email }).first();
    await expect(row).toBeVisible();
    await expect(row).toContainText(E2E_USERS.admin.email);
    await row.getByText("Before and after").click();
    await expect(row.getByText(`"role": "staff"`)).toBeVisible();
  });
});
