import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { captureAction, replayAction } from "./support/actions";
import { E2E_USERS, expect, test } from "./support/console";
import { auditRows, insertTestSpeaker, one, query, userActor } from "./fixtures/content-db";

type QuoteRow = { id: number; speaker_id: number; source_id: number; session_id: number | null; kind: string; text: string; language: string; translation: string | null };

const quotesOf = (speakerId: number) => query<QuoteRow>("select * from quotes where speaker_id = ? order by id", speakerId);

// Inner spacing, marks and case exactly as a source might print them: saved word for word.
const words = (tag: string) => `We  will keep EVERY word — “even inner quotes” — of ${tag}, as said.`;

async function fillQuote(page: Page, speaker: string, text: string) {
  await page.goto("/en/admin/quotes/new");
  await page.getByLabel("Speaker", { exact: true }).selectOption({ label: speaker });
  await page.getByLabel("Words", { exact: true }).fill(text);
  await page.getByLabel("Translation (optional)").fill("我们会保留每一个字。");
  await page.getByRole("checkbox", { name: "Software" }).check();
  await page.getByRole("checkbox", { name: "Exports and global markets" }).check();
}

test.describe("quotes in the console", () => {
  // Whole journeys of several saves each, on a server that re-renders public pages after each.
  test.describe.configure({ timeout: 60_000 });

  test("a quote without a source is refused, and nothing is saved", async ({ organizerPage: page }) => {
    const speaker = insertTestSpeaker();
    await fillQuote(page, speaker.name, words("no source"));
    await page.getByRole("button", { name: "Save quote" }).click();
    await expect(page.getByText("A quote needs a source: choose one on file or add a new one.")).toBeVisible();
    await expect(page.getByLabel("Source", { exact: true })).toHaveAttribute("aria-invalid", "true");
    // What was typed stays.
    await expect(page.getByLabel("Words", { exact: true })).toHaveValue(words("no source"));

    // A new source without its title and date is no source either.
    await page.getByRole("radio", { name: "A new source" }).check();
    await page.getByLabel("Address (optional)").fill("ftp://example.com/x");
    await page.getByRole("button", { name: "Save quote" }).click();
    await expect(page.getByText("Enter this.")).toHaveCount(2);
    await expect(page.getByText("Enter an address that starts with http:// or https://.")).toBeVisible();
    expect(quotesOf(speaker.id)).toEqual([]);
  });

  test("an organizer adds a quote with a new source, edits it, finds it and deletes it; each step is audited", async ({ organizerPage: page }) => {
    const speaker = insertTestSpeaker();
    const tag = randomUUID().slice(0, 8);
    const sourceTitle = `Test report ${tag}`;
    await fillQuote(page, speaker.name, `  ${words(tag)}  `);
    await page.getByRole("radio", { name: "A new source" }).check();
    await page.getByLabel("Title").fill(sourceTitle);
    await page.getByLabel("Publication date").fill("2024-07-25");
    await page.getByLabel("Address (optional)").fill(`https://example.com/${tag}`);
    await page.getByRole("button", { name: "Save quote" }).click();
    await expect(page.getByText("Quote added.")).toBeVisible();

    const [quote] = quotesOf(speaker.id);
    expect(quote).toMatchObject({ kind: "direct", language: "en", text: words(tag), translation: "我们会保留每一个字。", session_id: null });
    const source = one<{ id: number; title: string; publisher: string | null; published_on: string; url: string }>(
      "select * from sources where id = ?",
      quote!.source_id,
    );
    expect(source).toMatchObject({ title: sourceTitle, publisher: null, published_on: "2024-07-25", url: `https://example.com/${tag}` });
    expect(query("select topic_id from quote_topics where quote_id = ?", quote!.id)).toHaveLength(2);
    await expect(page).toHaveURL(new RegExp(`/en/admin/quotes/${quote!.id}\\?created=1$`));

    const actor = userActor(E2E_USERS.organizer.email);
    expect(auditRows("source", source!.id).map((r) => [r.action, r.actor])).toEqual([["source.create", actor]]);
    const created = auditRows("quote", quote!.id);
    expect(created.map((r) => [r.action, r.actor])).toEqual([["quote.create", actor]]);
    expect(JSON.parse(created[0]!.after!)).toMatchObject({ text: words(tag), sourceId: source!.id });

    // Edit: a paraphrase now, the seeded article as its source, one topic fewer.
    await page.getByLabel("Kind").selectOption({ label: "Paraphrase" });
    await page.getByLabel("Words", { exact: true }).fill(`The speaker said ${tag} would be kept.`);
    const article = await page.locator("#quote-sourceId option", { hasText: "Industry experts address auto sector" }).getAttribute("value");
    await page.getByLabel("Source", { exact: true }).selectOption(article!);
    await page.getByRole("checkbox", { name: "Software" }).uncheck();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Changes saved.")).toBeVisible();
    const updated = auditRows("quote", quote!.id).at(-1)!;
    expect(updated.action).toBe("quote.update");
    expect(JSON.parse(updated.before!)).toMatchObject({ kind: "direct", text: words(tag), sourceId: source!.id });
    expect(JSON.parse(updated.after!)).toMatchObject({ kind: "paraphrase", text: `The speaker said ${tag} would be kept.` });
    expect(JSON.parse(updated.after!).topicIds).toHaveLength(1);

    // The list finds it by speaker and by its words.
    await page.goto("/en/admin/quotes");
    await page.getByLabel("Speaker").selectOption({ label: speaker.name });
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(new RegExp(`speaker=${speaker.id}`));
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText("Paraphrase");
    await expect(rows.nth(1)).toContainText("Private");
    await page.getByLabel("Search").fill("no such words here at all");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page.getByText("No quote matches.")).toBeVisible();
    await page.goto(`/en/admin/quotes?q=${tag}`);
    await page.getByRole("link", { name: new RegExp(tag) }).click();

    // A private speaker's quote is not public.
    expect((await page.request.get(`/en/quotes/${quote!.id}`)).status()).toBe(404);

    await page.getByRole("button", { name: "Delete quote" }).click();
    await expect(page.getByText("Quote deleted.")).toBeVisible();
    expect(quotesOf(speaker.id)).toEqual([]);
    expect(auditRows("quote", quote!.id).at(-1)?.action).toBe("quote.delete");
  });

  test("unknown speaker, session, topic and source ids, bad dates and overlong words are refused", async ({ organizerPage: page }) => {
    const speaker = insertTestSpeaker();
    await fillQuote(page, speaker.name, words("unknown ids"));
    // The form offers only what exists; add what a crafted request could send.
    for (const select of ["#quote-speakerId", "#quote-sessionId", "#quote-sourceId"]) {
      await page.locator(select).evaluate((el: HTMLSelectElement) => {
        el.add(new Option("ghost", "999999999"));
        el.value = "999999999";
      });
    }
    await page.getByRole("checkbox", { name: "Software" }).evaluate((el: HTMLInputElement) => {
      el.value = "999999999";
    });
    await page.getByRole("button", { name: "Save quote" }).click();
    await expect(page.getByText("This speaker does not exist (any more).")).toBeVisible();
    await expect(page.getByText("This session does not exist (any more).")).toBeVisible();
    await expect(page.getByText("One of these topics does not exist (any more).")).toBeVisible();
    await expect(page.getByText("This source does not exist (any more).")).toBeVisible();

    await fillQuote(page, speaker.name, `“${words("marks")}”`);
    await page.getByLabel("Said on (optional)").evaluate((el: HTMLInputElement) => {
      el.type = "text";
      el.value = "2024-02-30";
    });
    await page.getByLabel("Source", { exact: true }).selectOption({ index: 1 });
    await page.getByRole("button", { name: "Save quote" }).click();
    await expect(page.getByText("Leave out the quotation marks around the words: the site adds them.")).toBeVisible();
    await expect(page.getByText("Enter a real date as YYYY-MM-DD.")).toBeVisible();

    await page.getByLabel("Words", { exact: true }).fill("x".repeat(2001));
    await page.getByRole("button", { name: "Save quote" }).click();
    await expect(page.getByText("Too long: at most 2000 characters.")).toBeVisible();
    await page.getByLabel("Words", { exact: true }).fill("   ");
    await page.getByRole("button", { name: "Save quote" }).click();
    await expect(page.getByText("Enter this.")).toBeVisible();
    expect(quotesOf(speaker.id)).toEqual([]);
  });

  test("signed out or as staff, the quote actions refuse and change nothing", async ({ organizerPage: page, staffPage, playwright }) => {
    const speaker = insertTestSpeaker();
    await fillQuote(page, speaker.name, words("replayed"));
    await page.getByLabel("Source", { exact: true }).selectOption({ index: 1 });
    const create = await captureAction(page, () => page.getByRole("button", { name: "Save quote" }).click());
    await expect(page.getByText("Quote added.")).toBeVisible();
    const [quote] = quotesOf(speaker.id);
    const remove = await captureAction(page, () => page.getByRole("button", { name: "Delete quote" }).click());
    await expect(page.getByText("Quote deleted.")).toBeVisible();

    const anonymous = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
    try {
      for (const action of [create, remove]) {
        expect((await replayAction(anonymous, action)).status()).toBe(401);
        expect((await replayAction(staffPage.request, action)).status()).toBe(403);
      }
    } finally {
      await anonymous.dispose();
    }
    expect(quotesOf(speaker.id)).toEqual([]);
    expect(auditRows("quote", quote!.id).map((r) => r.action)).toEqual(["quote.create", "quote.delete"]);
    expect(
      query("select id from audit_log where actor = ? and entity in ('quote', 'source')", userActor(E2E_USERS.staff.email)),
    ).toEqual([]);

    expect((await staffPage.goto("/en/admin/quotes"))?.status()).toBe(403);
    expect((await staffPage.goto(`/en/admin/quotes/new`))?.status()).toBe(403);
  });

  test("the quote form, with its errors showing, passes axe in both languages", async ({ organizerPage: page }) => {
    for (const locale of ["en", "zh-CN"]) {
      await page.goto(`/${locale}/admin/quotes/new`);
      await page.locator("#quote-text").fill("Some words");
      await page.getByRole("button", { name: locale === "en" ? "Save quote" : "保存观点" }).click();
      await expect(page.locator("#quote-speakerId")).toHaveAttribute("aria-invalid", "true");
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    }
  });
});
