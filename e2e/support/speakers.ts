import type { Page } from "@playwright/test";
import { expect } from "./console";

// The console steps that make an invented speaker and invite them to the portal, shared by the
// specs of the portal and of the notices speakers receive.

/** An invented speaker, listed on the public site, with the organizers' own biography. */
export async function addListedSpeaker(page: Page, name: string): Promise<number> {
  await page.goto("/en/admin/speakers");
  await page.getByLabel("Name (English)").fill(name);
  await page.getByLabel("Biography (English)").fill("Biography written by the organizers.");
  await page.getByLabel("Show on the public site").check();
  await page.getByRole("button", { name: "Add speaker" }).click();
  await expect(page.getByText("Speaker added. You can add a photo now.")).toBeVisible();
  const id = Number(/\/admin\/speakers\/(\d+)/.exec(page.url())?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

export async function invite(page: Page, id: number, email: string, language: "English" | "Chinese") {
  await page.goto(`/en/admin/speakers/${id}`);
  const portal = page.getByRole("region", { name: "Speaker portal" });
  await portal.getByLabel("Speaker's email").fill(email);
  await portal.getByLabel("Language of the emails").selectOption({ label: language });
  await portal.getByRole("button", { name: "Send invitation" }).click();
  await expect(portal.getByText("Invitation sent. Any earlier link stopped working.")).toBeVisible();
}

