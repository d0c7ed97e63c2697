import { expect, test } from "./support/console";
import { AGENDA_BASE_URL, AgendaEditorPage, dbRows, unique } from "./pages/agenda-editor-page";

// Publishing applies every draft, so these tests run one after another; each uses rooms of its own.
test.describe.configure({ mode: "default" });
test.use({ baseURL: AGENDA_BASE_URL });

type Audit = { action: string; actor: string; before: string | null; after: string | null };
const sessionId = (titleEn: string) => dbRows<{ id: number }>("select id from sessions where title_en = ?", titleEn)[0]?.id;
const audits = (entity: string, id: number) =>
  dbRows<Audit>("select action, actor, before, after from audit_log where entity = ? and entity_id = ? order by id", entity, id);

test("a session is created by clicking a free slot, then dragged, resized and moved by keyboard", async ({ organizerPage: page }) => {
  const editor = new AgendaEditorPage(page);
  const room = unique("Drag Room");
  const title = unique("Dragged talk");
  await editor.goto();
  await editor.addRoom(room, 60);
  await editor.day("Fri 12 Jul");
  await editor.clickSlot(room, "19:00");
  await expect(editor.form.getByLabel("Room")).toHaveValue(/\d+/);
  await expect(editor.form.getByLabel("Start")).toHaveValue("19:00");
  await expect(editor.form.getByLabel("End")).toHaveValue("20:00");
  await editor.fillTitles(title, "拖动演讲");
  await editor.save();
  await editor.expectSaved(title);
  const block = editor.column(room).getByRole("button", { name: new RegExp(title) });
  await expect(block).toContainText("19:00–20:00");
  await expect(block).toContainText("Not yet published");

  await editor.drag(title, 4);
  await expect(editor.status).toContainText(`Moved: ${title}, 20:00–21:00.`);
  await expect(block).toContainText("20:00–21:00");

  await editor.drag(title, 2, { handle: true });
  await expect(editor.status).toContainText(`Moved: ${title}, 20:00–21:30.`);
  await expect(block).toContainText("20:00–21:30");

  await block.focus();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(editor.status).toContainText(`Moved: ${title}, 19:45–21:15.`);
  await expect(block).toContainText("19:45–21:15");
  await page.keyboard.press("Shift+Alt+ArrowUp");
  await expect(editor.status).toContainText(`Moved: ${title}, 19:45–21:00.`);
  await expect(block).toContainText("19:45–21:00");
  await page.keyboard.press("Alt+ArrowLeft");
  await expect(editor.block(title)).not.toHaveClass(/opacity-70/);
  await expect(editor.column(room).getByRole("button", { name: new RegExp(title) })).toHaveCount(0);
  await expect(editor.block(title)).toContainText("19:45–21:00");

  const id = sessionId(title)!;
  const actions = audits("session", id);
  expect(actions.map((a) => a.action)).toEqual([
    "session.create",
    "session.move",
    "session.move",
    "session.move",
    "session.move",
    "session.move",
  ]);
  const organizer = dbRows<{ id: number }>("select id from users where email = 'organizer@forum.test'")[0]!;
  expect(new Set(actions.map((a) => a.actor))).toEqual(new Set([`user:${organizer.id}`]));
  const lastMove = actions.at(-1)!;
  expect(JSON.parse(lastMove.before!).roomId).not.toBe(JSON.parse(lastMove.after!).roomId);
  // Still a draft: nothing public until someone publishes.
  expect(dbRows<{ status: string }>("select status from sessions where id = ?", id)[0]?.status).toBe("draft");
});

