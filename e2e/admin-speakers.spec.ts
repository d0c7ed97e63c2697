import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { request as playwrightRequest, type Page } from "@playwright/test";
import sharp from "sharp";
import { captureAction, replayAction } from "./support/actions";
import { E2E_USERS, expect, test } from "./support/console";
import { auditRows, one, query, testPng, userActor } from "./fixtures/content-db";

type SpeakerRow = { id: number; slug: string; name_en: string; name_zh: string | null; title_zh: string; bio_en: string; listed: number; photo_path: string | null };

const speakerNamed = (name: string) => one<SpeakerRow>("select * from speakers where name_en = ?", name);

/** Adds a speaker through the console's form and answers its id, from the address it lands on. */
async function addSpeaker(page: Page, name: string): Promise<number> {
  await page.goto("/en/admin/speakers");
  await page.getByLabel("Name (English)").fill(name);
  await page.getByLabel("Job title (English)").fill("Test engineer");
  await page.getByLabel("Job title (Chinese)").fill("测试工程师");
  await page.getByLabel("Organisation (English)").fill("Example Test Works");
  await page.getByLabel("Organisation (Chinese)").fill("示例测试公司");
  await page.getByLabel("Biography (English)").fill("A fictitious person made by an end-to-end test.");
  await page.getByLabel("Biography (Chinese)").fill("端到端测试创建的虚构人物。");
  await page.getByRole("button", { name: "Add speaker" }).click();
  await expect(page.getByText("Speaker added. You can add a photo now.")).toBeVisible();
  const id = Number(/\/admin\/speakers\/(\d+)/.exec(page.url())?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

test.describe("speakers in the console", () => {
  // Whole journeys of several saves each, on a server that re-renders public pages after each.
  test.describe.configure({ timeout: 60_000 });

  test("an organizer adds a speaker in both languages, renames them, and the address stays", async ({ organizerPage: page }) => {
    const tag = randomUUID().slice(0, 8);
    const name = `Test Speaker ${tag}`;
    const id = await addSpeaker(page, name);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByText(`Public address: /speakers/test-speaker-${tag}.`)).toBeVisible();
    expect(speakerNamed(name)).toMatchObject({ id, slug: `test-speaker-${tag}`, title_zh: "测试工程师", listed: 0 });

    await page.getByLabel("Name (English)").fill(`Renamed Person ${tag}`);
    await page.getByLabel("Name (Chinese)").fill("测试人");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Changes saved.")).toBeVisible();
    await expect(page.getByLabel("Name (Chinese)")).toHaveValue("测试人");
    await expect(page.getByText("Speaker added. You can add a photo now.")).toHaveCount(0);
    const renamed = one<SpeakerRow>("select * from speakers where id = ?", id);
    expect(renamed).toMatchObject({ name_en: `Renamed Person ${tag}`, name_zh: "测试人", slug: `test-speaker-${tag}` });

    // Who, what, before and after.
    const actor = userActor(E2E_USERS.organizer.email);
    const rows = auditRows("speaker", id);
    expect(rows.map((r) => [r.action, r.actor])).toEqual([
      ["speaker.create", actor],
      ["speaker.update", actor],
    ]);
    expect(JSON.parse(rows[1]!.before!)).toMatchObject({ nameEn: name, nameZh: null });
    expect(JSON.parse(rows[1]!.after!)).toMatchObject({ nameEn: `Renamed Person ${tag}`, nameZh: "测试人" });

    // Not listed: the public site does not know them, so the shared speaker list is untouched.
    const response = await page.goto(`/en/speakers/test-speaker-${tag}`);
    expect(response?.status()).toBe(404);

    // Nothing ties them to the program yet, so they may be deleted, with a row saying so.
    await page.goto(`/en/admin/speakers/${id}`);
    await page.getByRole("button", { name: "Delete speaker" }).click();
    await expect(page.getByText("Speaker deleted.")).toBeVisible();
    expect(one("select id from speakers where id = ?", id)).toBeUndefined();
    expect(auditRows("speaker", id).at(-1)?.action).toBe("speaker.delete");
  });

  test("empty and overlong fields are refused, each with its reason, and nothing is saved", async ({ organizerPage: page }) => {
    await page.goto("/en/admin/speakers");
    const long = `Overlong ${randomUUID()} ${"x".repeat(120)}`;
    await page.getByLabel("Name (English)").fill(long);
    await page.getByLabel("Biography (Chinese)").fill("长".repeat(4001));
    await page.getByRole("button", { name: "Add speaker" }).click();
    await expect(page.getByText("Too long: at most 120 characters.")).toBeVisible();
    await expect(page.getByText("Too long: at most 4000 characters.")).toBeVisible();
    await expect(page.getByLabel("Name (English)")).toHaveAttribute("aria-invalid", "true");
    expect(speakerNamed(long)).toBeUndefined();

    await page.getByLabel("Name (English)").fill("   ");
    await page.getByLabel("Biography (Chinese)").fill("");
    await page.getByRole("button", { name: "Add speaker" }).click();
    await expect(page.getByText("Enter this.")).toBeVisible();
    await expect(page).toHaveURL(/\/en\/admin\/speakers$/);
  });

  test("a photo is checked by its content, stored re-encoded and served resized", async ({ organizerPage: page }) => {
    const name = `Test Speaker ${randomUUID().slice(0, 8)}`;
    const id = await addSpeaker(page, name);
    await expect(page.getByText("No photo yet.")).toBeVisible();

    // A text file named like an image, and sent as one, is still text.
    await page.getByLabel("Photo file").setInputFiles({ name: "portrait.png", mimeType: "image/png", buffer: Buffer.from("I am not a picture, only text.\n") });
    await page.getByRole("button", { name: "Upload photo" }).click();
    await expect(page.getByText("This file is not a JPEG, PNG or WebP image.")).toBeVisible();
    expect(speakerNamed(name)?.photo_path).toBeNull();

    await page.getByLabel("Photo file").setInputFiles({ name: "portrait.png", mimeType: "image/png", buffer: await testPng(900, 600) });
    await page.getByRole("button", { name: "Upload photo" }).click();
    await expect(page.getByText("Photo saved.")).toBeVisible();
    const photo = page.getByRole("img", { name });
    await expect(photo).toBeVisible();
    const stored = speakerNamed(name)?.photo_path;
    expect(stored).toMatch(new RegExp(`^${id}-[0-9a-f]{16}\\.webp$`));

    const src = await photo.getAttribute("src");
    expect(src).toBe(`/files/speakers/${stored!.replace(".webp", "")}-240.webp`);
    const served = await page.request.get(src!);
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toBe("image/webp");
    expect(served.headers()["cache-control"]).toContain("immutable");
    const meta = await sharp(await served.body()).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 240, 160]);
    expect(meta.exif).toBeUndefined();
    // Only the fixed sizes exist.
    expect((await page.request.get(src!.replace("-240.", "-241."))).status()).toBe(404);

    const actor = userActor(E2E_USERS.organizer.email);
    expect(auditRows("speaker", id).map((r) => [r.action, r.actor])).toContainEqual(["speaker.photo.set", actor]);

    await page.getByRole("button", { name: "Remove photo" }).click();
    await expect(page.getByText("No photo yet.")).toBeVisible();
    expect(speakerNamed(name)?.photo_path).toBeNull();
    expect(auditRows("speaker", id).at(-1)?.action).toBe("speaker.photo.remove");
    expect((await page.request.get(src!)).status()).toBe(404);
  });

  test("crafted uploads: too big, not an image, a climbing file name, no file", async ({ organizerPage: page }) => {
    const name = `Test Speaker ${randomUUID().slice(0, 8)}`;
    const id = await addSpeaker(page, name);
    const url = `/en/admin/speakers/${id}/photo`;
    const png = await testPng(64, 64);
    const post = (file: { name: string; mimeType: string; buffer: Buffer } | string) =>
      page.request.post(url, { multipart: { photo: file } });

    const tooBig = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]);
    const answers = [
      [await post({ name: "big.png", mimeType: "image/png", buffer: tooBig }), 413, "photoTooLarge"],
      [await post({ name: "notes.jpg", mimeType: "image/jpeg", buffer: Buffer.from("plain text") }), 415, "photoNotImage"],
      [await post({ name: "../../../etc/passwd.png", mimeType: "image/png", buffer: png }), 400, "photoBadName"],
      [await post("just a string field"), 400, "photoMissing"],
      [await post({ name: "cut.png", mimeType: "image/png", buffer: png.subarray(0, 40) }), 422, "photoUnreadable"],
    ] as const;
    for (const [response, status, error] of answers) {
      expect(response.status(), error).toBe(status);
      expect(await response.json()).toEqual({ error });
    }
    expect(speakerNamed(name)?.photo_path).toBeNull();
    expect(auditRows("speaker", id).map((r) => r.action)).toEqual(["speaker.create"]);

    // An unknown speaker is a 404, and the upload is not kept.
    const ghost = await page.request.post("/en/admin/speakers/999999999/photo", {
      multipart: { photo: { name: "a.png", mimeType: "image/png", buffer: png } },
    });
    expect(ghost.status()).toBe(404);
  });

  test("signed out or as staff, the console's speaker endpoints refuse and change nothing", async ({ organizerPage: page, staffPage, browser }) => {
    const name = `Test Speaker ${randomUUID().slice(0, 8)}`;
    const id = await addSpeaker(page, name);
    const rename = await captureAction(page, async () => {
      await page.getByLabel("Name (English)").fill(`Hijacked ${name}`);
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByText("Changes saved.")).toBeVisible();
    });
    // Put the name back, so that a replay that got through would show.
    await page.getByLabel("Name (English)").fill(name);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => speakerNamed(name)?.id).toBe(id);
    const auditBefore = auditRows("speaker", id).length;

    const anonymous = await playwrightRequest.newContext({ baseURL: new URL(page.url()).origin });
    const png = await testPng(64, 64);
    const upload = { multipart: { photo: { name: "a.png", mimeType: "image/png", buffer: png } } };
    try {
      expect((await replayAction(anonymous, rename)).status()).toBe(401);
      expect((await replayAction(staffPage.request, rename)).status()).toBe(403);
      expect((await anonymous.post(`/en/admin/speakers/${id}/photo`, upload)).status()).toBe(401);
      expect((await staffPage.request.post(`/en/admin/speakers/${id}/photo`, upload)).status()).toBe(403);
    } finally {
      await anonymous.dispose();
    }
    expect(speakerNamed(name)).toMatchObject({ id, photo_path: null });
    expect(query("select id from speakers where name_en = ?", `Hijacked ${name}`)).toEqual([]);
    expect(auditRows("speaker", id)).toHaveLength(auditBefore);

    // Pages: staff get the 403 page, and signed out means the sign-in page.
    const forbidden = await staffPage.goto("/en/admin/speakers");
    expect(forbidden?.status()).toBe(403);
    const context = await browser.newContext({ baseURL: new URL(page.url()).origin });
    const visitor = await context.newPage();
    await visitor.goto(`/en/admin/speakers/${id}`);
    await expect(visitor).toHaveURL(/\/en\/sign-in\?next=/);
    await context.close();
  });

  test("the edit page, with its photo, passes axe in both languages", async ({ organizerPage: page }) => {
    const name = `Test Speaker ${randomUUID().slice(0, 8)}`;
    const id = await addSpeaker(page, name);
    await page.getByLabel("Photo file").setInputFiles({ name: "p.png", mimeType: "image/png", buffer: await testPng(300, 300) });
    await page.getByRole("button", { name: "Upload photo" }).click();
    await expect(page.getByRole("img", { name })).toBeVisible();
    for (const locale of ["en", "zh-CN"]) {
      await page.goto(`/${locale}/admin/speakers/${id}`);
      await expect(page.getByRole("img", { name })).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    }
  });
});
