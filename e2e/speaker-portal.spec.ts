import { createHash, randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import type { Browser, BrowserContext } from "@playwright/test";
import { expect, test } from "./support/console";
import { testPng } from "./fixtures/content-db";
import { seriousViolations } from "./support/axe";
import { AGENDA_BASE_URL, dbRows } from "./pages/agenda-editor-page";
import { expectHydrated } from "./support/hydration";
import { makePdf } from "../lib/materials/test-pdfs";
import { addListedSpeaker, invite } from "./support/speakers";

// A speaker is shown on the public site only once listed, and other specs on the main server count
// the public speakers (api-read): these run on the agenda editor's server, with its own database.
// Every speaker here is invented by the test: the seeded people are real, and the portal must never
// publish words for them.
test.use({ baseURL: AGENDA_BASE_URL });
test.describe.configure({ timeout: 120_000 });

type Email = { kind: string; subject: string; text: string };

const emailsTo = (to: string) => dbRows<Email>("select kind, subject, text from outbox where \"to\" = ? order by id", to);

/** The portal link of the latest invitation to `to`, as a path on this server (SITE_URL may name another host). */
function linkPath(to: string): string {
  const invitation = emailsTo(to).filter((e) => e.kind === "speaker-invitation").at(-1);
  const url = /https?:\/\/\S+\/speaker\/link\/[A-Za-z0-9_-]{32}/.exec(invitation?.text ?? "")?.[0];
  if (!url) throw new Error(`No invitation email to ${to}`);
  return new URL(url).pathname;
}

const auditActions = (speakerId: number) =>
  dbRows<{ action: string }>("select action from audit_log where entity = 'speaker' and entity_id = ? order by id", speakerId).map((r) => r.action);

async function speakerContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: AGENDA_BASE_URL, timezoneId: "America/Los_Angeles" });
}

const slugOf = (id: number) => dbRows<{ slug: string }>("select slug from speakers where id = ?", id)[0]!.slug;