test("room clashes and impossible times block saving; double-booked people and seats over capacity warn until acknowledged", async ({
  organizerPage: page,
}) => {
  const editor = new AgendaEditorPage(page);
  const roomA = unique("Clash Room");
  const roomB = unique("Small Room");
  const first = unique("First talk");
  const second = unique("Second talk");
  await editor.goto();
  await editor.addRoom(roomA, 100);
  await editor.addRoom(roomB, 20);
  await editor.day("Sat 13 Jul");
  await editor.clickSlot(roomA, "19:00");
  await editor.fillTitles(first, "第一场");
  await editor.form.getByRole("button", { name: "Add a person" }).click();
  const person = await editor.form.getByLabel("Person 1").locator("option:checked").textContent();
  await editor.save();
  await editor.expectSaved(first);

  // Same room, overlapping: refused with the other session named.
  await editor.clickSlot(roomA, "20:00");
  await editor.fillTitles(second, "第二场");
  await editor.form.getByLabel("Start").fill("19:30");
  await editor.form.getByLabel("End").fill("20:30");
  const conflicts = editor.form.getByRole("listitem");
  await expect(conflicts.filter({ hasText: `The room is taken: “${first}” is there at the same time.` })).toBeVisible();
  await editor.save();
  await expect(editor.form.getByRole("alert")).toHaveText("Not saved: the conflicts below must be resolved first.");

  // Another room, the same person, more seats than the room holds: warnings.
  await editor.form.getByLabel("Room").selectOption({ label: roomB });
  await editor.form.getByLabel("Seat limit").fill("30");
  await editor.form.getByRole("button", { name: "Add a person" }).click();
  await editor.form.getByLabel("Person 1").selectOption({ label: person! });
  await expect(conflicts.filter({ hasText: `${person} is also in “${first}” at the same time.` })).toBeVisible();
  await expect(conflicts.filter({ hasText: "The seat limit of 30 is above the room's capacity of 20." })).toBeVisible();
  await expect(conflicts.filter({ hasText: "Blocks saving" })).toHaveCount(0);
  await editor.save();
  await expect(editor.form.getByRole("alert")).toHaveText("Not saved: confirm the warnings below to save anyway.");
  expect(sessionId(second)).toBeUndefined();
  await editor.form.getByLabel("I have read the warnings and want to save anyway").check();
  await editor.save();
  await editor.expectSaved(second);
  expect(sessionId(second)).toBeDefined();

  // An end before the start, and a day outside the forum (a value the day list does not offer).
  const edit = editor.form;
  await edit.getByLabel("End").fill("18:00");
  await expect(conflicts.filter({ hasText: "The session ends before it starts." })).toBeVisible();
  await editor.save();
  await expect(edit.getByRole("alert")).toHaveText("Not saved: the conflicts below must be resolved first.");
  await edit.getByLabel("End").fill("20:30");
  await edit.getByLabel("Day").evaluate((select: HTMLSelectElement) => select.add(new Option("14 July", "2024-07-14")));
  await edit.getByLabel("Day").selectOption("2024-07-14");
  await expect(conflicts.filter({ hasText: "The session is outside the forum's days" })).toBeVisible();
  await editor.save();
  await expect(edit.getByRole("alert")).toHaveText("Not saved: the conflicts below must be resolved first.");
  const stored = dbRows<{ starts_at: number; ends_at: number }>("select starts_at, ends_at from sessions s join session_drafts d on d.session_id = s.id where s.id = ?", sessionId(second)!);
  expect(stored).toHaveLength(1);
  expect(audits("session", sessionId(second)!).map((a) => a.action)).toEqual(["session.create"]);

  // A drag onto the first session's room and time is refused by the same check.
  await editor.form.getByRole("button", { name: "Close" }).click();
  await editor.drag(second, 0, { toRoom: roomA });
  await expect(editor.alert).toContainText("Not saved: the conflicts below must be resolved first.");
  await expect(editor.alert).toContainText(`The room is taken: “${first}”`);
  await expect(editor.column(roomB).getByRole("button", { name: new RegExp(second) })).toBeVisible();
});

