import { expect, test } from "@playwright/test";
import { attendee, RegisterPage, uniqueEmail } from "./pages/register-page";

test.describe("registration", () => {
  test("a person registers and gets a confirmed ticket with a QR code and a private link", async ({ page }) => {
    const form = new RegisterPage(page);
    const a = await form.register();
    await expect(page.getByRole("status").filter({ hasText: "Thank you for registering." })).toContainText(a.email);
    await expect(page.getByRole("definition").first()).toHaveText(/^CAF-[A-Z0-9]{8}$/);
    await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
    await expect(page.getByRole("img", { name: /QR code of ticket CAF-/ })).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  });

  test("errors stand next to their fields, in the page's language, and typed values stay", async ({ page }) => {
    const form = new RegisterPage(page);
    await form.open();
    await page.getByLabel("Full name").fill("Chen Jing");
    await page.getByLabel("Email").fill("not-an-email");
    await form.submit();
    await expect(page.getByRole("alert").filter({ hasText: "Please correct the fields marked below." })).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter a valid email address, such as name@example.com.");
    await expect(page.getByLabel("Organisation")).toHaveAccessibleDescription("This field is required.");
    await expect(page.getByText("Choose at least one day.")).toBeVisible();
    await expect(page.getByText("You must agree to the privacy notice to register.")).toBeVisible();
    await expect(page.getByLabel("Full name")).toHaveValue("Chen Jing");
    await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
    await expect(page).toHaveURL(/\/en\/register$/);
  });

  test("in Chinese the errors are in Chinese", async ({ page }) => {
    await new RegisterPage(page).open("zh-CN");
    await page.getByLabel("姓名").fill("陈静");
    await page.getByRole("button", { name: "提交报名" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "请更正下方标出的字段。" })).toBeVisible();
    await expect(page.getByLabel("电子邮箱")).toHaveAccessibleDescription("此项为必填项。");
    await expect(page.getByText("须同意隐私声明才能报名。")).toBeVisible();
    await expect(page.getByLabel("姓名")).toHaveValue("陈静");
  });

  test("registering again with the same email creates nothing and says so", async ({ page }) => {
    const form = new RegisterPage(page);
    const a = await form.register();
    await form.open();
    await form.fill({ ...a, email: `  ${a.email.toUpperCase()} ` });
    await form.submit();
    await expect(page.getByRole("status")).toHaveText(
      "A registration already exists for this email address. We have sent its private link to that address again.",
    );
    await expect(page).toHaveURL(/\/en\/register$/);
  });

  test("the private link lets the person edit their details and days", async ({ page }) => {
    await new RegisterPage(page).register();
    const link = page.url().replace("?new=1", "");
    await page.goto(link);
    await page.getByLabel("Organisation").fill("Jiading Auto Parts");
    await page.getByLabel("Saturday 13 July 2024").check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Your changes are saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Organisation")).toHaveValue("Jiading Auto Parts");
    await expect(page.getByLabel("Saturday 13 July 2024")).toBeChecked();
  });

  test("an invalid edit is refused with field errors and changes nothing", async ({ page }) => {
    await new RegisterPage(page).register();
    const link = page.url().replace("?new=1", "");
    await page.goto(link);
    await page.getByLabel("Email").fill("broken@");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/valid email address/);
    await page.reload();
    await expect(page.getByLabel("Email")).toHaveValue(/@example\.test$/);
  });

  test("cancelling removes the ticket; erasing makes the link unknown", async ({ page }) => {
    await new RegisterPage(page).register();
    const link = page.url().replace("?new=1", "");
    await page.goto(link);
    await page.getByRole("button", { name: "Cancel your registration…" }).click();
    await page.getByRole("button", { name: "Yes, cancel my registration" }).click();
    await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
    await expect(page.getByRole("img", { name: /QR code/ })).toHaveCount(0);
    await page.getByRole("button", { name: "Erase your data…" }).click();
    await page.getByRole("button", { name: "Yes, erase my data" }).click();
    await expect(page.getByText("Your data has been erased.")).toBeVisible();
    const response = await page.goto(link);
    expect(response?.status()).toBe(404);
  });

  test("a made-up manage link is a 404", async ({ page }) => {
    const response = await page.goto(`/en/ticket/${"A".repeat(32)}`);
    expect(response?.status()).toBe(404);
    expect((await page.goto("/en/ticket/short"))?.status()).toBe(404);
  });

  test("the privacy notice exists in both languages", async ({ page }) => {
    await page.goto("/en/privacy");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy notice");
    await page.goto("/zh-CN/privacy");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("隐私声明");
  });

  test("a crafted form post without consent writes nothing", async ({ page }) => {
    // The action validates on the server: a browser that skips the checkbox gets the error.
    const form = new RegisterPage(page);
    await form.open();
    const email = uniqueEmail("noconsent");
    await form.fill(attendee({ email }));
    await page.getByLabel(/I have read the privacy notice/).uncheck();
    await form.submit();
    await expect(page.getByText("You must agree to the privacy notice to register.")).toBeVisible();
    await form.fill(attendee({ email }));
    await form.submit();
    // Had the first post written anything, this would be a duplicate.
    await expect(page).toHaveURL(/\/en\/ticket\//);
  });
});
