import { randomUUID } from "node:crypto";
import { expect, type Locator, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { expectHydrated } from "../support/hydration";

/**
 * The agenda editor publishes to the public schedule, which other specs count (30 sessions in the
 * exports, four rooms in schedule.json), and its publications and room edits regenerate the public
 * pages. So its specs need a server of their own: its own database AND its own build folder, since
 * Next writes regenerated pages into the build folder, where another server sharing it would serve
 * them. playwright.config.ts starts it and names it in E2E_AGENDA_PORT, its database in E2E_AGENDA_DB.
 */
const agendaPort = Number(process.env.E2E_AGENDA_PORT);
export const AGENDA_BASE_URL = `http://127.0.0.1:${agendaPort}`;
const databaseFile = process.env.E2E_AGENDA_DB || `./data/e2e-agenda-${agendaPort}.db`;

export function dbRows<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(databaseFile, { readonly: true });
  db.pragma("busy_timeout = 5000");
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

export class AgendaEditorPage {
  readonly form: Locator;
  readonly status: Locator;
  readonly alert: Locator;
  readonly publishButton: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("region", { name: /^(New session|Edit “)/ });
    // The editor's own notice, not the room and track forms' "Saved.".
    this.status = page.getByRole("status").filter({ hasText: /Saved “|Moved:|Session deleted/ });
    this.alert = page.getByRole("alert").filter({ hasText: /\S/ });
    this.publishButton = page.getByRole("button", { name: "Publish the draft" });
  }

  async goto() {
    await this.page.goto("/en/admin/agenda");
    await expectHydrated(this.publishButton);
    await expectHydrated(this.page.getByRole("button", { name: "New session" }));
  }

  async day(label: string) {
    await this.page.getByRole("group", { name: "Day" }).getByRole("button", { name: label }).click();
  }

  /** The day's grid: its first minute and the height of a 15-minute row (the zoom) are on it. */
  get grid(): Locator {
    return this.page.getByRole("region", { name: /^Sessions on / });
  }

  async gridScale(): Promise<{ start: number; end: number; slotPx: number }> {
    const grid = this.grid;
    const read = async (name: string) => Number(await grid.getAttribute(name));
    return { start: await read("data-grid-start"), end: await read("data-grid-end"), slotPx: await read("data-slot-px") };
  }

  /** The grid spans the edition's program; shows more hours where a test works outside it. */
  async showHours(from: string, to: string) {
    const view = this.page.getByRole("group", { name: "Grid view" });
    await view.getByLabel("To", { exact: true }).selectOption({ label: to });
    await view.getByLabel("From", { exact: true }).selectOption({ label: from });
    await expect(this.grid).toHaveAttribute("data-grid-start", String(minutes(from)));
    await expect(this.grid).toHaveAttribute("data-grid-end", String(to === "24:00" ? 24 * 60 : minutes(to)));
  }

  column(room: string): Locator {
    return this.page.getByRole("group", { name: room, exact: true });
  }

  block(title: string): Locator {
    return this.page.getByRole("button", { name: new RegExp(title) });
  }

  /** Adds a room through its form and waits for its column. */
  async addRoom(nameEn: string, capacity: number, nameZh = `${nameEn} 厅`) {
    const add = this.page.getByRole("group", { name: "Add a room" });
    await add.getByLabel("Name (English)").fill(nameEn);
    await add.getByLabel("Name (Chinese)").fill(nameZh);
    await add.getByLabel("Capacity").fill(String(capacity));
    await add.getByRole("button", { name: "Add" }).click();
    await expect(this.column(nameEn)).toBeVisible();
  }

  /** Clicks the free slot of `room` at `time` (forum time), which opens the new-session form there. */
  async clickSlot(room: string, time: string) {
    let scale = await this.gridScale();
    if (minutes(time) < scale.start || minutes(time) + 180 > scale.end) {
      // Room to drag and lengthen the session afterwards, as the specs do.
      await this.showHours(minutes(time) < scale.start ? time.slice(0, 2) + ":00" : hhmm(scale.start), "24:00");
      scale = await this.gridScale();
    }
    const y = ((minutes(time) - scale.start) / 15) * scale.slotPx + scale.slotPx / 2;
    await this.column(room).click({ position: { x: 6, y } });
    await expect(this.page.getByRole("heading", { name: "New session" })).toBeVisible();
  }

  async fillTitles(titleEn: string, titleZh: string) {
    await this.form.getByLabel("Title (English)").fill(titleEn);
    await this.form.getByLabel("Title (Chinese)").fill(titleZh);
  }

  async save() {
    await this.form.getByRole("button", { name: "Save draft" }).click();
  }

  /** The notice names the session saved, so an earlier save's notice does not count. */
  async expectSaved(titleEn: string) {
    await expect(this.status).toHaveText(`Saved “${titleEn}” as a draft. Publish to make it public.`);
  }

  /** Drags with the mouse by whole 15-minute rows; `handle` drags the lower edge instead. */
  async drag(title: string, rows: number, options: { handle?: boolean; toRoom?: string } = {}) {
    const block = this.block(title);
    // The mouse acts in the viewport: the block, and the rows it is dragged over, must be in it.
    await block.evaluate((el) => el.scrollIntoView({ block: "center" }));
    const { slotPx } = await this.gridScale();
    const box = (await block.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = options.handle ? box.y + box.height - 3 : box.y + 8;
    let dx = 0;
    if (options.toRoom) {
      const target = (await this.column(options.toRoom).boundingBox())!;
      dx = target.x + target.width / 2 - x;
    }
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y + (rows * slotPx) / 2, { steps: 4 });
    await this.page.mouse.move(x + dx, y + rows * slotPx, { steps: 4 });
    await this.page.mouse.up();
  }

  async publish(): Promise<number> {
    await this.publishButton.click();
    const done = this.page.getByRole("status").filter({ hasText: /Version \d+ is public/ });
    await expect(done).toBeVisible();
    return Number(/Version (\d+)/.exec((await done.textContent()) ?? "")?.[1]);
  }
}