test("invited, the speaker edits their page; nothing is public until an organizer approves it", async ({ organizerPage: page, browser }) => {
  const tag = randomUUID().slice(0, 8);
  const email = `speaker-${tag}@example.test`;
  const id = await addListedSpeaker(page, `Invented Speaker ${tag}`);
  const slug = slugOf(id);
  await invite(page, id, email, "English");
  expect(emailsTo(email).map((e) => e.kind)).toEqual(["speaker-invitation"]);
  expect(emailsTo(email)[0]!.subject).toMatch(/^Your speaker page at the /);
  // Only the SHA-256 of the link's token is kept.
  const path = linkPath(email);
  const token = path.split("/").at(-1)!;
  const stored = dbRows<{ token_hash: string }>("select token_hash from speaker_invitations where speaker_id = ?", id);
  expect(stored).toEqual([{ token_hash: createHash("sha256").update(token).digest("hex") }]);

  const context = await speakerContext(browser);
  const speaker = await context.newPage();
  await speaker.goto(path);
  await expect(speaker).toHaveURL(/\/en\/speaker$/);
  await expect(speaker.getByRole("heading", { level: 1, name: "Your speaker page" })).toBeVisible();
  await expect(speaker.getByText(`Invented Speaker ${tag}`)).toBeVisible();
  await expect(speaker.getByText("You are not on any published session yet.")).toBeVisible();

  // A speaker is no console user: its pages send them to sign in, its routes answer 401.
  await speaker.goto(`/en/admin/speakers/${id}`);
  await expect(speaker).toHaveURL(/\/en\/sign-in/);
  const upload = await context.request.post(`/en/admin/speakers/${id}/photo`, {
    multipart: { photo: { name: "face.png", mimeType: "image/png", buffer: await testPng(64, 64) } },
  });
  expect(upload.status()).toBe(401);
  await speaker.goto("/en/speaker");

  // A link that is not http(s) is refused in the speaker's language, and nothing is kept.
  await speaker.getByLabel("Website").fill("javascript:alert(1)");
  await speaker.getByRole("button", { name: "Send for review" }).click();
  await expect(speaker.getByText("This is not a web address we can link to: use an address starting with https:// or http://.")).toBeVisible();
  expect(dbRows("select * from speaker_profile_drafts where speaker_id = ?", id)).toEqual([]);

  await speaker.getByLabel("Biography (English)").fill(`Words the invented speaker ${tag} wrote.`);
  await speaker.getByLabel("Affiliation (English)").fill("Invented Institute");
  await speaker.getByLabel("Website").fill("https://example.org/invented");
  await speaker.getByLabel("LinkedIn profile").fill(`https://www.linkedin.com/in/invented-${tag}`);
  await speaker.getByLabel("WeChat official account name").fill("虚构公众号");
  await speaker.getByRole("button", { name: "Send for review" }).click();
  await expect(speaker.getByText("Sent. The organisers will review your changes")).toBeVisible();

  // A file that is not an image is refused, a real one joins the proposal.
  await speaker.getByLabel(/New photo/).setInputFiles({ name: "face.png", mimeType: "image/png", buffer: Buffer.from("only text, not a picture") });
  await speaker.getByRole("button", { name: "Upload photo" }).click();
  await expect(speaker.getByText("This file is not a JPEG, PNG or WebP image.")).toBeVisible();
  await speaker.getByLabel(/New photo/).setInputFiles({ name: "face.png", mimeType: "image/png", buffer: await testPng(400, 400) });
  await speaker.getByRole("button", { name: "Upload photo" }).click();
  await expect(speaker.getByRole("img", { name: /the photo waiting for approval/ })).toBeVisible();

  // The public page still shows the organizers' words, and no link.
  const visitor = await browser.newPage({ baseURL: AGENDA_BASE_URL });
  await visitor.goto(`/en/speakers/${slug}`);
  await expect(visitor.getByText("Biography written by the organizers.")).toBeVisible();
  await expect(visitor.getByText(`Words the invented speaker ${tag} wrote.`)).toHaveCount(0);
  await expect(visitor.getByRole("link", { name: "Website" })).toHaveCount(0);

  // The organizer sees the proposal beside what is public, and approves it.
  await page.goto(`/en/admin/speakers/${id}`);
  const review = page.getByRole("table", { name: "What is public now beside what the speaker proposes" });
  const bio = review.getByRole("row", { name: /Biography \(English\)/ });
  await expect(bio.getByRole("cell").nth(0)).toHaveText("Biography written by the organizers.");
  await expect(bio.getByRole("cell").nth(1)).toHaveText(`Words the invented speaker ${tag} wrote.`);
  // Both sides of the review, and the portal, are usable without sight.
  expect(await seriousViolations(page)).toEqual([]);
  expect(await seriousViolations(speaker)).toEqual([]);
  await page.getByRole("button", { name: "Approve and publish" }).click();
  await expect(page.getByText("Approved: the public page now shows these changes")).toBeVisible();

  await visitor.goto(`/en/speakers/${slug}`);
  await expect(visitor.getByText(`Words the invented speaker ${tag} wrote.`)).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Website" })).toHaveAttribute("href", "https://example.org/invented");
  await expect(visitor.getByRole("link", { name: "LinkedIn" })).toHaveAttribute("href", `https://www.linkedin.com/in/invented-${tag}`);
  await expect(visitor.getByText("WeChat official account: 虚构公众号")).toBeVisible();
  await expect(visitor.getByRole("img", { name: `Invented Speaker ${tag}` })).toBeVisible();

  expect(emailsTo(email).map((e) => e.kind)).toEqual(["speaker-invitation", "speaker-approved"]);
  expect(auditActions(id)).toEqual(["speaker.create", "speaker.link.invite", "speaker.profile.submit", "speaker.profile.photo", "speaker.profile.approve"]);
  await speaker.reload();
  await expect(speaker.getByText("Your public page shows what the organisers published.")).toBeVisible();
  await context.close();
  await visitor.close();
});

