import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "./support/console";
import { one, openDatabase, query } from "./fixtures/content-db";

// An edition of its own (not current, so nothing the other specs read changes), with invented
// people: the console is switched to it by its cookie, and its audience is exactly these people.
const run = randomBytes(3).toString("hex");
const DAY = "2031-09-16";
const SPEAKER_EMAIL = `speaker-${run}@example.test`;

type Person = { id: number; email: string };

let editionId = 0;
const people = {} as Record<"ada" | "li" | "noor" | "wen", Person>;

function addPerson(db: ReturnType<typeof openDatabase>, name: string, over: { locale?: string; status?: string; news?: boolean }): Person {
  const code = `CAF-AN${randomBytes(4).toString("hex").toUpperCase()}`;
  const email = `${code.toLowerCase()}@example.test`;
  const { lastInsertRowid } = db
    .prepare(
      `insert into registrations (event_id, code, manage_token_hash, status, full_name, email, email_key, organisation, job_title, category, days, privacy_consent_at, locale, consent_news, confirmed_at)
       values (?, ?, ?, ?, ?, ?, ?, 'Invented Org', 'Tester', 'industry', ?, ?, ?, ?, ?)`,
    )
    .run(editionId, code, createHash("sha256").update(code).digest("hex"), over.status ?? "confirmed", name, email, email, JSON.stringify([DAY]), Date.now(), over.locale ?? "en", over.news === false ? 0 : 1, Date.now());
  return { id: Number(lastInsertRowid), email };
}

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  if (editionId) return;
  const db = openDatabase();
  try {
    db.transaction(() => {
      editionId = (
        db
          .prepare(
            `insert into events (slug, path, is_current, name_en, name_zh, venue_en, venue_zh, time_zone, start_date, end_date)
             values (?, ?, 0, ?, '公告测试论坛', 'Invented Hall', '虚构会堂', 'Asia/Shanghai', ?, ?) returning id`,
          )
          .get(`caf-an${run}`, `an${run}`, `Announcement Test Forum ${run}`, DAY, DAY) as { id: number }
      ).id;
      people.ada = addPerson(db, `Ada Invented ${run}`, {});
      people.li = addPerson(db, `李虚构 ${run}`, { locale: "zh-CN" });
      people.noor = addPerson(db, `Noor Invented ${run}`, { news: false });
      people.wen = addPerson(db, `Wen Invented ${run}`, { status: "waiting" });
      const session = db
        .prepare(
          `insert into sessions (event_id, slug, type, status, starts_at, ends_at, title_en, title_zh) values (?, ?, 'talk', 'published', ?, ?, 'Invented Talk', '虚构演讲') returning id`,
        )
        .get(editionId, `an-talk-${run}`, Date.parse(`${DAY}T02:00:00Z`), Date.parse(`${DAY}T03:00:00Z`)) as { id: number };
      const speaker = db.prepare("insert into speakers (slug, name_en, name_zh, listed) values (?, ?, ?, 0) returning id").get(`an-speaker-${run}`, `Sam Invented ${run}`, `虚构讲者${run}`) as { id: number };
      db.prepare("insert into session_speakers (session_id, speaker_id, role) values (?, ?, 'speaker')").run(session.id, speaker.id);
      db.prepare("insert into speaker_invitations (speaker_id, email, locale, token_hash, expires_at) values (?, ?, 'zh-CN', ?, ?)").run(
        speaker.id,
        SPEAKER_EMAIL,
        randomBytes(32).toString("hex"),
        Date.now() + 86_400_000,
      );
    })();
  } finally {
    db.close();
  }
});

const announcementsOf = () => query<{ id: number; status: string }>("select id, status from announcements where event_id = ? order by id", editionId);

