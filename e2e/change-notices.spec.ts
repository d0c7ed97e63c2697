import { randomUUID } from "node:crypto";
import { expect, test } from "./support/console";
import { AGENDA_BASE_URL, AgendaEditorPage, dbRows, unique } from "./pages/agenda-editor-page";
import { addListedSpeaker, invite } from "./support/speakers";

// Publishing applies every draft of the agenda server, whose specs run one after another.
test.describe.configure({ mode: "default" });
test.use({ baseURL: AGENDA_BASE_URL });

type Notice = { id: number; to: string; subject: string; text: string; attachments: string | null };

test("a published move emails the person who starred the session; its stop link stops them, and the ticket page undoes it", async ({
  organizerPage: page,
  request,
}) => {
  const editor = new AgendaEditorPage(page);
  const room = unique("Notice Room");
  const title = unique("Noticed talk");
  await editor.goto();
  await editor.addRoom(room, 80, "通知厅");
  await page.getByRole("button", { name: "New session" }).click();
  await editor.fillTitles(title, `${title} 中文`);
  await editor.form.getByLabel("Room").selectOption({ label: room });
  await editor.form.getByLabel("Day").selectOption("2024-07-12");
  await editor.form.getByLabel("Start").fill("21:00");
  await editor.form.getByLabel("End").fill("22:00");
  await editor.save();
  await editor.expectSaved(title);
  await editor.publish();
  const { slug } = dbRows<{ slug: string }>("select slug from sessions where title_en = ?", title)[0]!;

  // An invented attendee registers and stars the session, as the agenda page's star does.
  const email = `notice-${randomUUID()}@example.test`;
  const registered = await request.post("/api/v1/registrations", {
    data: { fullName: "Noor Example", email, organisation: "Example Motors", jobTitle: "Engineer", category: "industry", days: ["2024-07-12"], consent: true },
  });
  expect(registered.status()).toBe(201);
  const { manageToken } = (await registered.json()) as { manageToken: string };
  const starred = await request.post("/api/v1/me/stars", { headers: { authorization: `Bearer ${manageToken}` }, data: { sessions: [slug] } });
  expect(starred.status()).toBe(200);

  // The organizer moves it a quarter of an hour earlier; the panel says who will hear of it.
  await editor.goto();
  await editor.day("Fri 12 Jul");
  const block = editor.column(room).getByRole("button", { name: new RegExp(title) });
  await block.focus();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(editor.status).toContainText(`Moved: ${title}, 20:45–21:45.`);
  await editor.goto();
  await expect(page.getByText(/Publishing will email \d+ attendees? about the changes/)).toBeVisible();
  await editor.publishButton.click();
  await expect(page.getByRole("status").filter({ hasText: /Version \d+ is public/ })).toContainText(/change notices? (is|are) on (its|their) way/);

  // Queued with the publication, then written into the outbox by the mail worker.
  const notices = () =>
    dbRows<Notice>(
      "select o.id, o.\"to\", o.subject, o.text, o.attachments from outbox o join registrations r on r.id = o.registration_id where r.email = ? and o.kind = 'change-notice'",
      email,
    );
  await expect.poll(() => notices().length, { timeout: 15_000 }).toBe(1);
  const [notice] = notices();
  expect(notice!.to).toBe(email);
  expect(notice!.subject).toContain("one of your sessions");
  expect(notice!.text).toContain(`“${title}”`);
  expect(notice!.text).toContain("Time: Fri 12 Jul 21:00–22:00 → Fri 12 Jul 20:45–21:45");
  const [ics] = JSON.parse(notice!.attachments!) as { contentType: string; content: string }[];
  expect(ics!.contentType).toContain("method=PUBLISH");
  expect(ics!.content).toContain("DTSTART:20240712T124500Z");

  // The stop link: opening it changes nothing; the button stops the notices.
  const stopPath = new URL(/https?:\/\/\S+\/notices\/[A-Za-z0-9_-]+/.exec(notice!.text)![0]).pathname;
  await page.goto(stopPath);
  await expect(page.getByText("Noor Example, you receive an email")).toBeVisible();
  const offAt = () => dbRows<{ off: number | null }>("select change_notices_off_at off from registrations where email = ?", email)[0]!.off;
  expect(offAt()).toBeNull();
  await page.getByRole("button", { name: "Stop change notices" }).click();
  await expect(page.getByRole("status")).toContainText("You will receive no more change notices.");
  expect(offAt()).not.toBeNull();

  // The ticket page shows the choice and undoes it.
  await page.goto(`/en/ticket/${manageToken}`);
  const section = page.getByRole("region", { name: "Change notices" });
  await expect(section).toContainText("You stopped change notices");
  await section.getByRole("button", { name: "Receive change notices again" }).click();
  await expect(section).toContainText("You receive an email when a session you starred or booked moves");
  await expect(section.getByRole("button", { name: "Stop change notices" })).toBeVisible();
  expect(offAt()).toBeNull();
  const trail = dbRows<{ action: string }>(
    "select a.action from audit_log a join registrations r on a.entity = 'registration' and a.entity_id = r.id where r.email = ? and a.action like 'change-notices.%' order by a.id",
    email,
  );
  expect(trail.map((a) => a.action)).toEqual(["change-notices.stop", "change-notices.resume"]);

  // A forged stop link is a plain 404.
  const forged = await page.goto(`${stopPath.slice(0, -4)}AAAA`);
  expect(forged?.status()).toBe(404);
});

