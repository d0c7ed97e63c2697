import { expect, type Locator, type Page } from "@playwright/test";
import { expectHydrated } from "../support/hydration";
import { site, type Locale } from "../support/site";

/** The quote archive: search, speaker and topic filters, and the quotes that match. */
export class QuotesPage {
  readonly search: Locator;
  readonly speaker: Locator;
  readonly topic: Locator;
  readonly clear: Locator;
  /** Each quote is a figure whose caption names the speaker and cites the source. */
  readonly quotes: Locator;

  constructor(
    readonly page: Page,
    readonly locale: Locale = "en",
  ) {
    const t = site[locale];
    this.search = page.getByRole("searchbox", { name: t.quoteSearch, exact: true });
    this.speaker = page.getByRole("combobox", { name: t.speaker, exact: true });
    this.topic = page.getByRole("combobox", { name: t.topic, exact: true });
    this.clear = page.getByRole("button", { name: site[locale].clear });
    this.quotes = page.getByRole("main").getByRole("figure");
  }

  async goto(query = "") {
    const response = await this.page.goto(`/${this.locale}/quotes${query}`);
    await expectHydrated(this.search);
    return response;
  }

  /** The quote whose words (or their translation) contain the text. */
  quote(words: string): Locator {
    return this.quotes.filter({ hasText: words });
  }

  async expectCount(n: number) {
    await expect(
      this.page.getByText(site[this.locale].quoteCount(n), { exact: true }),
    ).toBeVisible();
    await expect(this.quotes).toHaveCount(n);
  }

  /** The speakers of the quotes shown, in order. */
  async expectSpeakers(names: string[]) {
    await expect(
      this.quotes.getByRole("link", { name: /^(Wang Yao|Liu Jining|Lu Fangzhou)$/ }),
    ).toHaveText(names);
    await this.expectCount(names.length);
  }
}
