import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expect, test } from "./support/console";
import { one, openDatabase, query } from "./fixtures/content-db";

// Feedback and certificates need an edition that is on now: sessions that have ended, and the
// window (until a week after the forum) still open. The seeded forum is long past, so this spec
// adds an edition of its own, dated around today on its own clocks, as editions-public.spec.ts adds
// a past one: not current, so that nothing the other specs read changes. Its people are invented.

const ZONE = "Asia/Shanghai";
const run = randomBytes(3).toString("hex");
const EDITION = { slug: `caffb${run}`, path: `fb${run}`, name: `Feedback Test Forum ${run}` };
const RATED = `Invented Talk on Test Benches ${run}`;
const OTHER = `Invented Panel on Another Day ${run}`;

/** YYYY-MM-DD on the forum's clocks, `days` from today. */
function forumDay(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(new Date(Date.now() + days * 86_400_000));
}

/** The instant the forum's clocks show `date` `time` (Shanghai keeps UTC+8 all year). */
const at = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`);

type Person = { id: number; code: string; token: string; name: string };

function addPerson(db: ReturnType<typeof openDatabase>, eventId: number, days: string[], name: string): Person {
  const token = randomBytes(24).toString("base64url");
  const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  const code = `CAF-${Array.from(randomBytes(8), (b) => alphabet[b % alphabet.length]).join("")}`;
  const email = `${code.toLowerCase()}@example.test`;
  const { lastInsertRowid } = db
    .prepare(
      `insert into registrations (event_id, code, manage_token_hash, status, full_name, email, email_key, organisation, job_title, category, days, privacy_consent_at, confirmed_at)
       values (?, ?, ?, 'confirmed', ?, ?, ?, 'Invented Org', 'Tester', 'industry', ?, ?, ?)`,
    )
    .run(eventId, code, createHash("sha256").update(token).digest("hex"), name, email, email, JSON.stringify(days), Date.now(), Date.now());
  return { id: Number(lastInsertRowid), code, token, name };
}

let editionId = 0;
let rated = 0;
let other = 0;
let attendee: Person;
let absentee: Person;
const first = forumDay(-2);

test.beforeAll(() => {
  // Fully parallel, a worker runs this hook before each test it takes from this file, with the
  // module (and its invented edition) already loaded: the edition is made once.
  if (editionId) return;
  const db = openDatabase();
  try {
    db.transaction(() => {
      const event = db
        .prepare(
          `insert into events (slug, path, is_current, name_en, name_zh, venue_en, venue_zh, time_zone, start_date, end_date)
           values (?, ?, 0, ?, '反馈测试论坛', 'Invented Hall', '虚构会堂', ?, ?, ?) returning id`,
        )
        .get(EDITION.slug, EDITION.path, EDITION.name, ZONE, first, forumDay(0)) as { id: number };
      editionId = event.id;
      const room = db.prepare("insert into rooms (event_id, slug, name_en, name_zh) values (?, 'hall', 'Hall', '会堂') returning id").get(editionId) as { id: number };
      const session = db.prepare(
        `insert into sessions (event_id, slug, type, status, starts_at, ends_at, room_id, title_en, title_zh)
         values (?, ?, 'talk', 'published', ?, ?, ?, ?, ?) returning id`,
      );
      rated = (session.get(editionId, `rated-${run}`, at(first, "10:00"), at(first, "11:00"), room.id, RATED, `虚构演讲 ${run}`) as { id: number }).id;
      other = (session.get(editionId, `other-${run}`, at(forumDay(-1), "10:00"), at(forumDay(-1), "11:00"), room.id, OTHER, `虚构论坛 ${run}`) as { id: number }).id;
      attendee = addPerson(db, editionId, [first], `Ada Invented ${run}`);
      absentee = addPerson(db, editionId, [first], `Bo Invented ${run}`);
      db.prepare("insert into check_ins (registration_id, day, method) values (?, ?, 'code')").run(attendee.id, first);
    })();
  } finally {
    db.close();
  }
});

test("an attendee rates a past session through their link; the organizer sees the answer and exports it", async ({ page, organizerPage, baseURL }) => {
  // The ticket page ties this browser to the registration (the personal agenda's token).
  await page.goto(`/en/ticket/${attendee.token}`);
  const panel = page.getByRole("region", { name: "Rate the sessions you attended" });
  await expect(panel.getByText(RATED)).toBeVisible();
  await expect(panel).not.toContainText(OTHER);
  await expect.poll(() => page.evaluate(() => localStorage.getItem("forum.manageToken"))).toBe(attendee.token);

  // The session page is the same for everyone; the link to rate it appears in this browser only.
  await page.goto(`/en/${EDITION.path}/sessions/rated-${run}`);
  await page.getByRole("link", { name: "Rate this session" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(RATED);

  // Sent without a rating: refused, nothing written.
  await page.getByRole("button", { name: "Send my feedback" }).click();
  await expect(page.getByText("Choose a rating from 1 to 5.")).toBeVisible();
  expect(query("select id from session_feedback where registration_id = ?", attendee.id)).toHaveLength(0);

  // A rating outside 1 to 5, as a hand-made request would send it: refused, nothing written.
  await page.reload();
  await expect(page.getByText("Choose a rating from 1 to 5.")).toHaveCount(0);
  await page.getByRole("radio", { name: "5 stars" }).evaluate((radio: HTMLInputElement) => {
    radio.value = "9";
    radio.checked = true;
  });
  await page.getByRole("button", { name: "Send my feedback" }).click();
  await expect(page.getByText("Choose a rating from 1 to 5.")).toBeVisible();
  expect(query("select id from session_feedback where registration_id = ?", attendee.id)).toHaveLength(0);

  await page.getByRole("radio", { name: "4 stars" }).check();
  await page.getByLabel("Comment (optional)").fill(`Clear and useful ${run}`);
  await page.getByRole("button", { name: "Send my feedback" }).click();
  await expect(page.getByRole("status")).toContainText("Thank you: your feedback is saved.");

  // One answer per person and session: a change replaces it.
  await page.reload();
  await expect(page.getByText("You rated this session 4 of 5.")).toBeVisible();
  await page.getByRole("radio", { name: "5 stars" }).check();
  await page.getByRole("button", { name: "Save my changes" }).click();
  await expect(page.getByRole("status")).toContainText("Thank you");
  const rows = query<{ id: number; rating: number; comment: string }>("select id, rating, comment from session_feedback where registration_id = ?", attendee.id);
  expect(rows).toEqual([{ id: expect.any(Number), rating: 5, comment: `Clear and useful ${run}` }]);
  expect(query<{ action: string }>("select action from audit_log where entity = 'session_feedback' and entity_id = ? order by id", rows[0]!.id).map((r) => r.action)).toEqual([
    "feedback.create",
    "feedback.update",
  ]);

  // A session of a day the person did not register for is forbidden; a forged link is not found.
  const forbidden = await page.goto(`/en/ticket/${attendee.token}/feedback/${other}`);
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not a session you registered for");
  const forged = await page.goto(`/en/ticket/${randomBytes(24).toString("base64url")}/feedback/${rated}`);
  expect(forged?.status()).toBe(404);

  // The organizer, working on this edition, sees the answer and exports it.
  await organizerPage.context().addCookies([{ name: "forum-console-edition", value: String(editionId), url: baseURL! }]);
  await organizerPage.goto("/en/admin/feedback");
  const row = organizerPage.getByRole("row", { name: new RegExp(RATED) });
  await expect(row.getByRole("cell").nth(1)).toHaveText("1");
  await expect(row.getByRole("cell").nth(2)).toHaveText("5.00");
  await organizerPage.getByRole("link", { name: /^Average/ }).click();
  await expect(organizerPage.getByRole("row").nth(1)).toContainText(RATED);
  await row.getByRole("link", { name: RATED }).click();
  await expect(organizerPage.getByRole("row", { name: new RegExp(attendee.name) })).toContainText(`Clear and useful ${run}`);

  await organizerPage.goto("/en/admin/feedback");
  const [download] = await Promise.all([organizerPage.waitForEvent("download"), organizerPage.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^feedback-${EDITION.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = fs.readFileSync((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe("\uFEFFsession,title,startsAt,code,fullName,rating,comment,answeredAt");
  expect(csv).toContain(`rated-${run},${RATED},`);
  expect(csv).toContain(`,${attendee.code},${attendee.name},5,Clear and useful ${run},`);
  // Only this edition's answers: no line of another edition's sessions.
  expect(csv.trim().split("\r\n")).toHaveLength(2);
});

test("a checked-in attendee downloads a certificate in both languages, and a third party verifies it", async ({ page, request }) => {
  await page.goto(`/en/ticket/${attendee.token}`);
  const section = page.getByRole("region", { name: "Certificate of attendance" });
  const [download] = await Promise.all([page.waitForEvent("download"), section.getByRole("link", { name: "Download the certificate (PDF)" }).click()]);
  const pdf = fs.readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const text = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join("");
  const stored = one<{ code: string }>("select code from certificates where registration_id = ?", attendee.id);
  expect(stored?.code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){4}$/);
  for (const part of ["Certificate of attendance", "参会证明", attendee.name, EDITION.name, "反馈测试论坛", "Invented Hall", stored!.code]) expect(text).toContain(part);

  // The verification page shows the name, the forum and the days, and nothing else of the person.
  const verify = await page.goto(`/en/verify/${stored!.code}`);
  expect(verify?.status()).toBe(200);
  await expect(page.getByRole("status")).toHaveText("This certificate is valid.");
  const main = page.getByRole("main");
  await expect(main).toContainText(attendee.name);
  await expect(main).toContainText(EDITION.name);
  await expect(main).not.toContainText(attendee.code);
  await expect(main).not.toContainText("example.test");
  await page.goto(`/zh-CN/verify/${stored!.code.toLowerCase()}`);
  await expect(page.getByRole("status")).toHaveText("此证明真实有效。");

  // An unknown code, and a certificate for someone never checked in: refused, nothing written.
  expect((await page.goto("/en/verify/ABCD-EFGH-JKMN-PQRS-TUVW"))?.status()).toBe(404);
  const refused = await request.get(`/en/ticket/${absentee.token}/certificate.pdf`);
  expect(refused.status()).toBe(403);
  expect(query("select id from certificates where registration_id = ?", absentee.id)).toHaveLength(0);
  expect((await request.get(`/en/ticket/${randomBytes(24).toString("base64url")}/certificate.pdf`)).status()).toBe(404);
});