test("a speaker invited to the portal hears of a move of their session, in their language; the panel counts them first", async ({ organizerPage: page }) => {
  const name = unique("Notice Speaker");
  const email = `speaker-notice-${randomUUID()}@example.test`;
  const speakerId = await addListedSpeaker(page, name);
  await invite(page, speakerId, email, "Chinese");

  const editor = new AgendaEditorPage(page);
  const room = unique("Speaker Notice Room");
  const title = unique("Spoken talk");
  await editor.goto();
  await editor.addRoom(room, 80, "嘉宾通知厅");
  await page.getByRole("button", { name: "New session" }).click();
  await editor.fillTitles(title, `${title} 中文`);
  await editor.form.getByLabel("Room").selectOption({ label: room });
  await editor.form.getByLabel("Day").selectOption("2024-07-13");
  await editor.form.getByLabel("Start").fill("20:00");
  await editor.form.getByLabel("End").fill("21:00");
  await editor.form.getByRole("button", { name: "Add a person" }).click();
  await editor.form.getByLabel("Person 1").selectOption({ label: name });
  await editor.save();
  await editor.expectSaved(title);
  await editor.publish();

  await editor.goto();
  await editor.day("Sat 13 Jul");
  const block = editor.column(room).getByRole("button", { name: new RegExp(title) });
  await block.focus();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(editor.status).toContainText(`Moved: ${title}, 19:45–20:45.`);
  await editor.goto();
  await expect(page.getByText("It will also email 1 speaker of a changed session, at the address of their speaker-portal invitation.")).toBeVisible();
  await editor.publishButton.click();
  await expect(page.getByRole("status").filter({ hasText: /Version \d+ is public/ })).toContainText(/change notices? (is|are) on (its|their) way/);

  // Written with the publication, in the language of the invitation, with the moved calendar entry.
  const notices = dbRows<Notice>("select id, \"to\", subject, text, attachments from outbox where \"to\" = ? and kind = 'speaker-change-notice'", email);
  expect(notices).toHaveLength(1);
  expect(notices[0]!.subject).toContain("您演讲的1个场次有变动");
  expect(notices[0]!.text).toContain(`“${title} 中文”`);
  expect(notices[0]!.text).toContain("/zh-CN/speaker");
  expect(notices[0]!.text).not.toContain("/notices/");
  const [ics] = JSON.parse(notices[0]!.attachments!) as { contentType: string; content: string }[];
  expect(ics!.content).toContain("DTSTART:20240713T114500Z");
});
