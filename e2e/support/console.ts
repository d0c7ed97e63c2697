import { test as base, expect, type Browser, type Page } from "@playwright/test";

export type Role = "admin" | "organizer" | "staff";

/** Created by scripts/e2e-server.mjs on every fresh test database. Never change their passwords in a test. */
const PASSWORD = "forum e2e passphrase 2024";
export const E2E_USERS: Record<Role, { email: string; password: string }> = {
  admin: { email: "admin@forum.test", password: PASSWORD },
  organizer: { email: "organizer@forum.test", password: PASSWORD },
  staff: { email: "staff@forum.test", password: PASSWORD },
};

/** Signs in through the sign-in page, as a person would, and waits to land in the console. */
export async function signIn(page: Page, email: string, password: string, locale = "en"): Promise<void> {
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(locale === "en" ? "Email" : "电子邮箱").fill(email);
  await page.getByLabel(locale === "en" ? "Password" : "密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: locale === "en" ? "Sign in" : "登录", exact: true }).click();
  // The password hash is slow on purpose, and slower on a loaded machine: allow it more than the usual 10 s.
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
}

type StorageState = Awaited<ReturnType<ReturnType<Page["context"]>["storageState"]>>;

async function signedInState(browser: Browser, baseURL: string | undefined, role: Role): Promise<StorageState> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, E2E_USERS[role].email, E2E_USERS[role].password);
  const state = await context.storageState();
  await context.close();
  return state;
}

/** Signed-in states by server and role: a session exists only in the database of the server that opened it. */
type WorkerFixtures = { consoleStates: Partial<Record<string, StorageState>> };
type TestFixtures = { adminPage: Page; organizerPage: Page; staffPage: Page };

function rolePage(role: Role) {
  return async (
    {
      browser,
      baseURL,
      consoleStates,
      timezoneId,
      viewport,
    }: {
      browser: Browser;
      baseURL: string | undefined;
      consoleStates: WorkerFixtures["consoleStates"];
      timezoneId: string | undefined;
      viewport: { width: number; height: number } | null;
    },
    use: (page: Page) => Promise<void>,
  ) => {
    // Signing in costs a password hash: once per role and worker, then each test gets a fresh context.
    const key = `${baseURL} ${role}`;
    consoleStates[key] ??= await signedInState(browser, baseURL, role);
    const context = await browser.newContext({ baseURL, timezoneId, viewport, storageState: consoleStates[key] });
    const page = await context.newPage();
    await use(page);
    await context.close();
  };
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  consoleStates: [
    async ({}, use) => {
      await use({});
    },
    { scope: "worker" },
  ],
  // Each with a timeout of its own: a first sign-in (a password hash) on a busy machine is not
  // charged to the test that asked for the page.
  adminPage: [rolePage("admin"), { timeout: 30_000 }],
  organizerPage: [rolePage("organizer"), { timeout: 30_000 }],
  staffPage: [rolePage("staff"), { timeout: 30_000 }],
});

export { expect };