test("sent back with a note, in the speaker's language: the public page does not change", async ({ organizerPage: page, browser }) => {
  const tag = randomUUID().slice(0, 8);
  const email = `speaker-${tag}@example.test`;
  const id = await addListedSpeaker(page, `Invented Speaker ${tag}`);
  await invite(page, id, email, "Chinese");
  expect(emailsTo(email)[0]!.subject).toMatch(/您的演讲嘉宾页面/);
  const path = linkPath(email);
  expect(path).toMatch(/^\/zh-CN\/speaker\/link\//);

  const context = await speakerContext(browser);
  const speaker = await context.newPage();
  await speaker.goto(path);
  await expect(speaker.getByRole("heading", { level: 1, name: "您的嘉宾页面" })).toBeVisible();
  await speaker.getByLabel("微博").fill("https://weibo.com.evil.example/u/1");
  await speaker.getByRole("button", { name: "提交审核" }).click();
  await expect(speaker.getByText("此网址不属于该栏目对应的网站。")).toBeVisible();
  await speaker.getByLabel("微博").fill("https://weibo.com/u/1234567890");
  await speaker.getByLabel("个人简介（中文）").fill(`虚构嘉宾${tag}的很长很长的简介。`);
  await speaker.getByRole("button", { name: "提交审核" }).click();
  await expect(speaker.getByText("已提交。主办方将审核您的修改")).toBeVisible();

  await page.goto(`/en/admin/speakers/${id}`);
  await page.getByRole("button", { name: "Send back" }).click();
  await expect(page.getByText("Say what should change, for the speaker.")).toBeVisible();
  await page.getByLabel("Note to the speaker").fill("Please shorten the biography.");
  await page.getByRole("button", { name: "Send back" }).click();
  await expect(page.getByText("Sent back with your note; the speaker has been told.")).toBeVisible();

  await speaker.reload();
  await expect(speaker.getByText("主办方已将您的修改退回，公开页面未作更改。")).toBeVisible();
  await expect(speaker.getByText("Please shorten the biography.")).toBeVisible();
  const returned = emailsTo(email).at(-1)!;
  expect(returned.kind).toBe("speaker-returned");
  expect(returned.subject).toMatch(/关于您嘉宾页面的修改/);
  expect(returned.text).toContain("Please shorten the biography.");

  const visitor = await browser.newPage({ baseURL: AGENDA_BASE_URL });
  await visitor.goto(`/zh-CN/speakers/${slugOf(id)}`);
  await expect(visitor.getByText("Biography written by the organizers.")).toBeVisible();
  await expect(visitor.getByText(`虚构嘉宾${tag}的很长很长的简介。`)).toHaveCount(0);
  await expect(visitor.getByRole("link", { name: "微博" })).toHaveCount(0);
  expect(auditActions(id)).toEqual(["speaker.create", "speaker.link.invite", "speaker.profile.submit", "speaker.profile.return"]);
  await context.close();
  await visitor.close();
});

test("a revoked, replaced, expired or made-up link opens nothing", async ({ organizerPage: page, browser }) => {
  const tag = randomUUID().slice(0, 8);
  const email = `speaker-${tag}@example.test`;
  const id = await addListedSpeaker(page, `Invented Speaker ${tag}`);
  await invite(page, id, email, "English");
  const first = linkPath(email);

  const context = await speakerContext(browser);
  const speaker = await context.newPage();
  await speaker.goto(first);
  await expect(speaker.getByRole("heading", { level: 1, name: "Your speaker page" })).toBeVisible();

  // Revoked: the open portal stops at once, and the link no longer opens it.
  const portal = page.getByRole("region", { name: "Speaker portal" });
  await portal.getByRole("button", { name: "Revoke the link" }).click();
  await expect(portal.getByText("Link revoked: it no longer opens the speaker page.")).toBeVisible();
  const refused = await speaker.goto("/en/speaker");
  expect(refused?.status()).toBe(403);
  await expect(speaker.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  const again = await speaker.goto(first);
  expect(again?.status()).toBe(403);
  await expect(speaker.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  // Nothing can be sent either.
  const photo = await context.request.post("/en/speaker/photo", { multipart: { photo: { name: "face.png", mimeType: "image/png", buffer: await testPng(64, 64) } } });
  expect(photo.status()).toBe(403);

  // Renewed: a new link works; the old one stays dead.
  await page.reload();
  await portal.getByRole("button", { name: "Send a new link" }).click();
  await expect(portal.getByText("A new link was sent; the old one no longer works.")).toBeVisible();
  const second = linkPath(email);
  expect(second).not.toBe(first);
  await speaker.goto(second);
  await expect(speaker.getByRole("heading", { level: 1, name: "Your speaker page" })).toBeVisible();
  expect((await speaker.goto(first))?.status()).toBe(403);

  // Expired: 14 days after it was sent (moved back here), the portal answers 403 too.
  const db = new Database(process.env.E2E_AGENDA_DB!);
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("update speaker_invitations set expires_at = ? where speaker_id = ?").run(Date.now() - 1000, id);
  } finally {
    db.close();
  }
  expect((await speaker.goto("/en/speaker"))?.status()).toBe(403);
  expect((await speaker.goto(second))?.status()).toBe(403);

  // A made-up link, and a browser that never opened one.
  expect((await speaker.goto(`/en/speaker/link/${"A".repeat(32)}`))?.status()).toBe(403);
  const stranger = await browser.newPage({ baseURL: AGENDA_BASE_URL });
  const signedOut = await stranger.goto("/zh-CN/speaker");
  expect(signedOut?.status()).toBe(401);
  await expect(stranger.getByRole("heading", { name: "请打开您的专属链接" })).toBeVisible();
  const oversized = await stranger.request.post("/en/speaker/photo", { multipart: { photo: { name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(3 * 1024 * 1024) } } });
  expect(oversized.status()).toBe(401);

  expect(auditActions(id)).toEqual(["speaker.create", "speaker.link.invite", "speaker.link.revoke", "speaker.link.renew"]);
  await context.close();
  await stranger.close();
});

test("an oversized photo is refused with the speaker's reason, and nothing is stored", async ({ organizerPage: page, browser }) => {
  const tag = randomUUID().slice(0, 8);
  const email = `speaker-${tag}@example.test`;
  const id = await addListedSpeaker(page, `Invented Speaker ${tag}`);
  await invite(page, id, email, "English");
  const context = await speakerContext(browser);
  const speaker = await context.newPage();
  await speaker.goto(linkPath(email));
  const big = await context.request.post("/en/speaker/photo", { multipart: { photo: { name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(3 * 1024 * 1024) } } });
  expect(big.status()).toBe(413);
  expect(await big.json()).toEqual({ error: "photoTooLarge" });
  await speaker.getByLabel(/New photo/).setInputFiles({ name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(3 * 1024 * 1024) });
  await speaker.getByRole("button", { name: "Upload photo" }).click();
  await expect(speaker.getByText("The file is larger than 2 MB.")).toBeVisible();
  expect(dbRows("select * from speaker_profile_drafts where speaker_id = ?", id)).toEqual([]);
  await context.close();
});

/** Writes to the agenda server's database: what the console has no form for in this story. */
function writeDb(sql: string, ...params: unknown[]): void {
  const db = new Database(process.env.E2E_AGENDA_DB!);
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

// A seeded (illustrative) session that no spec on the agenda editor's server visits.
const MATERIALS_SLUG = "talk-new-four-modernizations";

test("the speaker proposes slides and a recording for their own session; the session page shows them only once approved", async ({ organizerPage: page, browser }) => {
  const tag = randomUUID().slice(0, 8);
  const email = `speaker-materials-${tag}@example.test`;
  const id = await addListedSpeaker(page, `Invented Speaker ${tag}`);
  const [own] = dbRows<{ id: number }>("select s.id from sessions s join events e on e.id = s.event_id and e.is_current = 1 where s.slug = ?", MATERIALS_SLUG);
  const [other] = dbRows<{ id: number }>("select s.id from sessions s join events e on e.id = s.event_id and e.is_current = 1 where s.status = 'published' and s.slug <> ? order by s.id limit 1", MATERIALS_SLUG);
  // The organizers put the invented speaker on the session (the agenda editor's own story).
  writeDb("insert into session_speakers (session_id, speaker_id, role, position) values (?, ?, 'speaker', 99)", own!.id, id);
  await invite(page, id, email, "English");

  const context = await speakerContext(browser);
  const speaker = await context.newPage();
  await speaker.goto(linkPath(email));
  const materials = speaker.locator(`[data-session-materials="${own!.id}"]`);
  await expect(materials.getByRole("heading", { name: "Slides and recording" })).toBeVisible();

  // Another speaker's session: 404, and nothing is kept.
  const deck = await makePdf();
  const foreign = await context.request.post(`/en/speaker/sessions/${other!.id}/slides`, {
    data: deck,
    headers: { "content-type": "application/octet-stream", "x-file-name": "deck.pdf", origin: new URL(AGENDA_BASE_URL).origin },
  });
  expect(foreign.status()).toBe(404);
  expect(dbRows("select * from session_material_proposals where session_id = ?", other!.id)).toEqual([]);

  await expectHydrated(materials.getByRole("button", { name: "Upload" }));
  await materials.getByLabel("Your slides (PDF)").setInputFiles({ name: "deck.pdf", mimeType: "application/pdf", buffer: deck });
  await materials.getByRole("button", { name: "Upload" }).click();
  await expect(materials.getByText("Your slides were received and wait for the organisers' approval.")).toBeVisible();
  await materials.getByLabel("Link to the recording").fill("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  await materials.getByLabel("I agree to publish my slides on the session page").check();
  await materials.getByLabel("I agree to publish the recording on the session page").check();
  await materials.getByRole("button", { name: "Send for approval" }).click();
  await expect(materials.getByText(/^Sent\. The organisers will review it/)).toBeVisible();
  expect(dbRows("select status, recording_url, slides_consent, recording_consent from session_material_proposals where session_id = ?", own!.id)).toEqual([
    { status: "pending", recording_url: expect.stringContaining("dQw4w9WgXcQ"), slides_consent: 1, recording_consent: 1 },
  ]);

  // Not public yet.
  const visitor = await browser.newPage({ baseURL: AGENDA_BASE_URL });
  await visitor.goto(`/en/sessions/${MATERIALS_SLUG}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Download the slides (PDF)" })).toHaveCount(0);
  await expect(visitor.getByRole("button", { name: /^Play the recording/ })).toHaveCount(0);

  // The organizer sees it beside what is public, and approves it.
  await page.goto(`/en/admin/materials/${own!.id}`);
  const review = page.getByRole("table", { name: "What is public beside what the speaker proposed" });
  await expect(review.getByRole("row", { name: /Recording link/ }).getByRole("cell").nth(1)).toContainText("dQw4w9WgXcQ");
  await expect(review.getByRole("row", { name: /^Slides/ }).getByRole("cell").nth(1)).toContainText("PDF,");
  await page.getByRole("button", { name: "Approve and publish" }).click();
  await expect(page.getByRole("region", { name: "The speaker's proposal" })).toHaveCount(0);

  await visitor.reload();
  await expect(visitor.getByRole("link", { name: "Download the slides (PDF)" })).toBeVisible();
  await expect(visitor.getByRole("button", { name: /^Play the recording on YouTube/ })).toBeVisible();

  expect(emailsTo(email).map((e) => e.kind)).toEqual(["speaker-invitation", "speaker-materials-approved"]);
  expect(
    dbRows<{ action: string; actor: string }>("select action, actor from audit_log where entity = 'session' and entity_id = ? and action like 'materials.proposal.%' order by id", own!.id).map((r) => [r.action, r.actor.startsWith("speaker:") ? "speaker" : "organizer"]),
  ).toEqual([
    ["materials.proposal.slides", "speaker"],
    ["materials.proposal.submit", "speaker"],
    ["materials.proposal.approve", "organizer"],
  ]);
  await context.close();
  await visitor.close();
});
