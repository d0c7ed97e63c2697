import Database from "better-sqlite3";
import { expect, test } from "./support/console";
import type { Page } from "@playwright/test";
import { AgendaEditorPage, unique } from "./pages/agenda-editor-page";
import { RegisterPage, attendee } from "./pages/register-page";
import { expectHydrated } from "./support/hydration";

// The whole life of a new edition, on a server of its own (playwright.config.ts): the edition made
// current here would change what every other spec reads at the unprefixed addresses.
const STORY_BASE_URL = `http://127.0.0.1:${process.env.E2E_STORY_PORT}`;
test.use({ baseURL: STORY_BASE_URL });
// The second test deletes and archives around what the first leaves: 2024 archived, with people.
test.describe.configure({ mode: "serial" });

function dbRows<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(process.env.E2E_STORY_DB!, { readonly: true });
  db.pragma("busy_timeout = 5000");
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

// A forum still to come (a 2025 forum would be over by now): three days in Berlin, two hours ahead
// of UTC in late September (CEST).
const EDITION = {
  name: "China Auto Forum 2027 Berlin",
  nameZh: "2027中国汽车论坛（柏林）",
  acronym: "caf2027",
  path: "2027",
  first: "2027-09-28",
  last: "2027-09-30",
  zone: "Europe/Berlin",
};

/**
 * What a visitor reads of a page of 2024: without the banner an archived edition gains, its buttons
 * (starring is for the current edition's program, the one the personal agenda plans) and the
 * navigation between editions.
 */
async function mainText(page: Page, path: string): Promise<string> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  return page.locator("main").evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    for (const note of copy.querySelectorAll('p[role="note"]')) if (/took place|已于.*举行/.test(note.textContent ?? "")) note.remove();
    for (const button of copy.querySelectorAll("button")) button.remove();
    // Once there are two editions, the quote archive links each: navigation, not 2024's content.
    for (const nav of copy.querySelectorAll("nav")) nav.remove();
    return copy.innerText;
  });
}

