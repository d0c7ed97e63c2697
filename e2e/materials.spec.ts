import { expect, test } from "./support/console";
import { auditRows, one, userActor } from "./fixtures/content-db";
import { E2E_USERS } from "./support/console";
import { expectHydrated } from "./support/hydration";
import { encryptedPdf, makePdf, pngBytes } from "../lib/materials/test-pdfs";

// A session of the seeded (illustrative) program that no other spec visits: its page changes here.
const SLUG = "talk-new-four-modernizations";

function theSession(): { id: number } {
  const row = one<{ id: number }>(
    "select s.id from sessions s join events e on e.id = s.event_id and e.is_current = 1 where s.slug = ?",
    SLUG,
  );
  if (!row) throw new Error(`no session ${SLUG}`);
  return row;
}

test.describe("a talk keeps its slides and recording", () => {
  test("an organizer's slides and recording link show on the public page, and no third party is asked until the visitor clicks", async ({
    organizerPage: page,
    browser,
    baseURL,
  }) => {
    const { id } = theSession();
    await page.goto(`/en/admin/materials/${id}`);
    const slides = page.getByRole("region", { name: "Slides" });
    const recording = page.getByRole("region", { name: "Recording" });
    await expectHydrated(slides.getByRole("button", { name: "Upload" }));

    // A PNG named slides.pdf, then an encrypted PDF: each refused, with what to do.
    await slides
      .getByLabel("Slides (PDF)")
      .setInputFiles({ name: "slides.pdf", mimeType: "application/pdf", buffer: await pngBytes() });
    await slides.getByRole("button", { name: "Upload" }).click();
    await expect(
      slides.getByText("This file is not a PDF, whatever its name says. Nothing was saved."),
    ).toBeVisible();
    await slides
      .getByLabel("Slides (PDF)")
      .setInputFiles({
        name: "locked.pdf",
        mimeType: "application/pdf",
        buffer: await encryptedPdf(),
      });
    await slides.getByRole("button", { name: "Upload" }).click();
    await expect(slides.getByText(/This PDF is encrypted or password-protected/)).toBeVisible();
    expect(
      one(
        "select slides_file from session_materials where session_id = ? and slides_file is not null",
        id,
      ),
    ).toBeUndefined();

    await slides
      .getByLabel("Slides (PDF)")
      .setInputFiles({ name: "deck.pdf", mimeType: "application/pdf", buffer: await makePdf() });
    await slides.getByRole("button", { name: "Upload" }).click();
    await expect(slides.getByRole("status")).toHaveText("Saved.");
    await expect(slides.getByRole("img", { name: "Preview of the first slide" })).toBeVisible();

    // Not on the allow-list: refused; then a Bilibili page with the talk's length.
    await recording.getByLabel("Link to the recording").fill("javascript:alert(1)");
    await recording.getByRole("button", { name: "Save the link" }).click();
    await expect(recording.getByText(/Enter the address of the video's page/)).toBeVisible();
    await recording.getByLabel("Link to the recording").fill("https://example.com/talk.mp4");
    await recording.getByRole("button", { name: "Save the link" }).click();
    await expect(
      recording.getByText(
        /Recordings can be linked from Bilibili, Youku, Tencent Video, YouTube or Vimeo only/,
      ),
    ).toBeVisible();
    await recording
      .getByLabel("Link to the recording")
      .fill("https://www.bilibili.com/video/BV1GJ411x7h7?spm_id_from=333.1");
    await recording.getByLabel("Length of the recording").fill("45:00");
    await recording.getByRole("button", { name: "Save the link" }).click();
    await expect(recording.getByRole("status")).toHaveText("Saved.");

    const consent = page.getByRole("region", { name: "Consent to publish" });
    await consent.getByLabel("The speaker agrees to publish the slides").check();
    await consent.getByLabel("The speaker agrees to publish the recording").check();
    await consent.getByRole("button", { name: "Save the consent" }).click();
    await expect(consent.getByRole("status")).toHaveText("Saved.");

    const stored = one<{ recording_url: string; recording_seconds: number; slides_pages: number }>(
      "select * from session_materials where session_id = ?",
      id,
    );
    expect(stored).toMatchObject({
      recording_url: "https://www.bilibili.com/video/BV1GJ411x7h7",
      recording_seconds: 2700,
      slides_pages: 2,
      slides_published: 1,
      recording_published: 1,
    });
    const actor = userActor(E2E_USERS.organizer.email);
    expect(
      auditRows("session", id)
        .filter((r) => r.action.startsWith("materials."))
        .map((r) => [r.action, r.actor]),
    ).toEqual([
      ["materials.slides.set", actor],
      ["materials.recording.link", actor],
      ["materials.consent", actor],
    ]);

    // A visitor with nothing stored, who is watched for every request that leaves the site.
    const visitorContext = await browser.newContext({ baseURL });
    const visitor = await visitorContext.newPage();
    const outside: string[] = [];
    visitor.on("request", (request) => {
      if (!request.url().startsWith(baseURL!) && !request.url().startsWith("data:"))
        outside.push(request.url());
    });
    await visitor.route("https://player.bilibili.com/**", (route) =>
      route.fulfill({ contentType: "text/html", body: "<!doctype html><title>player</title>" }),
    );
    const response = await visitor.goto(`/en/sessions/${SLUG}#t=90`);
    expect(response?.headers()["content-security-policy"]).toContain(
      "frame-src 'self' https://player.bilibili.com",
    );

    const download = visitor.getByRole("link", { name: "Download the slides (PDF)" });
    await expect(download).toBeVisible();
    await expect(visitor.getByText(/^PDF, [\d.]+ kB, 2 pages$/)).toBeVisible();
    const preview = visitor.getByRole("img", { name: /^First slide of / });
    // Lazy: it loads as it comes near the screen.
    await preview.scrollIntoViewIfNeeded();
    await expect
      .poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(960);
    const play = visitor.getByRole("button", { name: "Play the recording on Bilibili from 1:30" });
    await expectHydrated(play);
    await expect(
      visitor.getByText(/The player is loaded from Bilibili only when you click/),
    ).toBeVisible();
    await expect(visitor.locator("iframe")).toHaveCount(0);
    expect(outside).toEqual([]);
    expect(
      (await visitorContext.cookies())
        .map((c) => c.domain)
        .filter((domain) => domain !== new URL(baseURL!).hostname),
    ).toEqual([]);

    await play.click();
    const player = visitor.getByTitle(/^Recording of /);
    await expect(player).toHaveAttribute(
      "src",
      "https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&autoplay=1&t=90",
    );
    await expect
      .poll(() => outside.some((url) => url.startsWith("https://player.bilibili.com/player.html")))
      .toBe(true);

    // The slides: a PDF under its content's hash, cached for good, served in parts.
    const href = (await download.getAttribute("href"))!;
    expect(href).toMatch(/^\/files\/materials\/[0-9a-f]{32}\.pdf$/);
    const part = await visitor.request.get(href, { headers: { range: "bytes=0-4" } });
    expect(part.status()).toBe(206);
    expect((await part.body()).toString("latin1")).toBe("%PDF-");
    expect(part.headers()["content-range"]).toMatch(/^bytes 0-4\/\d+$/);
    expect(part.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    const whole = await visitor.request.get(href);
    expect([
      whole.status(),
      whole.headers()["content-type"],
      whole.headers()["accept-ranges"],
    ]).toEqual([200, "application/pdf", "bytes"]);
    expect((await visitor.request.get("/files/materials/..%2f..%2fforum.db")).status()).toBe(404);
    await visitorContext.close();
  });

  test("uploads refuse what is not theirs to take: no sign-in, another site's page, a session of no edition", async ({
    organizerPage: page,
    playwright,
    baseURL,
  }) => {
    const pdf = await makePdf();
    const anonymous = await playwright.request.newContext({ baseURL });
    const signedOut = await anonymous.post(`/api/admin/sessions/${theSession().id}/slides`, {
      data: pdf,
      headers: { "content-type": "application/octet-stream" },
    });
    expect(signedOut.status()).toBe(401);
    await anonymous.dispose();

    const crossSite = await page.request.post(`/api/admin/sessions/${theSession().id}/slides`, {
      data: pdf,
      headers: {
        "content-type": "application/octet-stream",
        origin: "https://evil.example",
        "sec-fetch-site": "cross-site",
      },
    });
    expect(crossSite.status()).toBe(403);
    const ghost = await page.request.post("/api/admin/sessions/999999999/slides", {
      data: pdf,
      headers: { "content-type": "application/octet-stream", "x-file-name": "deck.pdf" },
    });
    expect([ghost.status(), await ghost.json()]).toEqual([404, { error: "notFound" }]);
    const notVideo = await page.request.post(`/api/admin/sessions/${theSession().id}/recording`, {
      data: pdf,
      headers: { "content-type": "application/octet-stream", "x-file-name": "talk.mp4" },
    });
    expect([notVideo.status(), await notVideo.json()]).toEqual([415, { error: "videoNotVideo" }]);
  });
});
