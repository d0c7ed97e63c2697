import { captureAction, replayAction } from "./support/actions";
import { expect, test } from "./support/console";
import { AGENDA_BASE_URL, AgendaEditorPage, dbRows, unique } from "./pages/agenda-editor-page";

test.use({ baseURL: AGENDA_BASE_URL });

// No drafts here: e2e/admin-agenda.spec.ts publishes on this server and counts what it publishes.
const rooms = (nameEn: string) => dbRows<{ n: number }>("select count(*) as n from rooms where name_en = ?", nameEn)[0]!.n;

test("the editor asks a visitor to sign in and refuses staff", async ({ page, staffPage }) => {
  await page.goto("/en/admin/agenda");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fadmin%2Fagenda$/);
  expect((await staffPage.goto("/en/admin/agenda"))?.status()).toBe(403);
});

test("hand-made calls to the editor's actions are refused signed out (401) and as staff (403), and change nothing", async ({
  organizerPage,
  staffPage,
  playwright,
}) => {
  const editor = new AgendaEditorPage(organizerPage);
  const room = unique("Forged Room");
  await editor.goto();
  const add = organizerPage.getByRole("group", { name: "Add a room" });
  await add.getByLabel("Name (English)").fill(room);
  await add.getByLabel("Name (Chinese)").fill("伪造厅");
  const forgedRoom = await captureAction(organizerPage, () => add.getByRole("button", { name: "Add" }).click());
  await expect(editor.column(room)).toBeVisible();
  expect(rooms(room)).toBe(1);

  // The session form and the live check, captured without saving anything (the title is empty).
  await organizerPage.getByRole("button", { name: "New session" }).click();
  // The live check has answered for the form as it opened, so the next call is the save.
  await expect(editor.form.getByText(/^(No conflicts\.|Blocks saving|Warning)/).first()).toBeVisible();
  const forgedSession = await captureAction(organizerPage, () => editor.save());
  await expect(editor.form.getByLabel("Title (English)")).toHaveAccessibleDescription("Required.");
  const check = await captureAction(organizerPage, () => editor.form.getByLabel("Seat limit").fill("12"));

  const signedOut = await playwright.request.newContext({ baseURL: AGENDA_BASE_URL });
  for (const forged of [forgedRoom, forgedSession, check]) {
    expect((await replayAction(signedOut, forged)).status()).toBe(401);
    expect((await replayAction(staffPage.request, forged)).status()).toBe(403);
  }
  expect(rooms(room)).toBe(1);

  // The same call from an organizer goes through: the refusals above are the guard's, not a broken replay.
  expect((await replayAction(organizerPage.request, forgedRoom)).status()).toBe(200);
  expect(rooms(room)).toBe(2);
  await signedOut.dispose();
});
