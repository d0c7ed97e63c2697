import path from "node:path";
import { expect, test } from "@playwright/test";
import { scheduleJsonValidator, validateScheduleXml } from "../lib/schedule/validators";
import { openDatabase } from "./fixtures/content-db";

// Every edition at its own addresses (/<locale>/<path>/agenda, .../sessions/<slug>), the unprefixed
// ones showing the current edition; a past edition is an archive; its exports are its own.

const keynote = "keynote-intelligent-connected-nev";
const keynoteTitle = "Keynote: The NEV Market and Intelligent Connected NEVs";
const PAST = { slug: "caf2023", path: "2023", title: "Opening of the 2023 forum" };

/** A past edition, added to the database as a copied edition would be: a room and a published session whose slug 2024 also uses. */
test.beforeAll(() => {
  const db = openDatabase();
  try {
    db.transaction(() => {
      const event = db
        .prepare(
          `insert into events (slug, path, is_current, name_en, name_zh, venue_en, venue_zh, time_zone, start_date, end_date)
           values (?, ?, 0, 'China Auto Forum 2023', '2023中国汽车论坛', 'Expo Centre', '会展中心', 'Europe/Berlin', '2023-06-01', '2023-06-02')
           on conflict(slug) do update set path = excluded.path returning id`,
        )
        .get(PAST.slug, PAST.path) as { id: number };
      const room = db
        .prepare("insert into rooms (event_id, slug, name_en, name_zh) values (?, 'expo-hall', 'Expo Hall', '展厅') on conflict(event_id, slug) do update set name_en = excluded.name_en returning id")
        .get(event.id) as { id: number };
      db.prepare(
        `insert into sessions (event_id, slug, type, status, starts_at, ends_at, room_id, title_en, title_zh)
         values (?, ?, 'ceremony', 'published', ?, ?, ?, ?, '2023年论坛开幕') on conflict do nothing`,
      ).run(event.id, keynote, Date.parse("2023-06-01T07:00:00Z"), Date.parse("2023-06-01T07:30:00Z"), room.id, PAST.title);
    })();
  } finally {
    db.close();
  }
});

test.describe("an edition's own addresses", () => {
  test("/en/2024/agenda and /zh-CN/2024/agenda show the 2024 agenda, the current edition's, without an archive banner", async ({ page }) => {
    for (const [locale, heading] of [["en", "Agenda"], ["zh-CN", "议程"]] as const) {
      const response = await page.goto(`/${locale}/2024/agenda`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      // The current edition's sessions link to the addresses they have always had.
      await expect(page.getByRole("main").locator(`a[href="/${locale}/sessions/${keynote}"]`).first()).toBeVisible();
      await expect(page.getByRole("note")).toHaveCount(0);
      await expect(page.getByRole("main")).not.toContainText(PAST.title);
    }
  });

  test("a session at its edition's address, and at the address it always had", async ({ page }) => {
    for (const address of [`/en/2024/sessions/${keynote}`, `/en/sessions/${keynote}`]) {
      const response = await page.goto(address);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(keynoteTitle);
    }
  });

  test("the unprefixed agenda shows the current edition, not a past one", async ({ page }) => {
    const response = await page.goto("/en/agenda");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("link", { name: keynoteTitle }).first()).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText(PAST.title);
  });

  test("an edition that does not exist is not found, on pages and exports", async ({ page, request }) => {
    for (const address of ["/en/1999/agenda", "/zh-CN/1999/agenda", `/en/1999/sessions/${keynote}`, "/en/1999/agenda/changes"]) {
      const response = await page.goto(address);
      expect(response?.status(), address).toBe(404);
    }
    for (const address of ["/editions/1999/schedule.json", "/editions/1999/schedule.xml", "/editions/1999/agenda.ics"]) {
      expect((await request.get(address)).status(), address).toBe(404);
    }
    const api = await request.get("/api/v1/sessions?edition=caf1999");
    expect(api.status()).toBe(400);
    expect(await api.json()).toMatchObject({ parameter: "edition" });
  });
});

test.describe("a past edition", () => {
  test("is a read-only archive: a banner says when and where it took place, in both languages", async ({ page }) => {
    await page.goto(`/en/${PAST.path}/agenda?day=2023-06-01`);
    await expect(page.getByRole("note")).toHaveText(
      "This is the archive of the China Auto Forum 2023, which took place 1–2 June 2023 at Expo Centre. Registration is closed.",
    );
    await expect(page.getByRole("link", { name: PAST.title }).first()).toHaveAttribute("href", `/en/${PAST.path}/sessions/${keynote}`);
    await page.goto(`/zh-CN/${PAST.path}/agenda`);
    await expect(page.getByRole("note")).toHaveText("这是2023中国汽车论坛的存档页面：本届论坛已于2023年6月1日至2日在会展中心举行。报名已关闭。");
  });

  test("its session, with the same slug as a 2024 one, is its own, in its zone, with nothing to star", async ({ page }) => {
    const response = await page.goto(`/en/${PAST.path}/sessions/${keynote}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PAST.title);
    await expect(page.getByRole("definition").first()).toHaveText("Thursday 1 June 2023, 09:00–09:30 (UTC+2)");
    await expect(page.getByRole("button", { name: `Star ${PAST.title}` })).toHaveCount(0);
  });

  test("its exports carry its acronym and only its sessions, valid against the schedule.json schema", async ({ request }) => {
    const response = await request.get(`/editions/${PAST.path}/schedule.json`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { schedule: { conference: { acronym: string; time_zone_name: string } } };
    expect(scheduleJsonValidator(path.resolve(__dirname, ".."))(body)).toEqual([]);
    expect(body.schedule.conference.acronym).toBe(PAST.slug);
    expect(body.schedule.conference.time_zone_name).toBe("Europe/Berlin");
    expect(JSON.stringify(body)).toContain(PAST.title);
    expect(await (await request.get("/schedule.json")).text()).not.toContain(PAST.title);

    const xml = await request.get(`/editions/${PAST.path}/schedule.xml`);
    expect(xml.status()).toBe(200);
    const xmlText = await xml.text();
    expect(validateScheduleXml(path.resolve(__dirname, ".."), xmlText)).toEqual({ ok: true, output: "- validates" });
    expect(xmlText).toContain(`<acronym>${PAST.slug}</acronym>`);

    const ics = await request.get(`/editions/${PAST.path}/agenda.ics`);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain(PAST.title);

    const api = (await (await request.get(`/api/v1/sessions?edition=${PAST.slug}`)).json()) as { data: { edition: string; title: { en: string } }[] };
    expect(api.data.map((s) => [s.edition, s.title.en])).toEqual([[PAST.slug, PAST.title]]);
    const editions = (await (await request.get("/api/v1/editions")).json()) as { data: { acronym: string; current: boolean }[] };
    expect(editions.data.find((e) => e.acronym === PAST.slug)?.current).toBe(false);
  });
});
