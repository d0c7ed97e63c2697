import { expect, type Locator, type Page } from "@playwright/test";
import { expectHydrated } from "../support/hydration";
import { site, type Locale } from "../support/site";

/** The agenda: day tabs, filters and the sessions of the selected day. */
export class AgendaPage {
  readonly search: Locator;
  readonly track: Locator;
  readonly type: Locator;
  readonly room: Locator;
  readonly clear: Locator;
  readonly tabs: Locator;
  readonly panel: Locator;
  /** The titles of the sessions shown, in order; hidden layouts (grid or list) do not count. */
  readonly titles: Locator;

  constructor(
    readonly page: Page,
    readonly locale: Locale = "en",
  ) {
    const t = site[locale];
    this.search = page.getByRole("searchbox", { name: t.search, exact: true });
    this.track = page.getByRole("combobox", { name: t.track, exact: true });
    this.type = page.getByRole("combobox", { name: t.type, exact: true });
    this.room = page.getByRole("combobox", { name: t.room, exact: true });
    this.clear = page.getByRole("button", { name: t.clear });
    this.tabs = page.getByRole("tab");
    this.panel = page.getByRole("tabpanel");
    this.titles = this.panel.getByRole("article").getByRole("heading");
  }

  /** Opens the agenda with a query string ("?day=…") and waits until the filters respond. */
  async goto(query = "") {
    const response = await this.page.goto(`/${this.locale}/agenda${query}`);
    await expectHydrated(this.search);
    return response;
  }

  /** The tab of a forum day, 0 for 11 July; its name may carry a match count. */
  tab(index: 0 | 1 | 2): Locator {
    return this.page.getByRole("tab", { name: site[this.locale].days[index] });
  }

  /** The card of one session, found by its title. */
  card(title: string): Locator {
    return this.panel
      .getByRole("article")
      .filter({ has: this.page.getByRole("heading", { name: title, exact: true }) });
  }

  async expectDay(index: 0 | 1 | 2) {
    await expect(this.tab(index)).toHaveAttribute("aria-selected", "true");
    await expect(this.panel).toHaveAccessibleName(site[this.locale].dayLong[index]);
  }

  async expectCount(n: number) {
    await expect(
      this.panel.getByText(site[this.locale].sessionsOnDay(n), { exact: true }),
    ).toBeVisible();
    await expect(this.panel.getByRole("article")).toHaveCount(n);
  }

  async expectTitles(titles: string[]) {
    await expect(this.titles).toHaveText(titles);
    await this.expectCount(titles.length);
  }
}
