import en from "../messages/en.json";
import { forumCapacity } from "../lib/registration/capacity";
import { daysBetween, formatDay, zoneOffsetMinutes } from "../lib/time";
import { one, query } from "./fixtures/content-db";
import { expect, test } from "./support/console";

const TABLES = [
  "Confirmed against capacity",
  "Registrations over time",
  "Categories (not cancelled)",
  "Days: check-ins against confirmed attendees",
  "Seat-limited sessions",
] as const;
const CATEGORIES = ["industry", "media", "government", "academia", "other"] as const;

function seatFigures() {
  const event = one<{ capacity: number | null }>("select capacity from events limit 1")!;
  const count = (status: string) => one<{ n: number }>("select count(*) n from registrations where status = ?", status)!.n;
  const overrides = one<{ n: number }>("select count(*) n from registrations where status = 'confirmed' and capacity_override = 1")!.n;
  // A hold (confirm mode) takes a seat until it lapses; a registration awaiting approval takes none.
  const held = one<{ n: number }>(
    "select count(*) n from registrations where status = 'pending' and holds_seat = 1 and pending_until > ?",
    Date.now(),
  )!.n;
  const awaitingApproval = one<{ n: number }>("select count(*) n from registrations where status = 'pending' and pending_for = 'approval'")!.n;
  return { capacity: forumCapacity(event.capacity), confirmed: count("confirmed"), held, awaitingApproval, waiting: count("waiting"), cancelled: count("cancelled"), overrides };
}

/** Every dashboard table's body, computed from the database here rather than by the app's query. */
function expectedTables(): Record<(typeof TABLES)[number], string[][]> {
  const event = one<{ zone: string; start: string; end: string }>("select time_zone zone, start_date start, end_date end from events limit 1")!;
  const s = seatFigures();
  const rows = (pairs: (string | number)[][]) => pairs.map((row) => row.map(String));
  const offset = zoneOffsetMinutes(Date.now(), event.zone) * 60;
  let total = 0;
  const perDay = query<{ date: string; n: number }>(
    `select date(created_at / 1000 + ${offset}, 'unixepoch') date, count(*) n from registrations group by date order by date`,
  ).map((d) => [formatDay(d.date, "en", "short"), d.n, (total += d.n)]);
  const categories = CATEGORIES.map((c) => [
    en.registration.categories[c],
    one<{ n: number }>("select count(*) n from registrations where category = ? and status != 'cancelled'", c)!.n,
  ]);
  const days = daysBetween(event.start, event.end).map((day) => [
    formatDay(day, "en", "short"),
    one<{ n: number }>("select count(*) n from registrations, json_each(registrations.days) where status = 'confirmed' and value = ?", day)!.n,
    one<{ n: number }>("select count(*) n from check_ins where day = ?", day)!.n,
  ]);
  const sessions = query<{ title: string; seats: number; booked: number; waiting: number }>(
    `select title_en title, seat_limit seats,
       (select count(*) from session_bookings b where b.session_id = s.id and b.status = 'booked') booked,
       (select count(*) from session_bookings b where b.session_id = s.id and b.status = 'waiting') waiting
     from sessions s where seat_limit is not null and status != 'cancelled' order by starts_at`,
  ).map((r) => [r.title, r.seats, r.booked, r.waiting]);
  return {
    "Confirmed against capacity": rows([
      ["Capacity", s.capacity],
      ["Confirmed", s.confirmed],
      ["Held, awaiting confirmation", s.held],
      ["Seats free", Math.max(0, s.capacity - s.confirmed - s.held)],
      ["Awaiting approval", s.awaitingApproval],
      ["Waiting list", s.waiting],
      ["Confirmed over capacity (admin)", s.overrides],
      ["Cancelled", s.cancelled],
    ]),
    "Registrations over time": rows(perDay),
    "Categories (not cancelled)": rows(categories),
    "Days: check-ins against confirmed attendees": rows(days),
    "Seat-limited sessions": rows(sessions),
  };
}

test.describe("dashboard", () => {
  test("shows seats against capacity, with every chart's numbers also as a table, as the database has them", async ({ organizerPage: page }) => {
    await page.goto("/en/admin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Console");
    for (const title of TABLES) await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
    const seats = page.getByRole("region", { name: "Confirmed against capacity" });
    // The chart names its numbers; it does not rely on colour.
    await expect(seats.getByRole("img")).toHaveAccessibleName(/^\d+ confirmed of \d+ seats, \d+ waiting$/);

    // Other specs register meanwhile: read the database, the page, and the database again, until
    // nothing changed in between; then every table must say exactly what the database holds.
    await expect(async () => {
      const before = JSON.stringify(expectedTables());
      await page.reload();
      const shown: Record<string, string[][]> = {};
      for (const title of TABLES) {
        const region = page.getByRole("region", { name: title });
        await region.getByText("Show as a table").click();
        const table = region.getByRole("table");
        await expect(table).toBeVisible();
        shown[title] = await table.evaluate((t: HTMLTableElement) =>
          [...t.tBodies[0]!.rows].map((row) => [...row.cells].map((cell) => cell.textContent!.trim())),
        );
      }
      const after = expectedTables();
      expect(JSON.stringify(after), "the database changed while the page was read").toBe(before);
      expect(shown).toEqual(after);
    }).toPass();
    const { confirmed, waiting, capacity } = seatFigures();
    await expect(seats.getByRole("img")).toHaveAccessibleName(`${confirmed} confirmed of ${capacity} seats, ${waiting} waiting`);
  });

  test("in Chinese", async ({ organizerPage: page }) => {
    await page.goto("/zh-CN/admin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("管理后台");
    const seats = page.getByRole("region", { name: "已确认与容量" });
    await seats.getByText("以表格显示").click();
    await expect(seats.getByRole("row", { name: /^容量 250$/ })).toBeVisible();
  });

  test("staff are refused", async ({ staffPage }) => {
    expect((await staffPage.goto("/en/admin"))?.status()).toBe(403);
  });
});
