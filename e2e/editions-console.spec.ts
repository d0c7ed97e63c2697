import { expect, test } from "./support/console";
import { AGENDA_BASE_URL, AgendaEditorPage, dbRows, unique } from "./pages/agenda-editor-page";
import { expectHydrated } from "./support/hydration";

// A new edition is a change to the whole database: it is made on the agenda editor's server of its
// own, where no spec counts editions, feeds or exports.
test.use({ baseURL: AGENDA_BASE_URL });

type Row = { id: number; slug: string; title_en: string; starts_at: number; ends_at: number; status: string };
const sessionsOf = (eventId: number) =>
  dbRows<Row>("select id, slug, title_en, starts_at, ends_at, status from sessions where event_id = ? order by starts_at, id", eventId);
const clock = (instant: number, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);

test("an admin creates a 2025 edition in Berlin from 2024, switches to it, and finds the copied drafts at Berlin wall-clock times", async ({
  adminPage: page,
}) => {
  const earlier = dbRows<{ id: number; name_en: string; time_zone: string }>("select id, name_en, time_zone from events where is_current = 1")[0]!;
  const before = sessionsOf(earlier.id);
  const editions = () => dbRows<{ n: number }>("select count(*) as n from events")[0]!.n;
  const count = editions();
  const name = unique("Forum Berlin");
  const acronym = `caf-${name.slice(-8)}`;

  await page.goto("/en/admin/editions");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Create edition" }) });
  await expectHydrated(form.getByRole("button", { name: "Create edition" }));
  await expect(page.getByRole("row", { name: new RegExp(earlier.name_en) })).toContainText("Current");

  // Bad input: each mistake is named at its field, and nothing is written.
  await form.getByLabel("Name (English)").fill(name);
  await form.getByLabel("Name (Chinese)").fill("柏林论坛");
  await form.getByLabel("Acronym").fill(acronym);
  await form.getByLabel("Address segment").fill("agenda");
  await form.getByLabel("First day").fill("2025-09-30");
  await form.getByLabel("Last day").fill("2025-09-29");
  await form.getByLabel("Time zone").fill("Europe/Atlantis");
  await form.getByLabel("Venue (English)").fill("Messe Berlin");
  await form.getByLabel("Venue (Chinese)").fill("柏林展览中心");
  await form.getByLabel("Copy rooms, tracks and sessions from").selectOption({ label: earlier.name_en });
  await form.getByRole("button", { name: "Create edition" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The edition was not created" })).toBeVisible();
  await expect(form.getByLabel("Last day")).toHaveAccessibleDescription(/The last day cannot come before the first\./);
  await expect(form.getByLabel("Time zone")).toHaveAccessibleDescription(/Not a time zone/);
  await expect(form.getByLabel("Address segment")).toHaveAccessibleDescription(/already a page of the site/);
  expect(editions()).toBe(count);

  // What was typed stays; the mistakes are corrected.
  await expect(form.getByLabel("Name (English)")).toHaveValue(name);
  await form.getByLabel("Address segment").fill(acronym.slice(4));
  await form.getByLabel("Last day").fill("2025-10-02");
  await form.getByLabel("Time zone").fill("Europe/Berlin");
  await form.getByRole("button", { name: "Create edition" }).click();
  const createdStatus = page.getByRole("status").filter({ hasText: `Created ${name}, with ` });
  await expect(createdStatus).toContainText(/with \d+ draft sessions\./);
  const reported = Number(/with (\d+) draft sessions/.exec((await createdStatus.textContent()) ?? "")![1]);
  const created = dbRows<{ id: number; time_zone: string; is_current: number }>("select id, time_zone, is_current from events where slug = ?", acronym)[0]!;
  expect(created).toMatchObject({ time_zone: "Europe/Berlin", is_current: 0 });

  // Switch the console to the new edition: the same page comes back, working on it.
  const switcher = page.getByTestId("console-edition");
  await expect(switcher).toContainText(`The console works on: ${earlier.name_en}`);
  await expectHydrated(switcher.getByRole("button", { name: "Switch" }));
  await switcher.getByLabel("Edition").selectOption({ label: name });
  await expect(switcher).toContainText(`The console works on: ${name}`);
  await expect(page).toHaveURL(/\/en\/admin\/editions$/);

  // The agenda editor shows the copies, never published, at 2024's clock times on Berlin's clocks.
  const editor = new AgendaEditorPage(page);
  await editor.goto();
  await expect(page.getByText("Times are the edition's local time: Europe/Berlin (UTC+2).")).toBeVisible();
  await expect(page.getByRole("group", { name: "Day" }).locator("button[aria-pressed]")).toHaveText(["Tue 30 Sep", "Wed 1 Oct", "Thu 2 Oct"]);
  // The agenda editor's specs share this server and may add, cancel or delete a 2024 session while
  // this one runs: what held both before and after the copy is what the copy must agree with.
  const copies = sessionsOf(created.id);
  const after = sessionsOf(earlier.id);
  const live = (rows: Row[]) => new Set(rows.filter((s) => s.status !== "cancelled").map((s) => s.slug));
  const [liveBefore, liveAfter] = [live(before), live(after)];
  const cancelledThroughout = before.filter((s) => s.status === "cancelled" && !liveAfter.has(s.slug)).map((s) => s.slug);
  const copied = new Set(copies.map((s) => s.slug));
  expect(copies).toHaveLength(reported);
  expect([...liveBefore].filter((slug) => liveAfter.has(slug) && !copied.has(slug))).toEqual([]);
  expect([...copied].filter((slug) => !liveBefore.has(slug) && !liveAfter.has(slug))).toEqual([]);
  expect(cancelledThroughout.filter((slug) => copied.has(slug))).toEqual([]);
  expect(new Set(copies.map((s) => s.status))).toEqual(new Set(["draft"]));
  const opening = before.find((s) => s.slug === "opening-ceremony")!;
  const copy = copies.find((s) => s.slug === opening.slug)!;
  const time = `${clock(opening.starts_at, earlier.time_zone)}–${clock(opening.ends_at, earlier.time_zone)}`;
  expect(`${clock(copy.starts_at, "Europe/Berlin")}–${clock(copy.ends_at, "Europe/Berlin")}`).toBe(time);
  const block = editor.block(opening.title_en);
  await expect(block).toHaveCount(1);
  await expect(block).toContainText(time);
  await expect(block).toContainText("Not yet published");
  // A 30-minute session shows its time and its whole title.
  await expect(block).toContainText(opening.title_en);
  expect(await block.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);

  // A room added to 2025 is 2025's alone.
  const room = unique("Berlin Hall");
  await editor.addRoom(room, 80);

  // Back on 2024: its editor shows its own sessions where they were, and nothing of 2025.
  await switcher.getByLabel("Edition").selectOption({ label: `${earlier.name_en} (current)` });
  await expect(switcher).toContainText(`The console works on: ${earlier.name_en}`);
  await expect(page).toHaveURL(/\/en\/admin\/agenda$/);
  await expectHydrated(editor.publishButton);
  await expect(page.getByText(`Times are the edition's local time: ${earlier.time_zone}`)).toBeVisible();
  await expect(editor.column(room)).toHaveCount(0);
  await expect(editor.block(opening.title_en)).toHaveCount(1);
  await expect(editor.block(opening.title_en)).toContainText(time);
  expect(sessionsOf(earlier.id).find((s) => s.id === opening.id)).toEqual(opening);
  expect(dbRows<{ n: number }>("select count(*) as n from rooms where name_en = ? and event_id = ?", room, earlier.id)[0]!.n).toBe(0);
});