test("bad input: empty and overlong fields, unknown room, track and person, and a stale edit each say why and change nothing", async ({
  organizerPage: page,
  adminPage,
}) => {
  const editor = new AgendaEditorPage(page);
  const room = unique("Input Room");
  const title = unique("Input talk");
  await editor.goto();
  await editor.addRoom(room, 50);
  await editor.day("Thu 11 Jul");
  await editor.clickSlot(room, "20:00");
  await editor.save();
  await expect(editor.form.getByLabel("Title (English)")).toHaveAccessibleDescription("Required.");
  await editor.form.getByLabel("Title (English)").fill("x".repeat(201));
  await editor.form.getByLabel("Title (Chinese)").fill("标题");
  await editor.save();
  await expect(editor.form.getByLabel("Title (English)")).toHaveAccessibleDescription("Too long.");

  await editor.fillTitles(title, "输入测试");
  const roomSelect = editor.form.getByLabel("Room");
  await roomSelect.evaluate((select: HTMLSelectElement) => select.add(new Option("Nowhere", "999999")));
  await roomSelect.selectOption("999999");
  await editor.save();
  await expect(editor.form.getByRole("alert")).toHaveText("That room does not exist. Nothing was saved.");
  await roomSelect.selectOption({ label: room });
  const trackSelect = editor.form.getByLabel("Track");
  await trackSelect.evaluate((select: HTMLSelectElement) => select.add(new Option("None such", "999999")));
  await trackSelect.selectOption("999999");
  await editor.save();
  await expect(editor.form.getByRole("alert")).toHaveText("That track does not exist. Nothing was saved.");
  await trackSelect.selectOption("");
  await editor.form.getByRole("button", { name: "Add a person" }).click();
  const personSelect = editor.form.getByLabel("Person 1");
  await personSelect.evaluate((select: HTMLSelectElement) => select.add(new Option("Nobody", "999999")));
  await personSelect.selectOption("999999");
  await editor.save();
  await expect(editor.form.getByRole("alert")).toHaveText("One of the people does not exist. Nothing was saved.");
  expect(sessionId(title)).toBeUndefined();

  // The people the article quotes are real: the picker does not offer them, and says why...
  const offered = await personSelect.locator("option").allTextContents();
  expect(offered).toContain("Moderator");
  for (const name of ["Wang Yao", "Liu Jining", "Lu Fangzhou"]) expect(offered).not.toContain(name);
  await expect(editor.form.getByText("The people the source article quotes are real and are not offered here")).toBeVisible();
  // ...and a request crafted to name one anyway is refused on the server, whatever the role.
  const wang = dbRows<{ id: number }>("select id from speakers where slug = 'wang-yao'")[0]!;
  await personSelect.evaluate((select: HTMLSelectElement, id) => select.add(new Option("Wang Yao", String(id))), wang.id);
  for (const role of ["Speaker", "Moderator", "Panelist"]) {
    await personSelect.selectOption(String(wang.id));
    await editor.form.getByLabel("Role 1").selectOption({ label: role });
    await editor.save();
    await expect(editor.form.getByRole("alert")).toHaveText(
      "A real person named in the source article cannot be placed on a session: the program is illustrative, and no real person is its speaker, moderator or panellist. Nothing was saved.",
    );
  }
  expect(sessionId(title)).toBeUndefined();
  expect(dbRows("select * from session_speakers where speaker_id = ?", wang.id)).toEqual([]);
  await editor.form.getByRole("button", { name: /^Remove/ }).click();
  await editor.save();
  await editor.expectSaved(title);

  // Two organizers open the same session; the second save names the change it missed.
  const other = new AgendaEditorPage(adminPage);
  await other.goto();
  await other.day("Thu 11 Jul");
  await other.block(title).click();
  await editor.form.getByLabel("Title (English)").fill(`${title} (organizer)`);
  await other.form.getByLabel("Title (English)").fill(`${title} (admin)`);
  await other.save();
  await other.expectSaved(`${title} (admin)`);
  await editor.save();
  await expect(editor.form.getByRole("alert")).toHaveText(
    "Someone else changed this session meanwhile. Reload to see their change, then make yours again. Nothing was saved.",
  );
  const id = sessionId(title)!;
  const draft = dbRows<{ data: string; revision: number }>("select data, revision from session_drafts where session_id = ?", id)[0]!;
  expect(JSON.parse(draft.data).titleEn).toBe(`${title} (admin)`);
  expect(draft.revision).toBe(2);
});