test("an organizer writes an announcement in both languages, previews it, tests it and sends it to each person in their language", async ({ organizerPage: page, baseURL }) => {
  await page.context().addCookies([{ name: "forum-console-edition", value: String(editionId), url: baseURL! }]);
  await page.goto("/en/admin");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Announcements" }).click();
  await expect(page.getByRole("heading", { name: "Announcements", level: 1 })).toBeVisible();

  const count = page.getByRole("status").filter({ hasText: /This audience reaches|Counting/ });
  await page.getByLabel("Subject in English").fill(`Doors open at 8 ${run}`);
  await page.getByLabel("Message in English").fill("The doors of the hall open at 8:00.\n\nPlease bring your ticket.");
  await page.getByLabel("Message in Chinese").fill("会堂八点开门。\n\n请携带电子门票。");
  // News reaches the confirmed people who agreed to news: Ada and Li, not Noor.
  await page.getByLabel(/^News:/).check();
  await expect(count).toHaveText("This audience reaches 2 people");
  await page.getByLabel("Waiting list").check();
  await expect(count).toHaveText("This audience reaches 3 people");
  // A service message reaches everyone in the audience, and the speaker with an address.
  await page.getByLabel(/^Service:/).check();
  await expect(count).toHaveText("This audience reaches 4 people");
  await page.getByLabel(/^Speakers of this edition/).check();
  await expect(count).toHaveText("This audience reaches 5 people");

  // Without its Chinese subject the announcement is not saved, and the field says why.
  await page.getByRole("button", { name: "Save and preview" }).click();
  await expect(page.getByLabel("Subject in Chinese")).toHaveAccessibleDescription("Write this: the announcement goes out in both languages.");
  expect(announcementsOf()).toEqual([]);

  await page.getByLabel("Subject in Chinese").fill(`八点开门 ${run}`);
  await page.getByRole("button", { name: "Save and preview" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/announcements\?id=\d+$/);
  const id = Number(new URL(page.url()).searchParams.get("id"));
  await expect(page.getByText("This audience reaches 5 people")).toBeVisible();
  const english = page.getByRole("region", { name: "Preview in English" });
  await expect(english).toContainText(`Doors open at 8 ${run}`);
  await expect(english).toContainText("Dear Ada Example,");
  await expect(english).toContainText("Please bring your ticket.");
  const chinese = page.getByRole("region", { name: "Preview in Chinese" });
  await expect(chinese).toContainText(`八点开门 ${run}`);
  await expect(chinese).toContainText("请携带电子门票。");
  await expect(chinese).not.toContainText("Please bring your ticket.");

  // The test goes to the organizer alone, in both languages, through the outbox.
  await page.getByRole("button", { name: "Send a test to me" }).click();
  await expect(page.getByRole("status").filter({ hasText: "A test in both languages" })).toContainText("organizer@forum.test");
  const tests = query<{ subject: string }>("select subject from outbox where \"to\" = 'organizer@forum.test' and kind = 'announcement' and subject like ? order by id", `%${run}`);
  expect(tests.map((t) => t.subject)).toEqual([`[TEST] Doors open at 8 ${run}`, `[TEST] 八点开门 ${run}`]);
  expect(one<{ n: number }>("select count(*) n from announcement_recipients where announcement_id = ?", id)!.n).toBe(0);

  // An old tab of the same draft, open while the announcement is sent from this one.
  const stale = await page.context().newPage();
  await stale.goto(page.url());

  // Send, after a confirm step.
  await page.getByRole("button", { name: "Send to 5 people…" }).click();
  await expect(page.getByText("Send this announcement to 5 people now?")).toBeVisible();
  await page.getByRole("button", { name: "Send now" }).click();
  await expect(page.getByRole("heading", { name: "Recipients" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Send to/ })).toHaveCount(0);

  // Sending again from the old tab is refused, and writes nothing.
  await stale.getByRole("button", { name: "Send to 5 people…" }).click();
  await stale.getByRole("button", { name: "Send now" }).click();
  await expect(stale.getByRole("alert").filter({ hasText: "already" })).toHaveText("This announcement has already been sent: it cannot be changed or sent again.");
  expect(one<{ n: number }>("select count(*) n from announcement_recipients where announcement_id = ?", id)!.n).toBe(5);

  // The mail log: each person once, in their language.
  const mails = () =>
    query<{ to: string; subject: string; text: string; status: string }>(
      "select o.\"to\", o.subject, o.text, o.status from announcement_recipients r join outbox o on o.id = r.outbox_id where r.announcement_id = ? order by r.id",
      id,
    );
  const byAddress = Object.fromEntries(mails().map((m) => [m.to, m]));
  expect(Object.keys(byAddress).sort()).toEqual([people.ada.email, people.li.email, people.noor.email, people.wen.email, SPEAKER_EMAIL].sort());
  expect(byAddress[people.ada.email]!.subject).toBe(`Doors open at 8 ${run}`);
  expect(byAddress[people.ada.email]!.text).toContain(`Dear Ada Invented ${run},`);
  expect(byAddress[people.li.email]!.subject).toBe(`八点开门 ${run}`);
  expect(byAddress[people.li.email]!.text).toContain("请携带电子门票。");
  expect(byAddress[SPEAKER_EMAIL]!.subject).toBe(`八点开门 ${run}`);
  expect(byAddress[people.wen.email]!.subject).toBe(`Doors open at 8 ${run}`);
  // At 60 a minute the five go out within a few seconds; the console shows each one's progress.
  await expect.poll(() => mails().filter((m) => m.status !== "pending").length, { timeout: 20_000 }).toBe(5);
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "sent," })).toHaveText("5 sent, 0 pending, 0 failed, of 5");
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(6);
  await expect(table.getByRole("row", { name: new RegExp(`李虚构 ${run}`) })).toContainText("Chinese");
  await expect(table.getByRole("row", { name: new RegExp(`Sam Invented ${run}`) })).toContainText("speaker");
  const audit = query<{ action: string }>("select action from audit_log where entity = 'announcement' and entity_id = ? order by id", id);
  expect(audit.map((a) => a.action)).toEqual(["announcement.create", "announcement.test", "announcement.send"]);
});

