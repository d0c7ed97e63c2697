import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { expectHydrated } from "./support/hydration";
import { attendee, RegisterPage } from "./pages/register-page";

// The private link: stored only as a hash, and replaceable by its holder from the ticket page.

const port = Number(process.env.E2E_PORT || 3100);
const databaseFile = `./data/e2e-${port}.db`;

test("a person replaces their link: the old one answers 404, the new one opens the ticket and is emailed to them", async ({ page, request }) => {
  const person = await new RegisterPage(page).register(attendee());
  const oldPath = new URL(page.url()).pathname;
  const oldToken = oldPath.split("/").at(-1)!;

  const db = new Database(databaseFile, { readonly: true });
  try {
    const row = db.prepare("select manage_token_hash hash from registrations where email = ?").get(person.email) as { hash: string };
    // The database holds the token's SHA-256, never the token.
    expect(row.hash).toBe(createHash("sha256").update(oldToken).digest("hex"));
    expect(JSON.stringify(db.prepare("select * from registrations where email = ?").get(person.email))).not.toContain(oldToken);
  } finally {
    db.close();
  }

  const open = page.getByRole("button", { name: "Replace my link…" });
  await expectHydrated(open);
  await open.click();
  await page.getByRole("button", { name: "Yes, replace my link" }).click();
  await expect(page).toHaveURL(/\/en\/ticket\/[A-Za-z0-9_-]{32}\?replaced=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Your link has been replaced" })).toContainText(person.email);
  const newPath = new URL(page.url()).pathname;
  expect(newPath).not.toBe(oldPath);

  expect((await request.get(oldPath)).status()).toBe(404);
  expect((await request.get(newPath)).status()).toBe(200);
  await page.goto(oldPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link is not valid");

  const mail = new Database(databaseFile, { readonly: true });
  try {
    const email = mail
      .prepare("select o.\"to\" address, o.text from outbox o join registrations r on r.id = o.registration_id where r.email = ? and o.kind = 'link-replaced'")
      .get(person.email) as { address: string; text: string } | undefined;
    expect(email?.address).toBe(person.email);
    expect(email?.text).toContain(newPath);
    const audit = mail
      .prepare("select a.actor, a.after from audit_log a join registrations r on r.id = a.entity_id where a.entity = 'registration' and a.action = 'replace-manage-link' and r.email = ?")
      .all(person.email) as { actor: string; after: string | null }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toMatch(/^attendee:CAF-/);
    expect(JSON.stringify(audit)).not.toContain(newPath.split("/").at(-1)!);
  } finally {
    mail.close();
  }
});