// One session's way to the public agenda, a step a test: each builds on the one before.
test.describe("publishing makes the draft public as a numbered version, with its changes listed in both languages", () => {
  test.describe.configure({ mode: "serial" });
  const room = unique("Publish Room");
  const title = unique("Published talk");
  let slug = "";
  let first = 0;
  let second = 0;
  let third = 0;

  test("a session added through the form alone is a draft, not on the public agenda", async ({ organizerPage: page }) => {
    const editor = new AgendaEditorPage(page);
    await editor.goto();
    await editor.addRoom(room, 80, "发布厅");
    // The form alone, without the grid: the keyboard user's way in.
    await page.getByRole("button", { name: "New session" }).click();
    await editor.fillTitles(title, `${title} 中文`);
    await editor.form.getByLabel("Abstract (English)").fill("What the public reads.");
    await editor.form.getByLabel("Type").selectOption({ label: "Panel" });
    await editor.form.getByLabel("Track").selectOption({ index: 1 });
    await editor.form.getByLabel("Room").selectOption({ label: room });
    await editor.form.getByLabel("Day").selectOption("2024-07-12");
    await editor.form.getByLabel("Start").fill("21:00");
    await editor.form.getByLabel("End").fill("22:00");
    await editor.form.getByLabel("Seat limit").fill("40");
    await editor.form.getByRole("button", { name: "Add a person" }).click();
    await editor.form.getByLabel("Role 1").selectOption("moderator");
    await editor.save();
    await editor.expectSaved(title);

    await page.goto("/en/agenda?day=2024-07-12");
    await expect(page.getByRole("link", { name: title }).first()).toHaveCount(0);
  });

  test("publishing puts it on the agenda and its own page", async ({ organizerPage: page }) => {
    const editor = new AgendaEditorPage(page);
    await editor.goto();
    first = await editor.publish();
    await page.goto("/en/agenda?day=2024-07-12");
    await expect(page.getByRole("link", { name: title, exact: true }).first()).toBeAttached();
    slug = dbRows<{ slug: string }>("select slug from sessions where title_en = ?", title)[0]!.slug;
    const sessionPage = await page.goto(`/en/sessions/${slug}`);
    expect(sessionPage?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByText("What the public reads.")).toBeVisible();
  });

  test("a move by keyboard, published, is the next version, listed before and after in both languages", async ({ organizerPage: page }) => {
    const editor = new AgendaEditorPage(page);
    await editor.goto();
    await editor.day("Fri 12 Jul");
    const block = editor.column(room).getByRole("button", { name: new RegExp(title) });
    await block.focus();
    // Four quick presses, each sent once the one before is answered: all four count.
    for (let i = 0; i < 4; i++) await page.keyboard.press("Alt+ArrowUp");
    await expect(editor.status).toContainText(`Moved: ${title}, 20:00–21:00.`);
    await expect(block).toContainText("20:00–21:00");
    await expect(block).not.toHaveClass(/opacity-70/);
    second = await editor.publish();
    expect(second).toBe(first + 1);

    await page.goto("/en/agenda/changes");
    const version = page.getByRole("region", { name: `Version ${second}` });
    await expect(version.getByRole("listitem").filter({ hasText: title })).toContainText(
      "Moved" + title + " — from Fri 12 Jul 21:00–22:00 to Fri 12 Jul 20:00–21:00",
    );
    await expect(page.getByRole("region", { name: `Version ${first}` }).getByRole("listitem").filter({ hasText: title })).toContainText(
      `Added${title} — Fri 12 Jul 21:00–22:00, ${room}`,
    );
    await page.goto("/zh-CN/agenda/changes");
    await expect(page.getByRole("region", { name: `第 ${second} 版` }).getByRole("listitem").filter({ hasText: `${title} 中文` })).toContainText("调整时间");
    await page.goto("/en/agenda");
    await page.getByRole("link", { name: "See what has changed" }).click();
    await expect(page).toHaveURL(/\/en\/agenda\/changes$/);
  });

  test("cancelling keeps the session public, marked as cancelled", async ({ organizerPage: page }) => {
    const editor = new AgendaEditorPage(page);
    await editor.goto();
    await editor.day("Fri 12 Jul");
    await editor.column(room).getByRole("button", { name: new RegExp(title) }).click();
    await editor.form.getByLabel("Cancelled (stays on the public agenda, marked as cancelled)").check();
    await editor.save();
    await editor.expectSaved(title);
    third = await editor.publish();
    await page.goto(`/en/sessions/${slug}`);
    await expect(page.getByText("This session has been cancelled.")).toBeVisible();
    await page.goto("/en/agenda/changes");
    await expect(page.getByRole("region", { name: `Version ${third}` }).getByRole("listitem").filter({ hasText: title })).toContainText("Cancelled");
  });

  test("with nothing left to publish, a clear answer and no new version; each publication is in the audit log", async ({ organizerPage: page }) => {
    const editor = new AgendaEditorPage(page);
    await editor.goto();
    await editor.publishButton.click();
    await expect(page.getByRole("status").filter({ hasText: "Nothing to publish" })).toBeVisible();
    expect(dbRows<{ n: number }>("select max(number) as n from schedule_versions")[0]?.n).toBe(third);

    const id = sessionId(title)!;
    const publications = dbRows<{ entity_id: number; after: string }>("select entity_id, after from audit_log where action = 'schedule.publish' order by id");
    expect(publications.map((p) => p.entity_id).slice(-3)).toEqual([first, second, third]);
    expect(JSON.parse(publications.at(-1)!.after).changes).toContainEqual(expect.objectContaining({ kind: "cancelled", sessionId: id }));
  });
});

