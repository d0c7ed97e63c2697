import { expect, type Locator } from "@playwright/test";

/**
 * Waits until React has taken over an element. Until then a select or a typed query only changes
 * the server's HTML and never reaches the app, so actions on client components wait for this.
 * A public page that wakes on interaction (server/wake-on-interaction.mjs) loads React at the
 * first sign of use: a key pressed (Shift, which does nothing else) is that sign.
 */
export async function expectHydrated(locator: Locator): Promise<void> {
  await locator.page().keyboard.press("Shift");
  await expect
    .poll(() =>
      locator.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactFiber$"))),
    )
    .toBe(true);
}