/** The bytes of each 2024 feed and export, and what 2024's own pages and console say. */
async function snapshot2024(page: Page) {
  const files: Record<string, string> = {};
  for (const path of ["/editions/2024/schedule.json", "/editions/2024/schedule.xml", "/editions/2024/agenda.ics", "/api/v1/sessions?edition=caf2024", "/api/v1/speakers?edition=caf2024", "/api/v1/quotes?edition=caf2024"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    files[path] = await response.text();
  }
  const pages: Record<string, string> = {};
  for (const path of ["/en/2024/agenda", "/zh-CN/2024/agenda", "/en/2024/sessions/opening-ceremony", "/en/2024/quotes"]) {
    pages[path] = await mainText(page, path);
  }
  const counts = dbRows<{ status: string; n: number }>(
    "select status, count(*) as n from registrations where event_id = (select id from events where path = '2024') group by status order by status",
  );
  const checkIns = dbRows<{ n: number }>(
    "select count(*) as n from check_ins c join registrations r on r.id = c.registration_id where r.event_id = (select id from events where path = '2024')",
  )[0]!.n;
  return { files, pages, counts, checkIns };
}

test("a new edition in Berlin is created, programmed, published, made current, registered for and checked in, and 2024 stays exactly as it was", async ({
  adminPage: page,
}) => {
  test.setTimeout(240_000);

  // 2024 before: one registration, and what its pages, feeds and exports say.
  const regular = new RegisterPage(page);
  await regular.register(attendee({ fullName: "Before Berlin" }));
  const before = await snapshot2024(page);
  expect(before.counts.length).toBeGreaterThan(0);

  // The organizer's side: a new edition in another zone, with 2024's rooms and tracks.
  await page.goto("/en/admin/editions");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Create edition" }) });
  await expectHydrated(form.getByRole("button", { name: "Create edition" }));
  await form.getByLabel("Name (English)").fill(EDITION.name);
  await form.getByLabel("Name (Chinese)").fill(EDITION.nameZh);
  await form.getByLabel("Acronym").fill(EDITION.acronym);
  await form.getByLabel("Address segment").fill(EDITION.path);
  await form.getByLabel("First day").fill(EDITION.first);
  await form.getByLabel("Last day").fill(EDITION.last);
  await form.getByLabel("Time zone").fill(EDITION.zone);
  await form.getByLabel("Venue (English)").fill("Messe Berlin");
  await form.getByLabel("Venue (Chinese)").fill("柏林展览中心");
  await form.getByLabel("Line under the name on the home page (English)").fill("The forum's first edition abroad.");
  await form.getByLabel("Line under the name on the home page (Chinese)").fill("论坛首次在海外举办。");
  await form.getByLabel("Registration mode").selectOption({ label: "Open: confirmed at once" });
  await form.getByLabel("Copy rooms, tracks and sessions from").selectOption({ label: "2024 China Auto Forum" });
  await form.getByRole("button", { name: "Create edition" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created ${EDITION.name}` })).toBeVisible();

  const switcher = page.getByTestId("console-edition");
  await expectHydrated(switcher.getByRole("button", { name: "Switch" }));
  await switcher.getByLabel("Edition").selectOption({ label: EDITION.name });
  await expect(switcher).toContainText(`The console works on: ${EDITION.name}`);

  // A session of its own, in a room of its own, published.
  const editor = new AgendaEditorPage(page);
  await editor.goto();
  await expect(page.getByText("Times are the edition's local time: Europe/Berlin (UTC+2).")).toBeVisible();
  const room = unique("Spree Hall");
  await editor.addRoom(room, 120);
  await editor.clickSlot(room, "10:00");
  const title = unique("Charging Europe's roads");
  await editor.fillTitles(title, `欧洲道路充电 ${title.slice(-8)}`);
  await editor.save();
  await editor.expectSaved(title);
  await editor.publish();
  const session = dbRows<{ slug: string; starts_at: number }>(
    "select slug, starts_at from sessions where title_en = ? and event_id = (select id from events where path = ?)",
    title,
    EDITION.path,
  )[0]!;
  expect(new Date(session.starts_at).toISOString()).toBe("2027-09-28T08:00:00.000Z");

  // Made current: the unprefixed addresses show it, in Berlin time.
  await page.goto("/en/admin/editions");
  const makeCurrent = page.getByRole("button", { name: `Make ${EDITION.name} the current edition` });
  await expectHydrated(makeCurrent);
  await makeCurrent.click();
  await expect(page.getByRole("row", { name: new RegExp(EDITION.name) })).toContainText("Current");

  await page.goto("/en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(EDITION.name);
  await expect(page.getByText("The forum's first edition abroad.")).toBeVisible();
  await page.goto("/en/agenda");
  await expect(page.getByText("All times are forum time: Central European Time, UTC+2.")).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await page.goto(`/en/sessions/${session.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator("main time").first()).toContainText(/10:00.*UTC\+2/);
  await page.goto(`/zh-CN/agenda`);
  await expect(page.getByText("所有时间均为论坛当地时间：中欧时间，UTC+2。")).toBeVisible();
  const ics = await (await page.request.get(`/editions/${EDITION.path}/agenda.ics`)).text();
  // The calendar names the zone, and the session's start is 10:00 in Berlin, 08:00 UTC.
  expect(ics).toContain("X-WR-TIMEZONE:Europe/Berlin");
  const event = ics.slice(ics.indexOf(`SUMMARY:${title}`) - 200, ics.indexOf(`SUMMARY:${title}`));
  expect(event).toContain("DTSTART:20270928T080000Z");
  expect(await (await page.request.get("/agenda.ics")).text()).toBe(ics);

  // An attendee registers for it, on its own days.
  const person = attendee({ fullName: unique("Berlin Visitor"), days: ["Tuesday 28 September 2027"] });
  await regular.register(person);
  await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
  const registration = dbRows<{ code: string; event_path: string }>(
    "select r.code, e.path as event_path from registrations r join events e on e.id = r.event_id where r.email = ?",
    person.email,
  )[0]!;
  expect(registration.event_path).toBe(EDITION.path);

  // Checked in at the door, on the edition's first day, in Berlin time.
  await page.goto("/en/checkin");
  await page.getByLabel("Day").selectOption(EDITION.first);
  await page.getByLabel("Registration code or name").fill(registration.code);
  await page.getByRole("button", { name: "Check in or search" }).click();
  await expect(page.getByText("Checked in", { exact: true })).toBeVisible();
  await page.getByLabel("Registration code or name").fill(registration.code);
  await page.getByRole("button", { name: "Check in or search" }).click();
  // The check-in happened now, on Berlin's clocks: UTC+1 in winter, UTC+2 in summer.
  const offsetNow = new Intl.DateTimeFormat("en", { timeZone: EDITION.zone, timeZoneName: "shortOffset" })
    .formatToParts(new Date())
    .find((p) => p.type === "timeZoneName")!
    .value.replace("GMT", "UTC");
  await expect(page.getByText(`(forum time, ${offsetNow}) by Administrator.`)).toBeVisible();

  // 2024 is an archive now: its feeds and exports are the same bytes, its pages say the same, its
  // counts did not move, and its registration form is closed.
  const after = await snapshot2024(page);
  for (const path of Object.keys(before.files)) expect(after.files[path], path).toBe(before.files[path]);
  for (const path of Object.keys(before.pages)) expect(after.pages[path], path).toBe(before.pages[path]);
  expect(after.counts).toEqual(before.counts);
  expect(after.checkIns).toBe(before.checkIns);
  await page.goto("/en/2024/agenda");
  await expect(page.getByRole("note").filter({ hasText: /took place/ })).toBeVisible();

  // The console's 2024 lists hold none of 2027's people.
  await page.goto("/en/admin/attendees");
  await switcher.getByLabel("Edition").selectOption({ label: "2024 China Auto Forum" });
  await expect(switcher).toContainText("The console works on: 2024 China Auto Forum");
  await page.goto("/en/admin/attendees");
  await expect(page.getByText("Before Berlin").first()).toBeVisible();
  await expect(page.getByText(person.fullName)).toHaveCount(0);
});

test("an edition somebody registered for cannot be deleted; archived, its console is read-only and it cannot be made current", async ({
  adminPage: page,
}) => {
  test.setTimeout(120_000);
  // An edition of its own, so that the story above is left alone.
  const name = unique("Mistake Forum");
  const path = `m${name.slice(-8)}`;
  await page.goto("/en/admin/editions");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Create edition" }) });
  await expectHydrated(form.getByRole("button", { name: "Create edition" }));
  await form.getByLabel("Name (English)").fill(name);
  await form.getByLabel("Name (Chinese)").fill("误建论坛");
  await form.getByLabel("Acronym").fill(path);
  await form.getByLabel("Address segment").fill(path);
  await form.getByLabel("First day").fill("2028-05-02");
  await form.getByLabel("Last day").fill("2028-05-03");
  await form.getByLabel("Time zone").fill("Asia/Tokyo");
  await form.getByLabel("Venue (English)").fill("Tokyo Big Sight");
  await form.getByLabel("Venue (Chinese)").fill("东京国际展览中心");
  await form.getByRole("button", { name: "Create edition" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created ${name}` })).toBeVisible();
  const id = dbRows<{ id: number }>("select id from events where path = ?", path)[0]!.id;

  // Archived: the switcher says the console is read-only there, and it cannot be made current.
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expectHydrated(row.getByRole("button", { name: `Archive ${name}` }));
  await row.getByRole("button", { name: `Archive ${name}` }).click();
  await expect(row).toContainText("Archived: read-only");
  await expect(row.getByRole("button", { name: `Make ${name} the current edition` })).toHaveCount(0);
  const switcher = page.getByTestId("console-edition");
  await expectHydrated(switcher.getByRole("button", { name: "Switch" }));
  await switcher.getByLabel("Edition").selectOption({ label: name });
  await expect(switcher).toContainText(`${name} is archived: nothing in it can be changed here.`);

  // A write to it anyway (the agenda editor's room form) is refused and writes nothing.
  await page.goto("/en/admin/agenda");
  const add = page.getByRole("group", { name: "Add a room" });
  await expectHydrated(add.getByRole("button", { name: "Add" }));
  await add.getByLabel("Name (English)").fill("Refused Hall");
  await add.getByLabel("Name (Chinese)").fill("被拒厅");
  await add.getByLabel("Capacity").fill("10");
  await add.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByText(/the edition the console works on is archived and read-only/)).toBeVisible();
  expect(dbRows("select id from rooms where event_id = ?", id)).toEqual([]);

  // Reopened, and deleted: it goes with its program.
  await page.goto("/en/admin/editions");
  await expectHydrated(row.getByRole("button", { name: `Reopen ${name} for editing` }));
  await row.getByRole("button", { name: `Reopen ${name} for editing` }).click();
  await expect(row.getByRole("button", { name: `Make ${name} the current edition` })).toBeVisible();
  await row.getByText("Delete…").click();
  await row.getByRole("button", { name: `Delete ${name} for good` }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
  expect(dbRows("select id from events where id = ?", id)).toEqual([]);

  // 2024, archived by the story above but registered for, is refused, with the reason, whole.
  const earlier = page.getByRole("row", { name: /2024 China Auto Forum/ });
  await earlier.getByText("Delete…").click();
  await earlier.getByRole("button", { name: "Delete 2024 China Auto Forum for good" }).click();
  await expect(earlier.getByRole("alert")).toContainText(/registered for this edition: it cannot be deleted/);
  expect(dbRows("select id from events where path = '2024'")).toHaveLength(1);
});
