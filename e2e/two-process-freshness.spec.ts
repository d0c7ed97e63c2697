import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/console";

// Two server processes on one database and one build (playwright.config.ts, the pair): a change
// saved through the first must show in the next answer of the second, whose copies of pages
// the change does not touch must stay cached.
const [first, second] = (process.env.E2E_PAIR_PORTS ?? "").split(",").map((port) => `http://127.0.0.1:${port}`) as [string, string];
const databaseFile = `./data/e2e-pair-${new URL(first).port}.db`;

type Speaker = { id: number; slug: string };

/** Seeded speakers of the illustrative program (not the article's people, who cannot be edited freely). */
function speakers(): Speaker[] {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db.prepare("select id, slug from speakers where listed = 1 and source_id is null order by id").all() as Speaker[];
  } finally {
    db.close();
  }
}

let http: APIRequestContext;
test.beforeAll(async () => {
  http = await playwrightRequest.newContext();
});
test.afterAll(async () => {
  await http.dispose();
});

/** Asks until the process holds a copy of the page (x-forum-cache: HIT), and answers that copy's text. */
async function cached(base: string, path: string): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const response = await http.get(base + path);
    expect(response.status()).toBe(200);
    if (response.headers()["x-forum-cache"] === "HIT") return response.text();
  }
  throw new Error(`${base}${path} was never served from the page copy`);
}

test.describe("two processes, one truth", () => {
  test.describe.configure({ mode: "serial", timeout: 60_000 });
  test.use({ baseURL: first });

  test("a biography saved through one process shows in the other's next answer; its other pages stay cached", async ({ organizerPage: page }) => {
    const [speaker] = speakers();
    expect(speaker).toBeDefined();
    const path = `/en/speakers/${speaker!.slug}`;
    for (const base of [first, second]) {
      await cached(base, path);
      await cached(base, "/en/agenda");
      await cached(base, "/en/speakers");
    }

    const bio = `A biography saved through one process, ${randomUUID()}.`;
    await page.goto(`/en/admin/speakers/${speaker!.id}`);
    await page.getByLabel("Biography (English)").fill(bio);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Changes saved.")).toBeVisible();

    for (const base of [second, first]) {
      const response = await http.get(base + path);
      expect((await response.text()).includes(bio), `${base}${path} shows the new biography`).toBe(true);
      expect(response.headers()["x-forum-cache"]).toBeUndefined();
      // Copied again once fresh.
      expect((await cached(base, path)).includes(bio), `${base}${path} is copied again, new`).toBe(true);
      // A biography shows on its own page only: the others are still sent from the copy.
      for (const untouched of ["/en/agenda", "/en/speakers"]) {
        expect((await http.get(base + untouched)).headers()["x-forum-cache"], `${base}${untouched}`).toBe("HIT");
      }
    }
  });

  test("a title saved through the other process shows on every page of both", async ({ browser }) => {
    const [, speaker] = speakers();
    expect(speaker).toBeDefined();
    for (const base of [first, second]) {
      await cached(base, `/en/speakers/${speaker!.slug}`);
      await cached(base, "/en/speakers");
    }
    // Signed in through the second process this time.
    const context = await browser.newContext({ baseURL: second });
    const page = await context.newPage();
    await page.goto("/en/sign-in");
    await page.getByLabel("Email").fill("organizer@forum.test");
    await page.getByLabel("Password", { exact: true }).fill("forum e2e passphrase 2024");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    const title = `Chief of freshness ${randomUUID().slice(0, 8)}`;
    await page.goto(`/en/admin/speakers/${speaker!.id}`);
    await page.getByLabel("Job title (English)").fill(title);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Changes saved.")).toBeVisible();
    await context.close();

    for (const base of [first, second]) {
      for (const path of ["/en/speakers", `/en/speakers/${speaker!.slug}`]) {
        const response = await http.get(base + path);
        expect((await response.text()).includes(title), `${base}${path} shows the new title`).toBe(true);
      }
    }
  });
});