test("a never-published session can be deleted; rooms and tracks are edited in both languages", async ({ organizerPage: page }) => {
  const editor = new AgendaEditorPage(page);
  const room = unique("Venue Room");
  const title = unique("Deleted talk");
  await editor.goto();
  await editor.addRoom(room, 30);
  await editor.day("Thu 11 Jul");
  await editor.clickSlot(room, "21:00");
  await editor.fillTitles(title, "删除");
  await editor.save();
  await editor.expectSaved(title);
  const id = sessionId(title)!;
  await editor.form.getByRole("button", { name: "Delete session" }).click();
  await expect(editor.status).toContainText("Session deleted.");
  await expect(editor.block(title)).toHaveCount(0);
  expect(sessionId(title)).toBeUndefined();
  expect(audits("session", id).map((a) => a.action)).toEqual(["session.create", "session.delete"]);

  const roomForm = page.getByRole("group", { name: `Room ${room}`, exact: true });
  await roomForm.getByLabel("Name (Chinese)").fill("新名称厅");
  await roomForm.getByLabel("Capacity").fill("0");
  await roomForm.getByRole("button", { name: "Save" }).click();
  await expect(roomForm.getByLabel("Capacity")).toHaveAccessibleDescription("Not valid.");
  await roomForm.getByLabel("Capacity").fill("45");
  await roomForm.getByRole("button", { name: "Save" }).click();
  await expect(roomForm.getByRole("status")).toHaveText("Saved.");
  const roomRow = dbRows<{ id: number; name_zh: string; capacity: number }>("select id, name_zh, capacity from rooms where name_en = ?", room)[0]!;
  expect(roomRow).toMatchObject({ name_zh: "新名称厅", capacity: 45 });
  expect(audits("room", roomRow.id).map((a) => a.action)).toEqual(["room.create", "room.update"]);

  const track = unique("Track");
  const addTrack = page.getByRole("group", { name: "Add a track" });
  await addTrack.getByLabel("Name (English)").fill(track);
  await addTrack.getByLabel("Name (Chinese)").fill("专题");
  await addTrack.getByLabel("Colour (#rrggbb)").fill("red");
  await addTrack.getByRole("button", { name: "Add" }).click();
  await expect(addTrack.getByLabel("Colour (#rrggbb)")).toHaveAccessibleDescription("Not valid.");
  await addTrack.getByLabel("Colour (#rrggbb)").fill("#0F766E");
  await addTrack.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("group", { name: `Track ${track}` })).toBeVisible();
  const trackRow = dbRows<{ id: number; color: string }>("select id, color from tracks where name_en = ?", track)[0]!;
  expect(trackRow.color).toBe("#0f766e");
  expect(audits("track", trackRow.id).map((a) => a.action)).toEqual(["track.create"]);
});