test("a send to an empty audience is refused with a clear error, and a staff member cannot open the page", async ({ organizerPage: page, staffPage, baseURL }) => {
  await page.context().addCookies([{ name: "forum-console-edition", value: String(editionId), url: baseURL! }]);
  await page.goto("/en/admin/announcements");
  await page.getByLabel("Subject in English").fill(`Speakers' news ${run}`);
  await page.getByLabel("Message in English").fill("News for speakers.");
  await page.getByLabel("Subject in Chinese").fill(`嘉宾资讯 ${run}`);
  await page.getByLabel("Message in Chinese").fill("嘉宾资讯。");
  await page.getByLabel(/^News:/).check();
  await page.getByLabel("Confirmed attendees").uncheck();
  await page.getByLabel(/^Speakers of this edition/).check();
  // A speaker was never asked about news: no one.
  await expect(page.getByRole("status").filter({ hasText: /This audience reaches|Counting/ })).toHaveText("This audience reaches no one");
  await page.getByRole("button", { name: "Save and preview" }).click();
  await expect(page).toHaveURL(/\?id=\d+$/);
  const id = Number(new URL(page.url()).searchParams.get("id"));
  const before = one<{ n: number }>("select count(*) n from outbox")!.n;
  await page.getByRole("button", { name: "Send to 0 people…" }).click();
  await page.getByRole("button", { name: "Send now" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No one is in this audience" })).toHaveText(
    "No one is in this audience: choose other groups or filters before sending.",
  );
  expect(one<{ n: number }>("select count(*) n from outbox")!.n).toBe(before);
  expect(one<{ status: string }>("select status from announcements where id = ?", id)!.status).toBe("draft");

  // A forged id is a 404; staff have no console page for announcements at all.
  expect((await page.goto("/en/admin/announcements?id=999999"))?.status()).toBe(404);
  expect((await staffPage.goto("/en/admin/announcements"))?.status()).toBe(403);
});
